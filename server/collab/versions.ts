import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { documentFieldName } from '../../shared/editor/schema';
import { nowIso } from '../clock';
import type { DocumentVersionsTable } from '../db/schema';
import type { BlobStore } from '../storage/BlobStore';
import { documentVersionKey } from '../storage/keys';

/**
 * The Yjs update that makes a document's body read as it did in an earlier version, as one new
 * change on top of its current state: every top-level node now in the body is deleted and deep
 * copies of the version's nodes are inserted, in one transaction. History is never rewritten, so
 * the update is an ordinary change that goes through the update log like anybody's typing.
 *
 * Works on scratch copies only: the live document must change through the log, never directly.
 * Returns null when the body already reads exactly as the version does.
 */
export function restoreUpdate(currentState: Uint8Array, versionState: Uint8Array): Uint8Array | null {
  const current = new Y.Doc();
  const version = new Y.Doc();
  try {
    Y.applyUpdate(current, currentState);
    Y.applyUpdate(version, versionState);
    const body = current.getXmlFragment(documentFieldName);
    const wanted = version.getXmlFragment(documentFieldName);
    if (body.toString() === wanted.toString()) return null;
    let update: Uint8Array | null = null;
    current.on('update', (u: Uint8Array) => (update = u));
    current.transact(() => {
      if (body.length > 0) body.delete(0, body.length);
      const copies = wanted
        .toArray()
        .flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : []));
      if (copies.length > 0) body.insert(0, copies);
    });
    return update;
  } finally {
    current.destroy();
    version.destroy();
  }
}

/** Where versions' rows are kept (the documents module's version repository, handed in through services). */
export interface VersionStore {
  create(row: DocumentVersionsTable): Promise<DocumentVersionsTable>;
  /** The newest automatic checkpoint of the document. */
  latestCheckpoint(documentId: string): Promise<Pick<DocumentVersionsTable, 'created_at'> | undefined>;
}

export interface NewVersion {
  workspaceId: string;
  documentId: string;
  state: Uint8Array;
  /** Null for an automatic checkpoint. */
  name: string | null;
  createdBy: string | null;
}

/** Keeps a document's whole state as a version: its bytes in blob storage, then its row. */
export async function storeVersion(
  blobs: BlobStore,
  versions: VersionStore,
  { workspaceId, documentId, state, name, createdBy }: NewVersion,
): Promise<DocumentVersionsTable> {
  const id = randomUUID();
  const key = documentVersionKey(workspaceId, documentId, id);
  await blobs.put(key, Buffer.from(state.buffer, state.byteOffset, state.byteLength), {
    contentType: 'application/octet-stream',
  });
  return versions.create({
    id,
    document_id: documentId,
    name,
    created_by: createdBy,
    created_at: nowIso(),
    blob_key: key,
    size: state.byteLength,
  });
}

/**
 * Automatic checkpoints: when a snapshot is written, the same state is also kept as an unnamed
 * version, at most once every `everyMs` per document. Named versions do not count towards the spacing.
 */
export class VersionCheckpoints {
  /** When each document's latest checkpoint was taken (ms), once known. */
  private readonly latest = new Map<string, number>();

  constructor(
    private readonly versions: VersionStore,
    private readonly blobs: BlobStore,
    private readonly everyMs: number,
  ) {}

  /** Takes a checkpoint of `state` unless the last one is more recent than `everyMs`; true when it took one. */
  async maybeTake(workspaceId: string, documentId: string, state: Uint8Array, now = Date.now()): Promise<boolean> {
    if (!(this.everyMs > 0)) return false;
    let last = this.latest.get(documentId);
    if (last === undefined) {
      const row = await this.versions.latestCheckpoint(documentId);
      last = row ? Date.parse(row.created_at) : Number.NEGATIVE_INFINITY;
      this.latest.set(documentId, last);
    }
    if (now - last < this.everyMs) return false;
    await storeVersion(this.blobs, this.versions, { workspaceId, documentId, state, name: null, createdBy: null });
    this.latest.set(documentId, now);
    return true;
  }
}
