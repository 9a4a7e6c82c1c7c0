import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { BlobStore } from '../storage/BlobStore';
import { documentSnapshotKey } from '../storage/keys';
import type { UpdateLog } from './updateLog';
import type { VersionCheckpoints } from './versions';

export interface LoadedState {
  doc: Y.Doc;
  /** The doc holds every logged change through this seq (the snapshot's, or the last log entry read after it). */
  throughSeq: number;
  /** The seq the latest snapshot covers (0 without one). */
  snapshotSeq: number;
  /** The loaded state, encoded (its size bounds the document; it answers the first joiners' sync). */
  state: Uint8Array;
}

/** Reads of a snapshot and the log after it that a newer snapshot overtook, before giving up. */
const MAX_LOAD_ATTEMPTS = 5;

/**
 * Where a document's Yjs state lives: the latest snapshot in blob storage plus the log entries after
 * it in the database. Any failure to read either throws, and the caller must then not serve the
 * document (and so never snapshot it): an empty document must never be written over a real one.
 */
export class DocumentPersistence {
  constructor(
    private readonly log: UpdateLog,
    private readonly blobs: BlobStore,
    private readonly logger: Logger,
    private readonly maxSnapshotBytes: number,
    /** Keeps some snapshots as automatic checkpoints in the version history (optional). */
    private readonly checkpoints?: VersionCheckpoints,
  ) {}

  async load(documentId: string): Promise<LoadedState> {
    for (let attempt = 1; ; attempt++) {
      const snapshot = await this.log.latestSnapshot(documentId);
      const snapshotSeq = snapshot?.through_seq ?? 0;
      const doc = new Y.Doc();
      try {
        let stored: Uint8Array | undefined;
        let entries: { seq: number; data: Uint8Array }[] = [];
        let readError: unknown;
        try {
          stored = snapshot ? await this.readBlob(snapshot.blob_key) : undefined;
          entries = await this.log.entriesAfter(documentId, snapshotSeq);
        } catch (e) {
          readError = e;
        }
        // Another instance may have recorded a newer snapshot meanwhile, removing the blob being read or trimming
        // the log after the one read: the pair read is then not one document. Read again from the newer one.
        if (((await this.log.latestSnapshot(documentId))?.through_seq ?? 0) !== snapshotSeq) {
          if (attempt >= MAX_LOAD_ATTEMPTS)
            throw new Error(`document ${documentId}: newer snapshots kept replacing the one being read`, {
              cause: readError,
            });
          doc.destroy();
          continue;
        }
        if (readError) throw readError;
        if (stored) Y.applyUpdate(doc, stored);
        for (const entry of entries) Y.applyUpdate(doc, entry.data);
        const throughSeq = Math.max(snapshotSeq, entries.at(-1)?.seq ?? 0);
        // With nothing logged after it, the snapshot already is the encoded state.
        const state = stored && entries.length === 0 ? stored : Y.encodeStateAsUpdate(doc);
        return { doc, throughSeq, snapshotSeq, state };
      } catch (e) {
        doc.destroy();
        throw e;
      }
    }
  }

  /**
   * Stores `state` (which holds every update up to `throughSeq`) under a new key, records it, and only
   * then trims the log behind it and removes older snapshots; nothing when a snapshot already covers as much. A crash at any point leaves a loadable
   * document: the old snapshot and the log stay valid until the new record exists.
   */
  async writeSnapshot(workspaceId: string, documentId: string, throughSeq: number, state: Uint8Array): Promise<void> {
    // Another instance with the document open has stored this much already: a second copy would add nothing.
    if (((await this.log.latestSnapshot(documentId))?.through_seq ?? 0) >= throughSeq) return;
    const key = documentSnapshotKey(workspaceId, documentId, throughSeq);
    await this.blobs.put(key, Buffer.from(state.buffer, state.byteOffset, state.byteLength), {
      contentType: 'application/octet-stream',
    });
    await this.log.recordSnapshotAndTrim(documentId, throughSeq, key, state.byteLength);
    if (this.checkpoints) {
      try {
        await this.checkpoints.maybeTake(workspaceId, documentId, state);
      } catch (e) {
        // The snapshot itself is safe; only this checkpoint is missing from the history.
        this.logger.warn({ err: e, documentId }, 'could not keep an automatic checkpoint of a document');
      }
    }
    for (const old of await this.log.snapshotsBefore(documentId, throughSeq)) {
      try {
        await this.blobs.delete(old.blob_key);
        await this.log.removeSnapshotRecord(documentId, Number(old.through_seq));
      } catch (e) {
        // Harmless to keep: loading always starts from the newest snapshot.
        this.logger.warn({ err: e, documentId, key: old.blob_key }, 'could not remove an old document snapshot');
      }
    }
  }

  private async readBlob(key: string): Promise<Uint8Array> {
    const read = await this.blobs.get(key);
    if (read.size > this.maxSnapshotBytes) {
      read.body.destroy();
      throw new Error(`snapshot ${key} is ${read.size} bytes, more than the ${this.maxSnapshotBytes} allowed`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of read.body) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }
}
