import { sql } from 'kysely';
import type { Config } from '../../config';
import type { Db } from '../../db/connect';
import type { EditionSignoffsTable, EditionsTable } from '../../db/schema';

/** Editions and the sign-offs of the people quoted in them; the same queries on SQLite and PostgreSQL. */
export function editionRepository(db: Db, dialect: Config['database']['kind']) {
  return {
    find: (id: string) => db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirst(),

    listForDocument: (documentId: string) =>
      db.selectFrom('editions').selectAll().where('document_id', '=', documentId).orderBy('number', 'desc').execute(),

    /** Editions whose files hold (or are about to hold) quoted words: every one not yet withdrawn or failed. */
    listHoldingFiles: (workspaceId: string) =>
      db
        .selectFrom('editions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('status', 'not in', ['withdrawn', 'failed'])
        .execute(),

    listPreparing: (documentId: string) =>
      db
        .selectFrom('editions')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('status', 'in', ['preparing', 'pending_signoff'])
        .execute(),

    /**
     * The next number for an edition of the document, read in `tx`. Two editions of one document asked for at once
     * take turns on the document's row (PostgreSQL), so neither reads the number the other is about to use; SQLite
     * runs one transaction at a time anyway.
     */
    async nextNumber(documentId: string, tx: Db = db): Promise<number> {
      if (dialect === 'postgres')
        await tx.selectFrom('documents').select('id').where('id', '=', documentId).forUpdate().execute();
      const row = await tx
        .selectFrom('editions')
        .select(sql<number | string | null>`max(number)`.as('n'))
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      return Number(row?.n ?? 0) + 1;
    },

    insert: (row: EditionsTable, tx: Db = db) => tx.insertInto('editions').values(row).execute(),

    /** Changes the edition only while its status is one of `from` (so two instances never both move it on). */
    async move(
      id: string,
      from: readonly EditionsTable['status'][],
      patch: Partial<Omit<EditionsTable, 'id' | 'document_id' | 'workspace_id'>>,
      tx: Db = db,
    ): Promise<boolean> {
      const result = await tx
        .updateTable('editions')
        .set(patch)
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    signoffs: (editionId: string) =>
      db
        .selectFrom('edition_signoffs as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.user_id', 's.state', 's.note', 's.decided_at', 'u.name'])
        .where('s.edition_id', '=', editionId)
        .orderBy('u.name')
        .execute(),

    insertSignoffs: async (rows: EditionSignoffsTable[], tx: Db = db) => {
      if (rows.length > 0) await tx.insertInto('edition_signoffs').values(rows).execute();
    },

    decide: (row: EditionSignoffsTable, tx: Db = db) =>
      tx
        .updateTable('edition_signoffs')
        .set({ state: row.state, note: row.note, decided_at: row.decided_at })
        .where('edition_id', '=', row.edition_id)
        .where('user_id', '=', row.user_id)
        .execute(),
  };
}
export type EditionRepository = ReturnType<typeof editionRepository>;
