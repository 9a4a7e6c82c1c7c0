import type { Db } from '../../db/connect';
import type { DocumentSuggestionsTable } from '../../db/schema';

/** Who made each suggestion in a document (see migration 027). */
export function suggestionRepository(db: Db) {
  return {
    /** The authors of these suggestions that are recorded, by suggestion id. */
    async authors(documentId: string, suggestionIds: readonly string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      for (let i = 0; i < suggestionIds.length; i += 500) {
        const rows = await db
          .selectFrom('document_suggestions')
          .select(['suggestion_id', 'author_id'])
          .where('document_id', '=', documentId)
          .where('suggestion_id', 'in', suggestionIds.slice(i, i + 500))
          .execute();
        for (const row of rows) found.set(row.suggestion_id, row.author_id);
      }
      return found;
    },

    /** Records new suggestions; an id already recorded keeps its first author. */
    async record(rows: readonly DocumentSuggestionsTable[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('document_suggestions')
        .values([...rows])
        .onConflict((oc) => oc.columns(['document_id', 'suggestion_id']).doNothing())
        .execute();
    },

    listForDocument: (documentId: string): Promise<DocumentSuggestionsTable[]> =>
      db.selectFrom('document_suggestions').selectAll().where('document_id', '=', documentId).execute(),

    /** Marks suggestions whose marks have left the text (accepted or rejected). */
    settle: (documentId: string, suggestionIds: readonly string[]) =>
      suggestionIds.length === 0
        ? Promise.resolve()
        : db
            .updateTable('document_suggestions')
            .set({ state: 'settled' })
            .where('document_id', '=', documentId)
            .where('suggestion_id', 'in', [...suggestionIds])
            .execute()
            .then(() => undefined),
  };
}
