import {
  documentKinds,
  type CreateDocumentBody,
  type DocumentInfo,
  type DocumentKind,
  type UpdateDocumentBody,
} from '../../../shared/contracts/documents';
import type { Role } from '../../../shared/roles';
import type { DocumentsTable } from '../../db/schema';
import { notFound } from '../../errors';
import { authorize, authorizeDocument, documentAbilitiesOf, mayDocument, type Actor } from '../../policies/authorize';
import type { DocumentFacts } from '../../policies/rules';
import type { CollabAccessRule } from '../../collab/documentKinds';
import type { Services } from '../../services';
import { actorIn } from '../../policies/actor';

export const documentFacts = (row: DocumentsTable): DocumentFacts => ({
  createdBy: row.created_by,
  carersCanEdit: row.carers_can_edit === 1,
  archived: row.archived_at !== null,
});

/** A document people write in (not an episode's timeline or a clip's transcript, which only their own routes show). */
export type WrittenDocumentRow = DocumentsTable & { kind: DocumentKind };
const isWritten = (row: DocumentsTable): row is WrittenDocumentRow =>
  (documentKinds as readonly string[]).includes(row.kind);

export function presentDocument(row: WrittenDocumentRow, actor: Actor): DocumentInfo {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    title: row.title,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    carersCanEdit: row.carers_can_edit === 1,
    abilities: documentAbilitiesOf(actor, documentFacts(row)),
  };
}

export interface DocumentAccess<Row extends DocumentsTable = WrittenDocumentRow> {
  row: Row;
  actor: Actor & { role: Role };
  canEdit: boolean;
  /** Why the caller may not edit, in words they can act on; empty when they may. */
  readOnlyReason: string;
}

/**
 * The document and the caller as the policy module sees them. A missing document and a document in
 * a workspace the caller is not a member of give the same 404, so ids reveal nothing.
 */
export async function documentAccess(services: Services, documentId: string, userId: string): Promise<DocumentAccess> {
  const row = await services.documents.findById(documentId);
  if (!row || !isWritten(row)) throw notFound('document');
  return writtenDocumentAccess(services, row, userId);
}

/** Live editing on `/collab` of written documents (publications and scripts) follows the document rules. */
export const writtenDocumentCollabAccess: CollabAccessRule = async (services, row, userId) => {
  if (!isWritten(row)) throw notFound('document');
  const access = await writtenDocumentAccess(services, row, userId);
  // Whoever may comment may suggest (carers where they may not edit); an archived document takes neither.
  const canSuggest =
    access.canEdit || (row.archived_at === null && mayDocument(access.actor, 'document.comment', documentFacts(row)));
  return { workspaceId: row.workspace_id, canEdit: access.canEdit, canSuggest, readOnlyReason: access.readOnlyReason };
};

async function writtenDocumentAccess(
  services: Services,
  row: WrittenDocumentRow,
  userId: string,
): Promise<DocumentAccess> {
  const actor = await actorIn(services, row.workspace_id, userId);
  const facts = documentFacts(row);
  authorizeDocument(actor, 'document.view', facts);
  let readOnlyReason = '';
  try {
    authorizeDocument(actor, 'document.edit', facts);
  } catch (e) {
    readOnlyReason = (e as Error).message;
  }
  return { row, actor, canEdit: mayDocument(actor, 'document.edit', facts), readOnlyReason };
}

export async function createDocument(
  services: Services,
  workspaceId: string,
  userId: string,
  body: CreateDocumentBody,
): Promise<DocumentInfo> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'workspace.view');
  authorizeDocument(actor, 'document.create');
  const row = await services.documents.create(workspaceId, userId, body.title, body.kind);
  return presentDocument({ ...row, kind: body.kind }, actor);
}

export async function listDocuments(
  services: Services,
  workspaceId: string,
  userId: string,
  includeArchived: boolean,
): Promise<DocumentInfo[]> {
  const actor = await actorIn(services, workspaceId, userId);
  authorize(actor, 'workspace.view');
  const rows = await services.documents.listForWorkspace(workspaceId, includeArchived);
  return rows.filter(isWritten).map((row) => presentDocument(row, actor));
}

/** Rename, archive or restore, and the carers-may-edit switch. `onAccessChanged` lets live editing catch up at once. */
export async function updateDocument(
  services: Services,
  documentId: string,
  userId: string,
  changes: UpdateDocumentBody,
  onAccessChanged: (documentId: string) => void,
): Promise<DocumentInfo> {
  const { row, actor } = await documentAccess(services, documentId, userId);
  authorizeDocument(actor, 'document.manage', documentFacts(row));
  const next = await services.documents.update(row, changes);
  const before = documentFacts(row);
  const after = documentFacts(next);
  if (before.archived !== after.archived || before.carersCanEdit !== after.carersCanEdit) {
    await services.audit.recordAbout(row, {
      actorId: userId,
      action: 'document.access_changed',
      detail: { archived: after.archived, carersCanEdit: after.carersCanEdit },
    });
    onAccessChanged(row.id);
  }
  return presentDocument(next, actor);
}
