import * as Y from 'yjs';
import type { DocumentVersion } from '../../../shared/contracts/documentVersions';
import type { CollabServer } from '../../collab/collabServer';
import { restoreUpdate, storeVersion } from '../../collab/versions';
import type { DocumentsTable, DocumentVersionsTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { authorizeDocumentVersion } from '../../policies/authorize';
import type { Services } from '../../services';
import { documentAccess, documentFacts } from './documentOperations';

export function presentVersion(row: DocumentVersionsTable): DocumentVersion {
  return {
    id: row.id,
    documentId: row.document_id,
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    size: row.size,
    automatic: row.name === null,
  };
}

/** Keeps the document's whole state as it is now (from memory when open, otherwise from storage) under `name`. */
export async function nameVersion(
  services: Services,
  collab: CollabServer,
  documentId: string,
  userId: string,
  name: string,
): Promise<DocumentVersion> {
  const { row: doc, actor } = await documentAccess(services, documentId, userId);
  authorizeDocumentVersion(actor, 'version.name', documentFacts(doc));
  return presentVersion(await keepVersion(services, doc, await collab.readState(doc.id), name, userId));
}

async function keepVersion(
  services: Services,
  doc: DocumentsTable,
  state: Uint8Array,
  name: string,
  userId: string,
): Promise<DocumentVersionsTable> {
  const row = await storeVersion(services.blobs, services.documentVersions, {
    workspaceId: doc.workspace_id,
    documentId: doc.id,
    state,
    name,
    createdBy: userId,
  });
  await services.audit.recordAbout(doc, {
    actorId: userId,
    action: 'document.version_named',
    detail: { versionId: row.id },
  });
  return row;
}

export async function listVersions(services: Services, documentId: string, userId: string): Promise<DocumentVersion[]> {
  const { row: doc, actor } = await documentAccess(services, documentId, userId);
  authorizeDocumentVersion(actor, 'version.view', documentFacts(doc));
  return (await services.documentVersions.listForDocument(doc.id)).map(presentVersion);
}

/** The stored state of one version, after checking the caller may `action` it. */
async function loadVersion(
  services: Services,
  collab: CollabServer,
  documentId: string,
  versionId: string,
  userId: string,
  action: 'version.view' | 'version.restore',
) {
  const access = await documentAccess(services, documentId, userId);
  authorizeDocumentVersion(access.actor, action, documentFacts(access.row));
  const version = await services.documentVersions.find(access.row.id, versionId);
  if (!version) throw notFound('version');
  let state: Uint8Array;
  try {
    state = await readBlob(services, version.blob_key, collab.options.maxDocumentBytes * 2);
  } catch (e) {
    services.logger.error({ err: e, documentId, versionId }, 'could not read a stored document version');
    throw new AppError('unavailable', 'This version could not be read just now. Please try again in a minute.');
  }
  return { doc: access.row, version, state };
}

export async function versionState(
  services: Services,
  collab: CollabServer,
  documentId: string,
  versionId: string,
  userId: string,
): Promise<Uint8Array> {
  return (await loadVersion(services, collab, documentId, versionId, userId, 'version.view')).state;
}

/**
 * Makes the document read as the version does, as a NEW change: it goes through the update log like
 * a client's and everyone with the document open sees it live. Nothing earlier is rewritten.
 */
export async function restoreVersion(
  services: Services,
  collab: CollabServer,
  documentId: string,
  versionId: string,
  userId: string,
): Promise<DocumentVersion> {
  const { doc, version, state } = await loadVersion(services, collab, documentId, versionId, userId, 'version.restore');
  const live = await collab.registry.open(doc.id, doc.workspace_id);
  // Built against the applied state and queued at once; changes still queued ahead of it are concurrent with it and kept.
  const current = Y.encodeStateAsUpdate(live.ydoc);
  const update = restoreUpdate(current, state);
  if (update) {
    // The text being replaced may be newer than any version: keep it first, so a restore never loses words.
    await keepVersion(services, doc, current, beforeRestoringName(version), userId);
    await live.submitServerChange(update, userId);
  }
  await services.audit.recordAbout(doc, {
    actorId: userId,
    action: 'document.version_restored',
    detail: { versionId: version.id },
  });
  return presentVersion(version);
}

const beforeRestoringName = (version: DocumentVersionsTable): string =>
  (version.name
    ? `Before restoring “${version.name}”`
    : `Before restoring the automatic copy of ${version.created_at.slice(0, 16).replace('T', ' ')} UTC`
  ).slice(0, 200);

async function readBlob(services: Services, key: string, maxBytes: number): Promise<Uint8Array> {
  const read = await services.blobs.get(key);
  if (read.size > maxBytes) {
    read.body.destroy();
    throw new Error(`version ${key} is ${read.size} bytes, more than the ${maxBytes} allowed`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of read.body) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
