// The y-protocols framing on /collab, as a light client needs it: frames, join, and reading which writes a message carries.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io as connect, type Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/editor/version';
import {
  collabMessageType,
  type CollabClientToServerEvents,
  type CollabJoinReply,
  type CollabServerToClientEvents,
} from '../../../shared/realtime/collab';

export type BenchSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

export function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}
export const step1 = (doc: Y.Doc) => frame(collabMessageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc));
export const step2 = (doc: Y.Doc, stateVector: Uint8Array) =>
  frame(collabMessageType.sync, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector));
export const updateMessage = (update: Uint8Array) =>
  frame(collabMessageType.sync, (e) => syncProtocol.writeUpdate(e, update));

export function openSocket(url: string, cookie: string): Promise<BenchSocket> {
  const socket: BenchSocket = connect(`${url}/collab`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export const join = (socket: BenchSocket, docId: string) =>
  new Promise<CollabJoinReply>((resolve) =>
    socket.emit('join', docId, { schemaVersion: EDITOR_SCHEMA_VERSION }, resolve),
  );

export const asBytes = (raw: Uint8Array | ArrayBuffer) => (raw instanceof Uint8Array ? raw : new Uint8Array(raw));

/** Reads a `y` message far enough to know which writes it carries: sync type and the update's end clocks. */
export function updateEnds(
  message: Uint8Array,
): { syncType: number; payload: Uint8Array; ends: Map<number, number> } | undefined {
  const d = decoding.createDecoder(message);
  if (decoding.readVarUint(d) !== collabMessageType.sync) return undefined;
  const syncType = decoding.readVarUint(d);
  const payload = decoding.readVarUint8Array(d);
  return {
    syncType,
    payload,
    ends: syncType === syncProtocol.messageYjsSyncStep1 ? new Map() : Y.parseUpdateMeta(payload).to,
  };
}
