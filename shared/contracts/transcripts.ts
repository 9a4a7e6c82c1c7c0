import { z } from 'zod';

/**
 * A clip's transcript as scripts and tests send and read it (`/api/clips/:id/transcript`). The live copy is a
 * Yjs document (see shared/transcripts/transcriptDoc.ts); these are its plain JSON views.
 */

/** The largest PUT body accepted, in bytes (a 413 says so above it). */
export const maxTranscriptBodyBytes = 2 * 1024 * 1024;

const seconds = (label: string) =>
  z
    .number({ message: `${label} must be a number of seconds.` })
    .min(0, { message: `${label} cannot be negative.` })
    .max(24 * 3600, { message: `${label} cannot be more than a day into the recording.` });

export const transcriptWordSchema = z.strictObject({
  text: z
    .string({ message: 'A word must be text.' })
    .trim()
    .min(1, { message: 'A word cannot be empty; leave it out instead.' })
    .max(200, { message: 'A word can be at most 200 characters.' })
    .refine((w) => !/\s/.test(w), { message: 'A word cannot contain spaces; give each word on its own.' }),
  startSeconds: seconds('The word’s start'),
  endSeconds: seconds('The word’s end'),
  /** A person has corrected or confirmed this word. */
  checked: z.boolean().optional(),
});
export type TranscriptWord = z.infer<typeof transcriptWordSchema>;

export const transcriptSegmentSchema = z.strictObject({
  /** Kept when given (so a PUT of what GET returned keeps each segment's identity); made up otherwise. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'A segment id uses only letters, digits, "-" and "_" (up to 64).' })
    .optional(),
  startSeconds: seconds('The segment’s start'),
  endSeconds: seconds('The segment’s end'),
  text: z
    .string({ message: 'A segment’s text must be text.' })
    .trim()
    .min(1, { message: 'This segment has no words. Write what is said, or leave the segment out.' })
    .max(20_000, { message: 'A segment can hold at most 20000 characters; split it in two.' }),
  /** A key of `speakers`. */
  speaker: z.string().min(1).max(64).optional(),
  /** Word timings inside the segment, in order; their texts, joined by spaces, are the segment's text. */
  words: z.array(transcriptWordSchema).max(5000, { message: 'A segment can hold at most 5000 words.' }).optional(),
});
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;

export const speakersSchema = z.record(
  z.string().min(1).max(64),
  z
    .string({ message: 'A speaker’s name must be text.' })
    .trim()
    .min(1, { message: 'Give the speaker a name, such as “Carer 1”.' })
    .max(200, { message: 'A speaker’s name can be at most 200 characters.' }),
);

/** The words of a text, as a transcript splits them: runs of anything but white space. */
export const wordsOf = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

type Problem = { path: (string | number)[]; message: string };
/** A segment as far as it parsed: the checks below run even when some of its fields are wrong, to list every problem. */
type Loose = { startSeconds?: unknown; endSeconds?: unknown; text?: unknown; words?: unknown };
const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Order, overlap and word timings: the problems no single field shows, each with the path of the field at fault. */
export function segmentProblems(segments: readonly Loose[]): Problem[] {
  const problems: Problem[] = [];
  let before: { start: number; end: number } | null = null;
  segments.forEach((s, i) => {
    const start = s.startSeconds;
    const end = s.endSeconds;
    if (!isNumber(start) || !isNumber(end)) return;
    if (end <= start) problems.push({ path: [i, 'endSeconds'], message: 'A segment must end after it starts.' });
    if (before && start < before.start)
      problems.push({
        path: [i, 'startSeconds'],
        message: 'Segments must be in time order: this one starts before the one above it.',
      });
    else if (before && start < before.end)
      problems.push({
        path: [i, 'startSeconds'],
        message: `This segment overlaps the one above it, which ends at ${before.end} s.`,
      });
    before = { start, end };
    if (Array.isArray(s.words) && typeof s.text === 'string')
      problems.push(
        ...wordProblems(s.text, s.words as Loose[], start, end).map((p) => ({ ...p, path: [i, ...p.path] })),
      );
  });
  return problems;
}

