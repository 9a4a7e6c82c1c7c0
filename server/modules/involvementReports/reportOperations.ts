import { randomUUID } from 'node:crypto';
import type { BalanceRole } from '../../../shared/contracts/balance';
import type {
  Gripp2Body,
  Gripp2Evidence,
  Gripp2Report,
  ImpactEntry,
  ImpactEntryBody,
  ImpactLog,
} from '../../../shared/contracts/involvementReports';
import { impactEntryBodySchema } from '../../../shared/contracts/involvementReports';
import { nowIso } from '../../clock';
import type { ImpactEntriesTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { actorIn } from '../../policies/actor';
import { authorizeReport, reportAbilitiesOf } from '../../policies/involvementReportRules';
import type { Services } from '../../services';
import { getBalance } from '../balance/balanceOperations';

const emptyItems: Gripp2Body = { aim: '', methods: '', results: '', discussion: '', reflections: '' };

/**
 * The numbers offered as evidence, by role and never by name: the involvement log's activities and hours, the
 * balance of voices (seconds heard, sign-offs) and how many reflection answers each role gave.
 */
export async function gripp2Evidence(services: Services, workspaceId: string, userId: string): Promise<Gripp2Evidence> {
  const [activities, balance, answers] = await Promise.all([
    services.involvement.listActivities(workspaceId),
    getBalance(services, workspaceId, userId),
    services.reflections.answers(workspaceId),
  ]);
  const participants = await services.involvement.participantsOf(activities.map((a) => a.id));
  const minutesOf = new Map(activities.map((a) => [a.id, a.duration_minutes] as const));
  const byRole = new Map<BalanceRole, { people: Set<string>; minutes: number }>();
  for (const p of participants) {
    if (p.status === 'disputed') continue;
    const role: BalanceRole = p.role ?? 'former';
    const tally = byRole.get(role) ?? { people: new Set<string>(), minutes: 0 };
    tally.people.add(p.user_id);
    tally.minutes += minutesOf.get(p.activity_id) ?? 0;
    byRole.set(role, tally);
  }
  const answersByRole = new Map<string, number>();
  for (const a of answers) answersByRole.set(a.role, (answersByRole.get(a.role) ?? 0) + 1);
  return {
    involvement: {
      activities: activities.length,
      byRole: [...byRole].map(([role, t]) => ({
        role,
        people: t.people.size,
        hours: Math.round((t.minutes / 60) * 100) / 100,
      })),
    },
    heard: balance.heard.byRole.map((r) => ({ role: r.role, seconds: r.seconds })),
    publishedEpisodes: balance.episodes,
    reflections: [...answersByRole].map(([role, count]) => ({ role, answers: count })),
    signoffs: balance.signoffs,
  };
}

/** The GRIPP2 report with its evidence, for any member. */
export async function getGripp2(services: Services, workspaceId: string, userId: string): Promise<Gripp2Report> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReport(actor, 'reports.read');
  const [row, evidence] = await Promise.all([
    services.involvementReports.gripp2(workspaceId),
    gripp2Evidence(services, workspaceId, userId),
  ]);
  const editor = row?.updated_by ? await services.workspaces.membership(workspaceId, row.updated_by) : undefined;
  return {
    items: row
      ? {
          aim: row.aim,
          methods: row.methods,
          results: row.results,
          discussion: row.discussion,
          reflections: row.reflections,
        }
      : emptyItems,
    updatedAt: row?.updated_at ?? null,
    updatedByRole: row ? (editor?.role ?? (row.updated_by ? 'former' : null)) : null,
    evidence,
    abilities: reportAbilitiesOf(actor),
  };
}

/** Writes the five items (admins and editors). */
export async function saveGripp2(
  services: Services,
  workspaceId: string,
  userId: string,
  body: Gripp2Body,
): Promise<Gripp2Report> {
  authorizeReport(await actorIn(services, workspaceId, userId), 'reports.edit');
  await services.involvementReports.saveGripp2({
    workspace_id: workspaceId,
    ...body,
    updated_by: userId,
    updated_at: nowIso(),
  });
  return getGripp2(services, workspaceId, userId);
}

const viewOf = (text: string | null, by: string | null, at: string | null, userId: string) =>
  text !== null && at !== null ? { text, at, mine: by === userId } : null;

function presentEntry(row: ImpactEntriesTable, userId: string): ImpactEntry {
  return {
    id: row.id,
    occurredOn: row.occurred_on,
    activity: row.activity,
    activityId: row.activity_id,
    whatChanged: row.what_changed,
    evidence: row.evidence,
    staffView: viewOf(row.staff_view, row.staff_view_by, row.staff_view_at, userId),
    carerView: viewOf(row.carer_view, row.carer_view_by, row.carer_view_at, userId),
    createdAt: row.created_at,
  };
}

/** The impact log, for any member. */
export async function getImpactLog(services: Services, workspaceId: string, userId: string): Promise<ImpactLog> {
  const actor = await actorIn(services, workspaceId, userId);
  authorizeReport(actor, 'reports.read');
  const rows = await services.involvementReports.entries(workspaceId);
  return { entries: rows.map((r) => presentEntry(r, userId)), abilities: reportAbilitiesOf(actor) };
}

/** Adds an entry (admins and editors); a linked activity must be one of this workspace's. */
export async function addImpactEntry(
  services: Services,
  workspaceId: string,
  userId: string,
  input: ImpactEntryBody,
): Promise<ImpactEntry> {
  authorizeReport(await actorIn(services, workspaceId, userId), 'reports.edit');
  const body = impactEntryBodySchema.parse(input);
  if (body.activityId) {
    const activity = await services.involvement.findActivity(body.activityId);
    if (activity?.workspace_id !== workspaceId) {
      throw new AppError('validation_failed', 'That activity is not in this workspace’s involvement log.', {
        fields: [{ path: 'activityId', message: 'Choose an activity from this workspace’s involvement log.' }],
      });
    }
  }
  const row: ImpactEntriesTable = {
    id: randomUUID(),
    workspace_id: workspaceId,
    occurred_on: body.occurredOn,
    activity: body.activity,
    activity_id: body.activityId ?? null,
    what_changed: body.whatChanged,
    evidence: body.evidence,
    staff_view: null,
    staff_view_by: null,
    staff_view_at: null,
    carer_view: null,
    carer_view_by: null,
    carer_view_at: null,
    created_by: userId,
    created_at: nowIso(),
  };
  await services.involvementReports.addEntry(row);
  return presentEntry(row, userId);
}

/** Writes one side's view of an entry: staff write the staff view, carers the carers' view. */
export async function setImpactView(
  services: Services,
  entryId: string,
  side: 'staff' | 'carer',
  userId: string,
  text: string,
): Promise<ImpactEntry> {
  const row = await services.involvementReports.findEntry(entryId);
  if (!row) throw notFound('impact log entry');
  const actor = await actorIn(services, row.workspace_id, userId);
  if (!actor.role) throw notFound('impact log entry');
  authorizeReport(actor, side === 'staff' ? 'reports.staffView' : 'reports.carerView');
  await services.involvementReports.setView(entryId, side, text, userId, nowIso());
  const saved = await services.involvementReports.findEntry(entryId);
  return presentEntry(saved ?? row, userId);
}
