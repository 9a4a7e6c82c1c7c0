import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a peer is, as the server knows it from their session. */
export interface PresenceIdentity {
  userId: string;
  name: string;
}

const hexColour = /^#[0-9a-f]{6}$/i;

/**
 * One awareness state with its `user` naming the sender: their id and account name over whatever the client put
 * there. The rest of `user` is kept (a timeline's selected item), and a colour (`color` in the editor, `colour` in
 * timelines) only if it is a `#rrggbb` colour, since pages put it into styles.
 */
function stamped(state: unknown, who: PresenceIdentity): unknown {
  // null means the client left; anything else that is not an object carries no identity.
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return state;
  const claimed = (state as { user?: unknown }).user;
  const user: Record<string, unknown> =
    typeof claimed === 'object' && claimed !== null && !Array.isArray(claimed) ? { ...claimed } : {};
  for (const key of ['color', 'colour']) {
    if (key in user && !(typeof user[key] === 'string' && hexColour.test(user[key]))) delete user[key];
  }
  return { ...state, user: { ...user, id: who.userId, name: who.name } };
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
