import { randomUUID } from 'node:crypto';
import type {
  BenefitsDiscussedBody,
  ExpenseBody,
  ExpenseKind,
  RatesBody,
  RatesView,
  Statement,
} from '../../../shared/contracts/involvement';
import type { Rates } from '../../../shared/involvement/money';
import { nowIso } from '../../clock';
import { AppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import { authorizeInvolvement, authorizeStatement } from '../../policies/involvementRules';
import type { Services } from '../../services';
import { loadActivity } from './activityOperations';
import type { LineRow } from './involvementRepository';
import { statementLine, statementTotals, type ExpenseFacts, type ParticipationFacts } from './statement';

/** Until an admin sets a currency, amounts are in pounds sterling (Chorus grew from a UK team). */
export const defaultCurrency = 'GBP';

/** The workspace's rate table in minor units (bigint columns come back from PostgreSQL as strings). */
export async function ratesOf(
  services: Services,
  workspaceId: string,
): Promise<{ currency: string; rates: Rates | null; updatedAt: string | null }> {
  const row = await services.involvement.rates(workspaceId);
  if (!row) return { currency: defaultCurrency, rates: null, updatedAt: null };
  return {
    currency: row.currency,
    rates: {
      hourMinor: Number(row.hour_minor),
      halfDayMinor: Number(row.half_day_minor),
      dayMinor: Number(row.day_minor),
    },
    updatedAt: row.updated_at,
  };
}

export async function getRates(services: Services, workspaceId: string, userId: string): Promise<RatesView> {
  authorizeInvolvement(await actorIn(services, workspaceId, userId), 'involvement.managePayments');
  return ratesOf(services, workspaceId);
}

export async function setRates(
  services: Services,
  workspaceId: string,
  userId: string,
  body: RatesBody,
): Promise<RatesView> {
  authorizeInvolvement(await actorIn(services, workspaceId, userId), 'involvement.managePayments');
  if (body.halfDayMinor > body.dayMinor) {
    throw new AppError('validation_failed', 'The half-day rate cannot be more than the day rate.', {
      fields: [{ path: 'halfDayMinor', message: 'Make the half-day rate no more than the day rate.' }],
    });
  }
  await services.transaction(async (tx) => {
    await services.involvement.setRates(
      {
        workspace_id: workspaceId,
        currency: body.currency,
        hour_minor: body.hourMinor,
        half_day_minor: body.halfDayMinor,
        day_minor: body.dayMinor,
        updated_by: userId,
        updated_at: nowIso(),
      },
      tx,
    );
    await services.audit.record(
      { workspaceId, actorId: userId, action: 'involvement.rates_changed', detail: { ...body } },
      tx,
    );
  });
  return ratesOf(services, workspaceId);
}

/** The participation of `personId` in the activity, for an admin recording payments; 404 when not listed. */
async function participationForAdmin(services: Services, activityId: string, personId: string, userId: string) {
  const { row, actor } = await loadActivity(services, activityId, userId);
  authorizeInvolvement(actor, 'involvement.managePayments');
  const participant = await services.involvement.findParticipant(row.id, personId);
  if (!participant) throw notFound('person in this activity');
  return { activity: row, participant };
}

/** After "talk to me first": the admin records that they talked, and what the person agreed. */
export async function markBenefitsDiscussed(
  services: Services,
  activityId: string,
  personId: string,
  userId: string,
  body: BenefitsDiscussedBody,
): Promise<void> {
  const { activity, participant } = await participationForAdmin(services, activityId, personId, userId);
  if (participant.choice !== 'talk_first') {
    throw new AppError(
      'conflict',
      `${participant.name} did not ask to talk first about this activity, so there is nothing to mark as talked through.`,
    );
  }
  await services.transaction(async (tx) => {
    await services.involvement.updateParticipant(
      activity.id,
      personId,
      { choice: body.choice, benefits_discussed_at: nowIso(), benefits_discussed_by: userId },
      tx,
    );
    await services.audit.record(
      {
        workspaceId: activity.workspace_id,
        actorId: userId,
        action: 'involvement.benefits_discussed',
        subjectId: activity.id,
        detail: { personId, agreed: body.choice },
      },
      tx,
    );
  });
}

export async function addExpense(
  services: Services,
  activityId: string,
  personId: string,
  userId: string,
  body: ExpenseBody,
): Promise<{ id: string }> {
  const { activity } = await participationForAdmin(services, activityId, personId, userId);
  const id = randomUUID();
  await services.involvement.addExpense({
    id,
    activity_id: activity.id,
    user_id: personId,
    workspace_id: activity.workspace_id,
    kind: body.kind,
    amount_minor: body.amountMinor,
    note: body.note ?? null,
    created_by: userId,
    created_at: nowIso(),
  });
  return { id };
}

export async function deleteExpense(services: Services, expenseId: string, userId: string): Promise<void> {
  const expense = await services.involvement.findExpense(expenseId);
  if (!expense) throw notFound('expense');
  const actor = await actorIn(services, expense.workspace_id, userId);
  if (!actor.role) throw notFound('expense');
  authorizeInvolvement(actor, 'involvement.managePayments');
  await services.involvement.deleteExpense(expense.id);
}

const participationOf = (row: LineRow): ParticipationFacts => ({
  activityId: row.activity_id,
  kind: row.kind as ParticipationFacts['kind'],
  title: row.title,
  occurredOn: row.occurred_on,
  durationMinutes: row.duration_minutes,
  status: row.status,
  choice: row.choice,
});

/** Every person's lines in the workspace (or one person's), with their expenses, by the current rate table. */
export async function statementLines(
  services: Services,
  workspaceId: string,
  options: { userId?: string; from?: string; to?: string },
) {
  const [{ currency, rates }, rows, expenseRows] = await Promise.all([
    ratesOf(services, workspaceId),
    services.involvement.lines(workspaceId, options),
    services.involvement.expenses(workspaceId, options.userId),
  ]);
  const expenses = new Map<string, ExpenseFacts[]>();
  for (const e of expenseRows) {
    const key = `${e.activity_id}/${e.user_id}`;
    expenses.set(key, [
      ...(expenses.get(key) ?? []),
      {
        id: e.id,
        activityId: e.activity_id,
        kind: e.kind as ExpenseKind,
        amountMinor: Number(e.amount_minor),
        note: e.note,
      },
    ]);
  }
  const lines = rows.map((row) => ({
    row,
    line: statementLine(participationOf(row), expenses.get(`${row.activity_id}/${row.user_id}`) ?? [], rates),
  }));
  return { currency, ratesSet: rates !== null, lines };
}

/** A person's statement: theirs to see, or anyone's for an admin. `personId` "me" is the caller. */
export async function getStatement(
  services: Services,
  workspaceId: string,
  personId: string,
  userId: string,
): Promise<Statement> {
  const who = personId === 'me' ? userId : personId;
  const actor = await actorIn(services, workspaceId, userId);
  authorizeStatement(actor, who);
  const person = await services.users.findById(who);
  const membership = await services.workspaces.membership(workspaceId, who);
  const { currency, ratesSet, lines } = await statementLines(services, workspaceId, { userId: who });
  if (!person || (!membership && lines.length === 0)) throw notFound('person');
  const shown = lines.map((l) => l.line);
  return {
    person: { userId: person.id, name: person.name },
    currency,
    ratesSet,
    lines: shown,
    totals: statementTotals(shown),
  };
}
