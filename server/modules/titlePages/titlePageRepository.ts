import type { Db } from '../../db/connect';
import type { DocumentTitlePagesTable } from '../../db/schema';

/** Publications' title pages (migration 029): one row per document. */
export function titlePageRepository(db: Db) {
  return {
    find: (documentId: string) =>
      db.selectFrom('document_title_pages').selectAll().where('document_id', '=', documentId).executeTakeFirst(),

    async save(row: DocumentTitlePagesTable): Promise<void> {
      const { document_id: _d, ...change } = row;
      await db
        .insertInto('document_title_pages')
        .values(row)
        .onConflict((oc) => oc.column('document_id').doUpdateSet(change))
        .execute();
    },
  };
}
