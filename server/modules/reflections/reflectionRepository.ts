import type { Db } from '../../db/connect';
import type {
  ReflectionActionsTable,
  ReflectionMilestonesTable,
  ReflectionSettingsTable,
  ReflectionsTable,
} from '../../db/schema';

/** An answer with the writer's name. */
export type ReflectionRow = ReflectionsTable & { name: string };
/** An action of the plan with its owner's name (null once the owner's account is gone). */
export type ActionRow = ReflectionActionsTable & { owner_name: string | null };

export function reflectionRepository(db: Db) {
  return {
    settings: (workspaceId: string) =>
      db.selectFrom('reflection_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),

    async setSettings(row: ReflectionSettingsTable, tx: Db = db): Promise<void> {
      await tx
        .insertInto('reflection_settings')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('workspace_id')
            .doUpdateSet({ ladder: row.ladder, updated_by: row.updated_by, updated_at: row.updated_at }),
        )
        .execute();
    },

    milestones: (workspaceId: string) =>
      db
        .selectFrom('reflection_milestones')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    findMilestone: (id: string) =>
      db.selectFrom('reflection_milestones').selectAll().where('id', '=', id).executeTakeFirst(),

    async addMilestone(row: ReflectionMilestonesTable): Promise<void> {
      await db.insertInto('reflection_milestones').values(row).execute();
    },

    /** Every answer in the workspace, history included, oldest first. */
    answers: (workspaceId: string): Promise<ReflectionRow[]> =>
      db
        .selectFrom('reflections')
        .innerJoin('users', 'users.id', 'reflections.user_id')
        .selectAll('reflections')
        .select('users.name')
        .where('reflections.workspace_id', '=', workspaceId)
        .orderBy('reflections.created_at')
        .orderBy('reflections.id')
        .execute(),

    async addAnswer(row: ReflectionsTable): Promise<void> {
      await db.insertInto('reflections').values(row).execute();
    },

    actions: (workspaceId: string, id?: string): Promise<ActionRow[]> => {
      let q = db
        .selectFrom('reflection_actions')
        .leftJoin('users', 'users.id', 'reflection_actions.owner_id')
        .selectAll('reflection_actions')
        .select('users.name as owner_name')
        .where('reflection_actions.workspace_id', '=', workspaceId);
      if (id) q = q.where('reflection_actions.id', '=', id);
      return q.orderBy('reflection_actions.due_on').orderBy('reflection_actions.created_at').execute();
    },

    findAction: (id: string) => db.selectFrom('reflection_actions').selectAll().where('id', '=', id).executeTakeFirst(),

    async addAction(row: ReflectionActionsTable): Promise<void> {
      await db.insertInto('reflection_actions').values(row).execute();
    },

    async updateAction(
      id: string,
      patch: Partial<Omit<ReflectionActionsTable, 'id' | 'workspace_id' | 'created_by' | 'created_at'>>,
    ): Promise<void> {
      await db.updateTable('reflection_actions').set(patch).where('id', '=', id).execute();
    },

    async deleteAction(id: string): Promise<void> {
      await db.deleteFrom('reflection_actions').where('id', '=', id).execute();
    },
  };
}
