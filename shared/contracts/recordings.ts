import { z } from 'zod';
import { consentChoicesSchema } from './clips';
import { idSchema, text } from './common';

/**
 * Recording in the browser. A recording is a clip (same id) whose audio arrives in numbered pieces while
 * the person is still speaking: MediaRecorder hands the page a piece every few seconds and the page sends
 * each one as it comes, so a closed tab or a dropped connection loses at most the piece being recorded.
 * Finishing joins the pieces, in order, into the clip's original and starts the usual processing.
 */

/** The page asks MediaRecorder for a piece this often: at most this much is ever at risk. */
export const recordingTimesliceMs = 5_000;

/** One piece may be at most this large (5 s of Opus is about 40 KB; uncompressed PCM about 1 MB). */
export const recordingChunkMaxBytes = 8 * 1024 * 1024;

/** No piece for this long and a recording counts as interrupted: the page was closed, or lost its connection. */
export const recordingIdleMs = 2 * 60_000;

/** Largest piece number accepted (a piece every 5 s for more than a week). */
export const recordingMaxSeq = 999_999;

/**
 * What MediaRecorder may give us, by container, with the codecs each may carry. Chrome and Edge record
 * `audio/webm;codecs=opus`, Firefox `audio/ogg;codecs=opus` (or WebM), Safari `audio/mp4`.
 */
const recordingContainers: Record<string, readonly string[]> = {
  'audio/webm': ['opus', 'vorbis', 'pcm'],
  'audio/ogg': ['opus', 'vorbis'],
  'audio/mp4': ['mp4a.40.2', 'mp4a.40.5', 'mp4a.40.29', 'aac', 'opus', 'flac'],
};

/** The types a page should try, best first, with `MediaRecorder.isTypeSupported`. */
export const preferredRecordingTypes = [
  'audio/webm;codecs=opus',
  'audio/ogg;codecs=opus',
  'audio/mp4;codecs=mp4a.40.2',
  'audio/mp4',
  'audio/webm',
] as const;

/** "audio/webm; codecs=\"opus\"" → "audio/webm;codecs=opus"; null when it is not one we accept. */
export function normaliseRecordingType(value: string): string | null {
  const [base = '', ...params] = value.toLowerCase().replace(/\s+/g, '').replace(/"/g, '').split(';');
  const codecsAllowed = recordingContainers[base];
  if (!codecsAllowed) return null;
  const codecs = params.filter(Boolean);
  if (codecs.length === 0) return base;
  if (codecs.length > 1 || !codecs[0]!.startsWith('codecs=')) return null;
  const list = codecs[0]!.slice('codecs='.length).split(',');
  if (list.length === 0 || !list.every((c) => codecsAllowed.includes(c))) return null;
  return `${base};codecs=${list.join(',')}`;
}

export const recordingTypeSchema = z
  .string({ message: 'Say what kind of audio the recording is (the mimeType MediaRecorder reports).' })
  .max(100)
  .transform((value, ctx) => {
    const type = normaliseRecordingType(value);
    if (type === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'We can take recordings in WebM or Ogg (Opus) or MP4 (AAC), as web browsers make them.',
      });
      return z.NEVER;
    }
    return type;
  });

export const createRecordingBodySchema = z.strictObject({
  /** Optional: the person may name the story later, when they send it. */
  title: text('Title', 200).optional(),
  mimeType: recordingTypeSchema,
  /**
   * Chosen by the page (a UUID) so that sending the same request again, after a lost answer, finds the
   * same recording instead of making a second one.
   */
  clientKey: idSchema.optional(),
  /**
   * `story` (the default): a clip, sent with its consent choices. `voiceComment`: a comment recorded instead of
   * written, at most three minutes, sent with `POST /api/recordings/:id/voice-comment` (see `voiceComments.ts`).
   */
  purpose: z.enum(['story', 'voiceComment'], { message: 'The purpose is either story or voiceComment.' }).optional(),
});
export type CreateRecordingBody = z.input<typeof createRecordingBodySchema>;

/**
 * `recording`: pieces are arriving. `interrupted`: none for a while; it can be carried on or sent as it
 * is. `sending`: being joined into the clip. `sent`: it is a clip now. `withdrawn`: consent taken back.
 */
export const recordingStates = ['recording', 'interrupted', 'sending', 'sent', 'withdrawn'] as const;
export const recordingStateSchema = z.enum(recordingStates);
export type RecordingState = z.infer<typeof recordingStateSchema>;

export const recordingSchema = z.object({
  /** The clip's id. */
  id: z.string(),
  workspaceId: z.string(),
  clientKey: z.string(),
  title: z.string(),
  mimeType: z.string(),
  state: recordingStateSchema,
  /** The number of the next piece the server expects; pieces 0 … nextSeq-1 are stored. */
  nextSeq: z.number(),
  /** Bytes stored so far. */
  bytes: z.number(),
  /** How much had been recorded when the last stored piece was made, as the page said; null if it did not say. */
  recordedSeconds: z.number().nullable(),
  startedAt: z.string(),
  lastChunkAt: z.string().nullable(),
});
export type Recording = z.infer<typeof recordingSchema>;
export const recordingListSchema = z.object({ recordings: z.array(recordingSchema) });

/** The answer to a stored piece (or to a piece sent again), and the body of a 409 next to `error`. */
export const recordingProgressSchema = recordingSchema.pick({
  id: true,
  state: true,
  nextSeq: true,
  bytes: true,
  recordedSeconds: true,
});
export type RecordingProgress = z.infer<typeof recordingProgressSchema>;

export const recordingParamsSchema = z.object({ id: idSchema });
export const recordingChunkParamsSchema = z.object({
  id: idSchema,
  seq: z.coerce
    .number({ message: 'The piece number must be a whole number.' })
    .int({ message: 'The piece number must be a whole number.' })
    .min(0, { message: 'The piece number cannot be negative.' })
    .max(recordingMaxSeq, { message: `The piece number can be at most ${recordingMaxSeq}.` }),
});
export const recordingChunkQuerySchema = z.object({
  /** How many milliseconds had been recorded when this piece ended (shown as "about 1 minute of it is safe"). */
  recordedMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3_600_000)
    .optional(),
});

/** Sending: the same consent choices as an upload (`consentChoicesSchema`), and the title if the person changed it. */
export const finishRecordingBodySchema = consentChoicesSchema.extend({ title: text('Title', 200).optional() });
export type FinishRecordingBody = z.infer<typeof finishRecordingBodySchema>;

/** True when nothing has arrived since `lastActivity` for longer than `recordingIdleMs`. */
export const recordingIsIdle = (lastActivity: string, now = Date.now()): boolean =>
  now - Date.parse(lastActivity) > recordingIdleMs;
