import type { Db } from '../../db/connect';
import type { DocumentExportsTable } from '../../db/schema';

export function exportRepository(db: Db) {
  return {
    async create(row: DocumentExportsTable, tx: Db = db): Promise<DocumentExportsTable> {
      await tx.insertInto('document_exports').values(row).execute();
      return row;
    },

    find: (id: string) => db.selectFrom('document_exports').selectAll().where('id', '=', id).executeTakeFirst(),

    async update(
      id: string,
      patch: Partial<Omit<DocumentExportsTable, 'id' | 'document_id' | 'workspace_id'>>,
    ): Promise<void> {
      await db.updateTable('document_exports').set(patch).where('id', '=', id).execute();
    },
  };
}
export type ExportRepository = ReturnType<typeof exportRepository>;
