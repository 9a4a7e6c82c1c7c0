import type { Db } from '../../../db/connect';
import type { EpisodeSignoffOverridesTable, EpisodeSignoffsTable } from '../../../db/schema';
import { writeAudited, type AuditEntry } from '../../audit/auditRepository';

/** Sign-off decisions, admins' overrides and each workspace's sign-off setting; the same queries on SQLite and PostgreSQL. */
export function signoffRepository(db: Db) {
  return {
    /** Everyone's last decision about their parts in the episode. */
    decisionsFor: (episodeId: string) =>
      db.selectFrom('episode_signoffs').selectAll().where('episode_id', '=', episodeId).execute(),

    /** Records a person's decision (replacing their last one), in one transaction with its audit entry. */
    decide: (row: EpisodeSignoffsTable, audit: AuditEntry) =>
      writeAudited(db, audit, (tx) =>
        tx
          .insertInto('episode_signoffs')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['episode_id', 'user_id']).doUpdateSet({
              parts_fingerprint: row.parts_fingerprint,
              render_id: row.render_id,
              state: row.state,
              note: row.note,
              decided_at: row.decided_at,
            }),
          )
          .execute(),
      ),

    /** The newest override of the episode, with the name of the admin who gave it. */
    latestOverride: (episodeId: string) =>
      db
        .selectFrom('episode_signoff_overrides as o')
        .innerJoin('users as u', 'u.id', 'o.created_by')
        .select(['o.reason', 'o.created_by', 'o.created_at', 'u.name'])
        .where('o.episode_id', '=', episodeId)
        .orderBy('o.created_at', 'desc')
        .orderBy('o.id', 'desc')
        .executeTakeFirst(),

    insertOverride: (row: EpisodeSignoffOverridesTable, audit: AuditEntry) =>
      writeAudited(db, audit, (tx) => tx.insertInto('episode_signoff_overrides').values(row).execute()),

    /** Whether the workspace asks for sign-off before publishing: yes unless an admin turned it off. */
    async enabledIn(workspaceId: string): Promise<boolean> {
      const row = await db
        .selectFrom('signoff_settings')
        .select('enabled')
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return row ? row.enabled === 1 : true;
    },

    setEnabled: (workspaceId: string, enabled: boolean, userId: string, at: string, audit: AuditEntry) =>
      writeAudited(db, audit, (tx) =>
        tx
          .insertInto('signoff_settings')
          .values({ workspace_id: workspaceId, enabled: enabled ? 1 : 0, updated_by: userId, updated_at: at })
          .onConflict((oc) =>
            oc.column('workspace_id').doUpdateSet({ enabled: enabled ? 1 : 0, updated_by: userId, updated_at: at }),
          )
          .execute(),
      ),
  };
}
export type SignoffRepository = ReturnType<typeof signoffRepository>;
