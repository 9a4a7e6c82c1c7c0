import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { collabMessageType } from '../../shared/realtime/collab';
import { AppError } from '../errors';

/** One `y` message from a client, framed as y-websocket frames it, after decoding. */
export type IncomingMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

const malformed = (why: string) =>
  new AppError(
    'malformed_request',
    `That collaboration message could not be read (${why}). Reload the page to reconnect; your changes are kept on this device.`,
  );

/** Reads one message, or throws `malformed_request`. Trailing bytes are refused, not ignored. */
export function decodeMessage(bytes: Uint8Array): IncomingMessage {
  let message: IncomingMessage;
  const decoder = decoding.createDecoder(bytes);
  try {
    const type = decoding.readVarUint(decoder);
    if (type === collabMessageType.sync) {
      const syncType = decoding.readVarUint(decoder);
      // Copied, so a logged or kept update never pins the socket's receive buffer.
      const payload = decoding.readVarUint8Array(decoder).slice();
      if (syncType === messageYjsSyncStep1) message = { type: 'sync-step1', stateVector: payload };
      else if (syncType === messageYjsSyncStep2) message = { type: 'sync-step2', update: payload };
      else if (syncType === messageYjsUpdate) message = { type: 'sync-update', update: payload };
      else throw malformed(`unknown sync message type ${syncType}`);
    } else if (type === collabMessageType.awareness) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder).slice() };
    } else if (type === collabMessageType.queryAwareness) {
      message = { type: 'query-awareness' };
    } else {
      throw malformed(`unknown message type ${type}`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw malformed('it is cut short or not a y-protocols message');
  }
  if (decoding.hasContent(decoder)) throw malformed('it has bytes after the end of the message');
  return message;
}

export {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../shared/realtime/collabFrames';

/** Client ids named in an awareness update, read without applying it (so ownership can be checked first). */
export function awarenessClientIds(awarenessUpdate: Uint8Array): number[] {
  const decoder = decoding.createDecoder(awarenessUpdate);
  try {
    const count = decoding.readVarUint(decoder);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder); // clock
      JSON.parse(decoding.readVarString(decoder));
      if (ids.length > 64) throw malformed('too many awareness states in one message');
    }
    if (decoding.hasContent(decoder)) throw malformed('it has bytes after the awareness states');
    return ids;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw malformed('the awareness update is cut short or not valid');
  }
}
