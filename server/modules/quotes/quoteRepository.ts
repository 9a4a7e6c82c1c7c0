import type { Db } from '../../db/connect';
import type { DocumentQuotesTable } from '../../db/schema';

/** Quotes of clips' words in documents: one row per `clipQuote` node the server inserted. */
export function quoteRepository(db: Db) {
  return {
    insert: (row: DocumentQuotesTable) => db.insertInto('document_quotes').values(row).execute(),

    setText: (id: string, text: string) =>
      db.updateTable('document_quotes').set({ text }).where('id', '=', id).where('removed', 'is', null).execute(),

    remove: (id: string) => db.deleteFrom('document_quotes').where('id', '=', id).execute(),

    /** The quotes of a clip still holding words (not taken out after a change of consent). */
    listLiveForClip: (clipId: string): Promise<DocumentQuotesTable[]> =>
      db.selectFrom('document_quotes').selectAll().where('clip_id', '=', clipId).where('removed', 'is', null).execute(),

    listForDocument: (documentId: string): Promise<DocumentQuotesTable[]> =>
      db
        .selectFrom('document_quotes')
        .selectAll()
        .where('document_id', '=', documentId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /**
     * Takes the words out of every quote of a clip still holding them (the speaker changed their mind) and
     * returns those quotes, in `tx` when given (a withdrawal's own transaction).
     */
    async takeOutWords(
      clipId: string,
      removed: NonNullable<DocumentQuotesTable['removed']>,
      tx: Db = db,
    ): Promise<DocumentQuotesTable[]> {
      const rows = await tx
        .selectFrom('document_quotes')
        .selectAll()
        .where('clip_id', '=', clipId)
        .where('removed', 'is', null)
        .execute();
      if (rows.length === 0) return [];
      await tx
        .updateTable('document_quotes')
        .set({ text: '', removed })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => ({ ...r, text: '', removed }));
    },
  };
}
export type QuoteRepository = ReturnType<typeof quoteRepository>;
