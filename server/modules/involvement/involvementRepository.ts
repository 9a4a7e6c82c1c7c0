import type { Db } from '../../db/connect';
import type {
  InvolvementActivitiesTable,
  InvolvementExpensesTable,
  InvolvementParticipantsTable,
  InvolvementRatesTable,
} from '../../db/schema';
import type { Role } from '../../../shared/roles';

/** A participation with the person's name and (while they are still a member) role. */
export type ParticipantRow = InvolvementParticipantsTable & { name: string; email: string; role: Role | null };

/** One participation with its activity, as a statement or the CSV reads it. */
export type LineRow = ParticipantRow &
  Omit<InvolvementActivitiesTable, 'id' | 'created_by' | 'created_at' | 'updated_at'>;

export function involvementRepository(db: Db) {
  const participants = (tx: Db) =>
    tx
      .selectFrom('involvement_participants as p')
      .innerJoin('users', 'users.id', 'p.user_id')
      .leftJoin('memberships', (j) =>
        j.onRef('memberships.workspace_id', '=', 'p.workspace_id').onRef('memberships.user_id', '=', 'p.user_id'),
      )
      .selectAll('p')
      .select(['users.name', 'users.email', 'memberships.role']);

  return {
    rates: (workspaceId: string) =>
      db.selectFrom('involvement_rates').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),

    async setRates(row: InvolvementRatesTable, tx: Db = db): Promise<void> {
      await tx
        .insertInto('involvement_rates')
        .values(row)
        .onConflict((oc) =>
          oc.column('workspace_id').doUpdateSet({
            currency: row.currency,
            hour_minor: row.hour_minor,
            half_day_minor: row.half_day_minor,
            day_minor: row.day_minor,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    async createActivity(row: InvolvementActivitiesTable, people: string[], tx: Db = db): Promise<void> {
      await tx.insertInto('involvement_activities').values(row).execute();
      await this.addParticipants(row, people, tx);
    },

    async addParticipants(activity: { id: string; workspace_id: string }, people: string[], tx: Db = db) {
      if (people.length === 0) return;
      await tx
        .insertInto('involvement_participants')
        .values(
          people.map((userId) => ({
            activity_id: activity.id,
            user_id: userId,
            workspace_id: activity.workspace_id,
            status: 'pending' as const,
            note: null,
            responded_at: null,
            choice: null,
            benefits_discussed_at: null,
            benefits_discussed_by: null,
          })),
        )
        .execute();
    },

    async removeParticipants(activityId: string, people: string[], tx: Db = db): Promise<void> {
      if (people.length === 0) return;
      await tx
        .deleteFrom('involvement_expenses')
        .where('activity_id', '=', activityId)
        .where('user_id', 'in', people)
        .execute();
      await tx
        .deleteFrom('involvement_participants')
        .where('activity_id', '=', activityId)
        .where('user_id', 'in', people)
        .execute();
    },

    /** Everyone's answers go back to "not yet confirmed" (what they confirmed has changed). */
    async resetAnswers(activityId: string, tx: Db = db): Promise<void> {
      await tx
        .updateTable('involvement_participants')
        .set({ status: 'pending', note: null, responded_at: null })
        .where('activity_id', '=', activityId)
        .execute();
    },

    findActivity: (id: string) =>
      db.selectFrom('involvement_activities').selectAll().where('id', '=', id).executeTakeFirst(),

    async updateActivity(
      id: string,
      patch: Pick<InvolvementActivitiesTable, 'kind' | 'title' | 'occurred_on' | 'duration_minutes' | 'updated_at'>,
      tx: Db = db,
    ): Promise<void> {
      await tx.updateTable('involvement_activities').set(patch).where('id', '=', id).execute();
    },

    async deleteActivity(id: string): Promise<void> {
      await db.deleteFrom('involvement_activities').where('id', '=', id).execute();
    },

    /** The workspace's activities, newest first; with `personId`, only those that person took part in. */
    listActivities(workspaceId: string, personId?: string): Promise<InvolvementActivitiesTable[]> {
      let q = db.selectFrom('involvement_activities as a').selectAll('a').where('a.workspace_id', '=', workspaceId);
      if (personId) {
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('involvement_participants as p')
              .select('p.user_id')
              .whereRef('p.activity_id', '=', 'a.id')
              .where('p.user_id', '=', personId),
          ),
        );
      }
      return q.orderBy('a.occurred_on', 'desc').orderBy('a.created_at', 'desc').execute();
    },

    participantsOf(activityIds: string[]): Promise<ParticipantRow[]> {
      if (activityIds.length === 0) return Promise.resolve([]);
      return participants(db).where('p.activity_id', 'in', activityIds).orderBy('users.name').execute();
    },

    findParticipant: (activityId: string, userId: string) =>
      participants(db).where('p.activity_id', '=', activityId).where('p.user_id', '=', userId).executeTakeFirst(),

    async updateParticipant(
      activityId: string,
      userId: string,
      patch: Partial<
        Pick<
          InvolvementParticipantsTable,
          'status' | 'note' | 'responded_at' | 'choice' | 'benefits_discussed_at' | 'benefits_discussed_by'
        >
      >,
      tx: Db = db,
    ): Promise<void> {
      await tx
        .updateTable('involvement_participants')
        .set(patch)
        .where('activity_id', '=', activityId)
        .where('user_id', '=', userId)
        .execute();
    },

    /** Participations with their activities in a workspace, oldest first; for one person or everyone, between dates. */
    lines(workspaceId: string, options: { userId?: string; from?: string; to?: string } = {}): Promise<LineRow[]> {
      let q = participants(db)
        .innerJoin('involvement_activities as a', 'a.id', 'p.activity_id')
        .select(['a.kind', 'a.title', 'a.occurred_on', 'a.duration_minutes'])
        .where('p.workspace_id', '=', workspaceId);
      if (options.userId) q = q.where('p.user_id', '=', options.userId);
      if (options.from) q = q.where('a.occurred_on', '>=', options.from);
      if (options.to) q = q.where('a.occurred_on', '<=', options.to);
      return q.orderBy('users.name').orderBy('p.user_id').orderBy('a.occurred_on').orderBy('a.created_at').execute();
    },

    async addExpense(row: InvolvementExpensesTable, tx: Db = db): Promise<void> {
      await tx.insertInto('involvement_expenses').values(row).execute();
    },

    findExpense: (id: string) =>
      db.selectFrom('involvement_expenses').selectAll().where('id', '=', id).executeTakeFirst(),

    async deleteExpense(id: string, tx: Db = db): Promise<void> {
      await tx.deleteFrom('involvement_expenses').where('id', '=', id).execute();
    },

    expenses(workspaceId: string, userId?: string): Promise<InvolvementExpensesTable[]> {
      let q = db.selectFrom('involvement_expenses').selectAll().where('workspace_id', '=', workspaceId);
      if (userId) q = q.where('user_id', '=', userId);
      return q.orderBy('created_at').execute();
    },
  };
}
export type InvolvementRepository = ReturnType<typeof involvementRepository>;
