import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a peer is, as the server knows it from their session. */
export interface PresenceIdentity {
  userId: string;
  name: string;
}

const colour = /^#[0-9a-f]{6}$/i;

/** One awareness state with its `user` replaced by the sender's own id and name; a colour is kept if it is one. */
function stamped(state: unknown, who: PresenceIdentity): unknown {
  // null means the client left; anything else that is not an object carries no identity.
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return state;
  const user = (state as { user?: unknown }).user;
  const color =
    typeof user === 'object' &&
    user !== null &&
    'color' in user &&
    typeof user.color === 'string' &&
    colour.test(user.color)
      ? user.color
      : undefined;
  return { ...state, user: { id: who.userId, name: who.name, ...(color ? { color } : {}) } };
}

/**
 * Rewrites an awareness update so every state in it names the person who sent it: a client cannot show its
 * caret, or itself in "Who is here", as someone else. The update has been read once already
 * (`awarenessClientIds`), so its shape is known to be sound.
 */
export function stampAwarenessUpdate(update: Uint8Array, who: PresenceIdentity): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)); // client id
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    encoding.writeVarString(encoder, JSON.stringify(stamped(state, who)));
  }
  return encoding.toUint8Array(encoder);
}
