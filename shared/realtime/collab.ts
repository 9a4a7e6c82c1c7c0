import { z } from 'zod';
import { fieldProblemSchema, type ErrorBody } from '../errors';

/**
 * The live co-writing protocol on the Socket.IO namespace `/collab`. After `join`, both sides send
 * `y` events carrying binary y-protocols messages framed exactly as y-websocket frames them: a
 * varUint message type, then the y-protocols payload. Any y-protocols client can speak it.
 */
export const collabNamespace = '/collab';

/** The first varUint of every `y` message (y-websocket's numbering). */
export const collabMessageType = {
  /** y-protocols/sync: step 1 (state vector), step 2 (missing updates) or an update. */
  sync: 0,
  /** y-protocols/awareness: cursors, names, colours. */
  awareness: 1,
  /** Ask the server for every awareness state it knows (no payload). */
  queryAwareness: 3,
} as const;

export const collabDocIdSchema = z.uuid();

/** Optional second `join` argument. An editor should send its `EDITOR_SCHEMA_VERSION`. */
export const collabJoinOptionsSchema = z.object({
  schemaVersion: z.number().int().optional(),
});
export type CollabJoinOptions = z.infer<typeof collabJoinOptionsSchema>;

export type CollabError = ErrorBody['error'];

/**
 * `collab:saved`: every sync step 2 and update this client sent to the document since it joined, up
 * to the `through`-th (counting from 1, again after every join), is in the durable log and applied,
 * or was already held by the server. One that was refused is reported by `collab:error` instead.
 */
export interface CollabSaved {
  through: number;
}

/**
 * Sent to everyone in an episode's timeline document after the server checked the live timeline:
 * `problems` empty means it was saved as the episode's timeline; otherwise the last valid one is kept
 * (and rendered) until these are fixed, and `message` says so in words.
 */
export const timelineCheckSchema = z.object({
  episodeId: z.string(),
  saved: z.boolean(),
  message: z.string().nullable(),
  problems: z.array(fieldProblemSchema),
});
export type TimelineCheck = z.infer<typeof timelineCheckSchema>;
/**
 * `canSuggest`: may suggest changes (suggestion marks). With `canEdit` false, every change must be a suggestion:
 * the server refuses (`forbidden`) one that changes the text with its suggestions rejected, or someone else's suggestion.
 */
export type CollabJoinReply = { ok: true; canEdit: boolean; canSuggest: boolean } | ({ ok: false } & ErrorBody);
export type CollabJoinAck = (reply: CollabJoinReply) => void;

/**
 * Events a client sends on `/collab`. The server also accepts `join(docId, ack)` without options;
 * Socket.IO needs the acknowledgement last, so options, when sent, come second.
 */
export interface CollabClientToServerEvents {
  join: (docId: string, options: CollabJoinOptions, ack: CollabJoinAck) => void;
  y: (docId: string, message: Uint8Array) => void;
  leave: (docId: string) => void;
}

/** Events the server sends on `/collab`. Browsers receive `message` as an ArrayBuffer, Node clients as a Buffer. */
export interface CollabServerToClientEvents {
  y: (docId: string, message: Uint8Array | ArrayBuffer) => void;
  /** Something this client sent was refused; other clients are unaffected. `docId` is null when no document could be named. */
  'collab:error': (docId: string | null, error: CollabError) => void;
  /** The caller's right to edit or suggest changed while joined (a role change or the document's carer switch). */
  'collab:access': (docId: string, access: { canEdit: boolean; canSuggest: boolean }) => void;
  /** Changes this client sent are durable (see CollabSaved); sent to the sender alone. */
  'collab:saved': (docId: string, saved: CollabSaved) => void;
  /** An episode's timeline document only: the outcome of checking the live timeline (see timelineCheckSchema). */
  'timeline:check': (docId: string, check: TimelineCheck) => void;
}
