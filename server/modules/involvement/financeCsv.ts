import { activityKindLabels, type LineState, type StatementLine } from '../../../shared/contracts/involvement';
import { decimalOf, sumMinor } from '../../../shared/involvement/money';
import { actorIn } from '../../policies/actor';
import { authorizeInvolvement } from '../../policies/involvementRules';
import type { Services } from '../../services';
import { csvDocument, type CsvValue } from './csv';
import { statementLines } from './paymentOperations';

const stateWords: Record<LineState, string> = {
  awaiting_confirmation: 'Not yet confirmed',
  disputed: 'Person says something is wrong',
  awaiting_choice: 'Confirmed; payment choice not yet made',
  on_hold: 'On hold: may affect benefits, talk to them first',
  declined: 'Declined payment',
  paid: 'Pay',
  voucher: 'Voucher',
};

export const financeCsvHeader = [
  'Person',
  'Email',
  'Date',
  'Activity',
  'Kind',
  'Minutes',
  'Status',
  'Fee basis',
  'Fee',
  'Travel',
  'Care cover',
  'Other expenses',
  'Total',
  'Currency',
] as const;

/** One record per person per activity; amounts are decimals of the currency, blank where nothing is owed. */
export function financeRow(person: { name: string; email: string }, line: StatementLine, currency: string): CsvValue[] {
  const expense = (kind: string) =>
    line.expensesCounted ? sumMinor(line.expenses.filter((e) => e.kind === kind).map((e) => e.amountMinor)) : null;
  const travel = expense('travel');
  const care = expense('care_cover');
  const other = expense('other');
  const owed = line.feeMinor !== null || line.expensesCounted;
  const total = sumMinor([line.feeMinor ?? 0, travel ?? 0, care ?? 0, other ?? 0]);
  const money = (minor: number | null) => (minor === null ? null : decimalOf(minor, currency));
  return [
    person.name,
    person.email,
    line.occurredOn,
    line.title,
    activityKindLabels[line.kind],
    line.durationMinutes,
    stateWords[line.state],
    line.feeBasis,
    money(line.feeMinor),
    money(travel),
    money(care),
    money(other),
    owed ? money(total) : null,
    currency,
  ];
}

/** The finance team's CSV for a workspace (admins only), optionally between two dates (inclusive). */
export async function financeCsv(
  services: Services,
  workspaceId: string,
  userId: string,
  range: { from?: string; to?: string },
): Promise<string> {
  authorizeInvolvement(await actorIn(services, workspaceId, userId), 'involvement.managePayments');
  const { currency, lines } = await statementLines(services, workspaceId, range);
  return csvDocument(
    financeCsvHeader,
    lines.map(({ row, line }) => financeRow(row, line, currency)),
  );
}
