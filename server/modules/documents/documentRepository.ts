import { randomUUID } from 'node:crypto';
import { documentKinds } from '../../../shared/contracts/documents';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { DocumentsTable } from '../../db/schema';

export interface DocumentChanges {
  title?: string;
  archived?: boolean;
  carersCanEdit?: boolean;
}

export function documentRepository(db: Db) {
  return {
    async create(
      workspaceId: string,
      createdBy: string,
      title: string,
      kind: DocumentsTable['kind'],
    ): Promise<DocumentsTable> {
      const now = nowIso();
      const row: DocumentsTable = {
        id: randomUUID(),
        workspace_id: workspaceId,
        kind,
        title,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
        archived_at: null,
        carers_can_edit: 0,
      };
      await db.insertInto('documents').values(row).execute();
      return row;
    },

    findById: (id: string) => db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst(),

    listForWorkspace(workspaceId: string, includeArchived: boolean): Promise<DocumentsTable[]> {
      let q = db
        .selectFrom('documents')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('kind', 'in', documentKinds);
      if (!includeArchived) q = q.where('archived_at', 'is', null);
      return q.orderBy('updated_at', 'desc').orderBy('id', 'asc').execute();
    },

    async update<Row extends DocumentsTable>(row: Row, changes: DocumentChanges): Promise<Row> {
      const next: Row = {
        ...row,
        title: changes.title ?? row.title,
        archived_at:
          changes.archived === undefined ? row.archived_at : changes.archived ? (row.archived_at ?? nowIso()) : null,
        carers_can_edit: changes.carersCanEdit === undefined ? row.carers_can_edit : changes.carersCanEdit ? 1 : 0,
        updated_at: nowIso(),
      };
      await db
        .updateTable('documents')
        .set({
          title: next.title,
          archived_at: next.archived_at,
          carers_can_edit: next.carers_can_edit,
          updated_at: next.updated_at,
        })
        .where('id', '=', row.id)
        .execute();
      return next;
    },
  };
}
export type DocumentRepository = ReturnType<typeof documentRepository>;
