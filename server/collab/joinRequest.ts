import {
  EDITOR_SCHEMA_VERSION,
  isCompatibleSchemaVersion,
  MIN_EDITOR_SCHEMA_VERSION,
} from '../../shared/editor/version';
import { collabDocIdSchema, collabJoinOptionsSchema, type CollabJoinAck } from '../../shared/realtime/collab';
import { AppError } from '../errors';

export const notFoundDocument = () =>
  new AppError('not_found', 'We could not find that document. It may have been removed, or the link may be wrong.');

/** A `join` as sent: its acknowledgement (when the client asked for one) and the id to name in a `collab:error`. */
interface JoinCall {
  ack: CollabJoinAck | undefined;
  namedId: string | null;
}

/**
 * Reads `join(docId, ack)` or `join(docId, { schemaVersion }, ack)` (Socket.IO puts the acknowledgement last):
 * the document to join, or why the join is refused, in words the person can act on.
 */
export function readJoinRequest(args: unknown[]): JoinCall & ({ documentId: string } | { refused: AppError }) {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as CollabJoinAck) : undefined;
  const rawId = args[0];
  const rawOptions = ack ? (args.length >= 3 ? args[1] : undefined) : args[1];
  const call = { ack, namedId: typeof rawId === 'string' ? rawId.slice(0, 100) : null };
  if (typeof rawId !== 'string') {
    const why = 'join needs a document id: join(docId, ack) or join(docId, { schemaVersion }, ack).';
    return { ...call, refused: new AppError('validation_failed', why) };
  }
  // An id that is not a UUID cannot name a document: the same answer as a missing one.
  if (!collabDocIdSchema.safeParse(rawId).success) return { ...call, refused: notFoundDocument() };
  const parsed = collabJoinOptionsSchema.safeParse(rawOptions ?? {});
  if (!parsed.success) {
    return {
      ...call,
      refused: new AppError('validation_failed', 'The join options must look like { schemaVersion: 1 }.'),
    };
  }
  const version = parsed.data.schemaVersion;
  if (version !== undefined && !isCompatibleSchemaVersion(version)) {
    const needs =
      MIN_EDITOR_SCHEMA_VERSION === EDITOR_SCHEMA_VERSION
        ? `${EDITOR_SCHEMA_VERSION}`
        : `${MIN_EDITOR_SCHEMA_VERSION} to ${EDITOR_SCHEMA_VERSION}`;
    const why = `Chorus has been updated since this page was opened (its editor is version ${version}; the server needs ${needs}). Reload the page to keep editing; your changes are kept on this device.`;
    return { ...call, refused: new AppError('schema_outdated', why) };
  }
  return { ...call, documentId: rawId };
}
