import type {
  ActivityKind,
  ExpenseKind,
  LineState,
  ParticipationStatus,
  PaymentChoice,
  Statement,
  StatementLine,
} from '../../../shared/contracts/involvement';
import { feeFor, sumMinor, type Rates } from '../../../shared/involvement/money';

/** One participation as the statement rules read it. */
export interface ParticipationFacts {
  activityId: string;
  kind: ActivityKind;
  title: string;
  occurredOn: string;
  durationMinutes: number;
  status: ParticipationStatus;
  choice: PaymentChoice | null;
}

export interface ExpenseFacts {
  id: string;
  activityId: string;
  kind: ExpenseKind;
  amountMinor: number;
  note: string | null;
}

/**
 * Where a participation stands. Nothing is owed before the person confirms; "talk to me first" holds everything
 * (fee and expenses) until an admin has talked it through and recorded what was agreed (which replaces the choice).
 */
export function lineState(status: ParticipationStatus, choice: PaymentChoice | null): LineState {
  if (status === 'pending') return 'awaiting_confirmation';
  if (status === 'disputed') return 'disputed';
  switch (choice) {
    case null:
      return 'awaiting_choice';
    case 'talk_first':
      return 'on_hold';
    default:
      return choice;
  }
}

/** One line: the fee when the person is to be paid or given a voucher (and rates are set), and their expenses. */
export function statementLine(p: ParticipationFacts, expenses: ExpenseFacts[], rates: Rates | null): StatementLine {
  const state = lineState(p.status, p.choice);
  const fee = rates && (state === 'paid' || state === 'voucher') ? feeFor(p.durationMinutes, rates) : null;
  return {
    activityId: p.activityId,
    kind: p.kind,
    title: p.title,
    occurredOn: p.occurredOn,
    durationMinutes: p.durationMinutes,
    status: p.status,
    choice: p.choice,
    state,
    feeMinor: fee?.feeMinor ?? null,
    feeBasis: fee?.basis ?? null,
    expenses: expenses.map(({ id, kind, amountMinor, note }) => ({ id, kind, amountMinor, note })),
    expensesCounted: p.status === 'confirmed' && state !== 'on_hold',
  };
}

/** Totals of what counts: fees paid as money, fees given as vouchers, expenses reimbursed. */
export function statementTotals(lines: StatementLine[]): Statement['totals'] {
  const paidMinor = sumMinor(lines.filter((l) => l.state === 'paid').map((l) => l.feeMinor ?? 0));
  const voucherMinor = sumMinor(lines.filter((l) => l.state === 'voucher').map((l) => l.feeMinor ?? 0));
  const expensesMinor = sumMinor(
    lines.filter((l) => l.expensesCounted).flatMap((l) => l.expenses.map((e) => e.amountMinor)),
  );
  return { paidMinor, voucherMinor, expensesMinor, totalMinor: sumMinor([paidMinor, voucherMinor, expensesMinor]) };
}
