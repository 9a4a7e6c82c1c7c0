import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { ArtworksTable, EpisodePublishingTable } from '../../db/schema';
import type { AuditEntry } from '../audit/auditRepository';
import { writeAudited } from '../audit/auditRepository';

type PublishingPatch = Partial<Omit<EpisodePublishingTable, 'episode_id' | 'updated_at'>>;

const userIds = async (rows: Promise<{ user_id: string }[]>) => (await rows).map((r) => r.user_id);

/** Artwork, script links, transcripts, consultants and credit choices, in Kysely (SQLite and PostgreSQL alike). */
export function publishingRepository(db: Db) {
  return {
    findArtwork: (ownerId: string) =>
      db.selectFrom('artworks').selectAll().where('owner_id', '=', ownerId).executeTakeFirst(),

    /** The show's or episode's current picture, with the audit entry of its upload. */
    async upsertArtwork(row: ArtworksTable, audit: AuditEntry): Promise<void> {
      const { owner_id, ...rest } = row;
      await writeAudited(db, audit, (tx) =>
        tx
          .insertInto('artworks')
          .values(row)
          .onConflict((oc) => oc.column('owner_id').doUpdateSet(rest))
          .execute(),
      );
      void owner_id;
    },

    findPublishing: (episodeId: string) =>
      db.selectFrom('episode_publishing').selectAll().where('episode_id', '=', episodeId).executeTakeFirst(),

    /** Creates the episode's publishing row on first use; with `audit`, recorded in the same transaction. */
    async patchPublishing(episodeId: string, patch: PublishingPatch, audit?: AuditEntry): Promise<void> {
      const updated_at = nowIso();
      const empty = {
        script_document_id: null,
        transcript_key: null,
        transcript_format: null,
        transcript_size: null,
        transcript_sha256: null,
      };
      await writeAudited(db, audit, (tx) =>
        tx
          .insertInto('episode_publishing')
          .values({ ...empty, ...patch, episode_id: episodeId, updated_at })
          .onConflict((oc) => oc.column('episode_id').doUpdateSet({ ...patch, updated_at }))
          .execute(),
      );
    },

    consultantIds: (episodeId: string) =>
      userIds(
        db
          .selectFrom('episode_consultants')
          .select('user_id')
          .where('episode_id', '=', episodeId)
          .orderBy('created_at')
          .orderBy('user_id')
          .execute(),
      ),

    async replaceConsultants(episodeId: string, userIds: string[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('episode_consultants').where('episode_id', '=', episodeId).execute();
        const created_at = nowIso();
        if (userIds.length > 0)
          await tx
            .insertInto('episode_consultants')
            .values(userIds.map((user_id) => ({ episode_id: episodeId, user_id, created_at })))
            .execute();
      });
    },

    /** Everyone who ever changed the document's text. */
    documentAuthors: (documentId: string) =>
      userIds(
        db
          .selectFrom('document_authors')
          .select('user_id')
          .where('document_id', '=', documentId)
          .orderBy('first_edit_at')
          .execute(),
      ),

    /** People who started a render of the episode up to `createdAt` (the served render's time). */
    renderers: async (episodeId: string, upTo: string) =>
      (
        await db
          .selectFrom('episode_renders')
          .select('created_by')
          .where('episode_id', '=', episodeId)
          .where('created_at', '<=', upTo)
          .orderBy('created_at')
          .execute()
      ).map((r) => r.created_by),

    /** Current members who chose to be credited by name: user id → { name, role }. */
    async creditedMembers(workspaceId: string) {
      const rows = await db
        .selectFrom('member_credits')
        .innerJoin('memberships', (j) =>
          j
            .onRef('memberships.workspace_id', '=', 'member_credits.workspace_id')
            .onRef('memberships.user_id', '=', 'member_credits.user_id'),
        )
        .select(['member_credits.user_id', 'member_credits.credit_name', 'memberships.role'])
        .where('member_credits.workspace_id', '=', workspaceId)
        .execute();
      return new Map(rows.map((r) => [r.user_id, { name: r.credit_name, role: r.role }]));
    },
  };
}
export type PublishingRepository = ReturnType<typeof publishingRepository>;
