import {
  redactionSchema,
  redactionsSchema,
  type Redaction,
  type Redactions,
} from '../../../../../shared/contracts/redactions';
import { requestEmpty, requestJson } from '../../../api/http';

const path = (clipId: string) => `/api/clips/${encodeURIComponent(clipId)}/redactions`;

/** The stretches struck out of a clip (with the words, for its contributor and admins). */
export const getRedactions = (clipId: string): Promise<Redactions> =>
  requestJson('GET', path(clipId), redactionsSchema);

/** Strike out a stretch: its words are never heard or read again. */
export const strikeOut = (clipId: string, startSeconds: number, endSeconds: number): Promise<Redaction> =>
  requestJson('POST', path(clipId), redactionSchema, { startSeconds, endSeconds });

/** Undo a strike-out: the words go back into the transcript. */
export const undoStrikeOut = (clipId: string, redactionId: string): Promise<void> =>
  requestEmpty('DELETE', `${path(clipId)}/${encodeURIComponent(redactionId)}`);
