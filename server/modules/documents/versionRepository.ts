import type { Db } from '../../db/connect';
import type { DocumentVersionsTable } from '../../db/schema';

export function versionRepository(db: Db) {
  return {
    async create(row: DocumentVersionsTable): Promise<DocumentVersionsTable> {
      await db.insertInto('document_versions').values(row).execute();
      return row;
    },

    find: (documentId: string, versionId: string) =>
      db
        .selectFrom('document_versions')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('id', '=', versionId)
        .executeTakeFirst(),

    /** Newest first. */
    listForDocument: (documentId: string) =>
      db
        .selectFrom('document_versions')
        .selectAll()
        .where('document_id', '=', documentId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),

    /** The newest automatic checkpoint, to space them out. */
    latestCheckpoint: (documentId: string) =>
      db
        .selectFrom('document_versions')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('name', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
  };
}
export type VersionRepository = ReturnType<typeof versionRepository>;