function wordProblems(text: string, words: readonly Loose[], start: number, end: number): Problem[] {
  const problems: Problem[] = [];
  if (words.map((w) => (typeof w.text === 'string' ? w.text.trim() : '')).join(' ') !== wordsOf(text).join(' '))
    problems.push({ path: ['words'], message: 'The words must spell out the segment’s text, in order.' });
  let previousStart = -Infinity;
  words.forEach((w, j) => {
    if (!isNumber(w.startSeconds) || !isNumber(w.endSeconds)) return;
    if (w.endSeconds < w.startSeconds)
      problems.push({ path: ['words', j, 'endSeconds'], message: 'A word cannot end before it starts.' });
    if (w.startSeconds < start || w.endSeconds > end)
      problems.push({ path: ['words', j], message: 'A word must lie inside its segment’s time.' });
    if (w.startSeconds < previousStart)
      problems.push({ path: ['words', j, 'startSeconds'], message: 'Words must be in time order.' });
    previousStart = w.startSeconds;
  });
  return problems;
}

/** Runs a check even when some fields failed to parse, so one answer lists every problem. */
const always = { when: () => true };

export const putTranscriptBodySchema = z
  .strictObject({
    segments: z
      .array(transcriptSegmentSchema)
      .max(20_000, { message: 'A transcript can hold at most 20000 segments.' })
      .superRefine((segments, ctx) => {
        for (const p of segmentProblems(segments)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
      }, always),
    speakers: speakersSchema.optional(),
    checked: z.boolean({ message: 'Say whether a person has checked the transcript (true or false).' }).optional(),
  })
  .superRefine((body, ctx) => {
    if (!Array.isArray(body.segments)) return;
    body.segments.forEach((s: { speaker?: unknown }, i) => {
      if (typeof s?.speaker === 'string' && body.speakers && !(s.speaker in body.speakers))
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i, 'speaker'],
          message: `There is no speaker “${s.speaker}” in speakers; add them there or leave this out.`,
        });
    });
  }, always);
export type PutTranscriptBody = z.infer<typeof putTranscriptBodySchema>;

export const transcriptSources = ['typed', 'machine', 'mixed'] as const;

/**
 * Where speech recognition's first draft stands (when the server has a TRANSCRIBE_URL): `waiting` for its turn,
 * `working` on it, `written` into the transcript, `kept` (people had already written words, which stay), `silent`
 * (no words were heard), `failed` (with the reason).
 */
export const machineDraftStatuses = ['waiting', 'working', 'written', 'kept', 'silent', 'failed'] as const;
export type MachineDraftStatus = (typeof machineDraftStatuses)[number];

export const machineDraftStateSchema = z.object({
  status: z.enum(machineDraftStatuses),
  /** 0…1 while `working`, null when not known. */
  progress: z.number().nullable(),
  /** Why it failed, in words, when `failed`. */
  failureReason: z.string().nullable(),
});
export type MachineDraftState = z.infer<typeof machineDraftStateSchema>;

/** A segment as the live document holds it (read back as it is, so looser than what a PUT may send). */
export const transcriptSegmentViewSchema = z.object({
  id: z.string(),
  startSeconds: z.number(),
  endSeconds: z.number(),
  text: z.string(),
  speaker: z.string().optional(),
  /** Present when every word has a timing. */
  words: z
    .array(z.object({ text: z.string(), startSeconds: z.number(), endSeconds: z.number(), checked: z.boolean() }))
    .optional(),
});
export type TranscriptSegmentView = z.infer<typeof transcriptSegmentViewSchema>;

export const transcriptSchema = z.object({
  clipId: z.string(),
  /** The live document (`/collab`, kind `transcript`). */
  documentId: z.string(),
  segments: z.array(transcriptSegmentViewSchema),
  speakers: z.record(z.string(), z.string()),
  checked: z.boolean(),
  /** `machine`: the engine's draft as it came; `mixed`: a machine draft people have changed; `typed`: no draft. */
  source: z.enum(transcriptSources),
  /** Speech recognition's first draft, when one was asked for (null otherwise, and always without TRANSCRIBE_URL). */
  machineDraft: machineDraftStateSchema.nullable(),
  updatedAt: z.string(),
  /** May the caller change it (contributor, editors, admins)? */
  canEdit: z.boolean(),
});
export type Transcript = z.infer<typeof transcriptSchema>;
