import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { collabMessageType } from './collab';

/**
 * Builds `y` messages exactly as y-websocket frames them (a varUint message type, then the
 * y-protocols payload). Server and browser both send with these, so the framing cannot drift.
 */
function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncFrame = (syncType: number, payload: Uint8Array) =>
  frame(collabMessageType.sync, (e) => {
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
  });

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncFrame(messageYjsSyncStep1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => syncFrame(messageYjsSyncStep2, update);
export const encodeSyncUpdate = (update: Uint8Array) => syncFrame(messageYjsUpdate, update);
export const encodeAwareness = (awarenessUpdate: Uint8Array) =>
  frame(collabMessageType.awareness, (e) => encoding.writeVarUint8Array(e, awarenessUpdate));
