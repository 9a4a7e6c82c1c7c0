import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { collabMessageType } from '../../../shared/realtime/collab';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../../shared/realtime/collabFrames';

/** One `y` message from the server, framed as y-websocket frames it, after decoding. */
export type ServerMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** Reads one message; null when it is not one we understand (it is then ignored). */
export function decodeServerMessage(bytes: Uint8Array): ServerMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === collabMessageType.sync) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === messageYjsSyncStep1) return { type: 'sync-step1', stateVector: payload };
      if (syncType === messageYjsSyncStep2) return { type: 'sync-step2', update: payload };
      if (syncType === messageYjsUpdate) return { type: 'sync-update', update: payload };
      return null;
    }
    if (type === collabMessageType.awareness) return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    if (type === collabMessageType.queryAwareness) return { type: 'query-awareness' };
    return null;
  } catch {
    return null;
  }
}

/** "Here is what I have": our state vector. */
export const syncStep1 = (doc: Y.Doc) => encodeSyncStep1(Y.encodeStateVector(doc));
/** "Here is what you lack": the answer to the server's step 1. */
export const syncStep2 = (doc: Y.Doc, theirStateVector: Uint8Array) =>
  encodeSyncStep2(Y.encodeStateAsUpdate(doc, theirStateVector));
export const syncUpdate = encodeSyncUpdate;
export const awarenessMessage = encodeAwareness;
