import { z } from 'zod';
import { idSchema, text } from './common';

/**
 * Processing status of a clip's audio. Withdrawal is separate (`withdrawn`): it can happen in any status.
 * A clip recorded in the browser starts as `recording` while its pieces arrive (see `recordings.ts`); the
 * server shows it as `interrupted` once none has arrived for a while (it was never sent, and can still be).
 * Both come before `queued` in a recorded clip's life; uploaded clips never have them.
 */
export const clipStatuses = ['queued', 'processing', 'ready', 'failed', 'recording', 'interrupted'] as const;
export const clipStatusSchema = z.enum(clipStatuses);
export type ClipStatus = z.infer<typeof clipStatusSchema>;

/** Review: `submitted → in_review → approved | changes_requested` (an editor may also go straight to a decision). */
export const reviewStates = ['submitted', 'in_review', 'approved', 'changes_requested'] as const;
export const reviewStateSchema = z.enum(reviewStates);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const audiences = ['public', 'internal'] as const;
export const audienceSchema = z.enum(audiences);
export type Audience = z.infer<typeof audienceSchema>;

/** The formats an upload may be in; anything else is refused with 415 naming these. */
export const acceptedAudioFormats = ['WAV', 'MP3', 'M4A/AAC', 'OGG/Opus', 'WebM/Opus', 'FLAC'] as const;

/**
 * The consent wording shown to a contributor, word for word. A clip's consent record keeps the version it
 * was given against, so the exact text a person agreed to can always be shown again: never edit a
 * published version, add a new one and point `currentConsentVersion` at it.
 */
export interface ConsentWording {
  version: number;
  heading: string;
  intro: string;
  podcast: string;
  publicationQuotes: string;
  audience: Record<Audience, string>;
  changeYourMind: string;
}

export const consentWordings: Record<number, ConsentWording> = {
  1: {
    version: 1,
    heading: 'What may we use your recording for?',
    intro: 'You decide how your recording is used. Tick only what you are happy with.',
    podcast: 'Use my recording in podcast episodes made by this project.',
    publicationQuotes: 'Quote what I say, written down, in the project’s publication.',
    audience: {
      public: 'Anyone may hear or read it: it can be published for the public.',
      internal: 'Only people in this workspace may hear or read it.',
    },
    changeYourMind:
      'You can change your mind at any time. Choose “Withdraw” on your recording and we delete the audio.',
  },
  // Version 2 says exactly what taking consent back does, in the words of the button that does it
  // (withdrawClip.ts, the clip:withdrawn listeners in episodes, quotes and editions; docs/consent-and-publishing.md).
  2: {
    version: 2,
    heading: 'What may we use your recording for?',
    intro: 'You decide how your recording is used. Tick only what you are happy with.',
    podcast: 'Use my recording in podcast episodes made by this project.',
    publicationQuotes: 'Quote what I say, written down, in the project’s publication.',
    audience: {
      public: 'Anyone may hear or read it: it can be published for the public.',
      internal: 'Only people in this workspace may hear or read it.',
    },
    changeYourMind:
      'You can change your mind at any time. On your recording’s page, under “Changed your mind?”, choose ' +
      '“Withdraw consent”. Straight away we delete your recording and the written words of it. Any episode with ' +
      'your voice in it comes out of the podcast and off its web page, and its sound files with your voice are ' +
      'deleted. Where the project’s writing quotes you, a note replaces your words, and any publication quoting you ' +
      'is taken off its web page. The title of your recording and the comments on it stay, with no sound, and we ' +
      'keep a record that you gave your consent and took it back. Copies that listeners have already saved on their own ' +
      'devices are out of our reach.',
  },
};
/** The label of the button that takes consent back: the current wording names it, so the two must agree. */
export const withdrawButtonLabel = 'Withdraw consent';
export const currentConsentVersion = 2;
export const currentConsentWording = consentWordings[currentConsentVersion]!;

const wordingVersion = z.literal(currentConsentVersion, {
  message: 'The consent wording has changed since this page was loaded. Please read it again and choose once more.',
});

export const consentChoicesSchema = z.strictObject({
  podcast: z.boolean({ message: 'Say whether the recording may be used in podcast episodes.' }),
  publicationQuotes: z.boolean({ message: 'Say whether the recording may be quoted in the publication.' }),
  audience: audienceSchema,
  wordingVersion,
});
export type ConsentChoices = z.infer<typeof consentChoicesSchema>;

const formBoolean = (label: string) =>
  z.enum(['true', 'false'], { message: `${label}: choose yes (true) or no (false).` }).transform((v) => v === 'true');

/**
 * The text fields of the multipart upload (the file goes in the field `audio`). Send them BEFORE the file:
 * the server then checks them before storing a single byte.
 */
export const uploadClipFieldsSchema = z.strictObject({
  title: text('Title', 200),
  podcast: formBoolean('Use in podcast episodes'),
  publicationQuotes: formBoolean('Quotes in the publication'),
  audience: audienceSchema,
  consentVersion: z.coerce.number().pipe(wordingVersion),
});
export type UploadClipFields = z.infer<typeof uploadClipFieldsSchema>;

export const personSchema = z.object({ id: z.string(), name: z.string() });

export const consentSchema = z.object({
  podcast: z.boolean(),
  publicationQuotes: z.boolean(),
  audience: audienceSchema,
  wordingVersion: z.number(),
  givenAt: z.string(),
  /** The contributor, or the admin who recorded it on their behalf. */
  recordedBy: personSchema,
});
export type Consent = z.infer<typeof consentSchema>;

export const clipMediaSchema = z.object({
  durationSeconds: z.number(),
  codec: z.string(),
  channels: z.number(),
  sampleRate: z.number(),
  bitRate: z.number().nullable(),
  /** EBU R128 integrated loudness (LUFS) and loudness range (LU); null for silence. */
  loudnessLufs: z.number().nullable(),
  loudnessRangeLu: z.number().nullable(),
  /** EBU R128 true peak (dBTP), the highest over all channels; null for digital silence. */
  truePeakDbfs: z.number().nullable(),
});
export type ClipMedia = z.infer<typeof clipMediaSchema>;

export const clipAbilitiesSchema = z.object({
  comment: z.boolean(),
  review: z.boolean(),
  changeConsent: z.boolean(),
  withdraw: z.boolean(),
});

export const clipSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  contributor: personSchema,
  createdAt: z.string(),
  status: clipStatusSchema,
  /** 0…1 while processing; null when unknown. */
  progress: z.number().nullable(),
  failureReason: z.string().nullable(),
  withdrawn: z.boolean(),
  withdrawnAt: z.string().nullable(),
  /** Who took consent back: the contributor, or an admin on their behalf. */
  withdrawnBy: personSchema.nullable(),
  original: z.object({ filename: z.string(), format: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  media: clipMediaSchema.nullable(),
  review: z.object({
    state: reviewStateSchema,
    updatedBy: personSchema.nullable(),
    updatedAt: z.string().nullable(),
    /** What the reviewer asked to be changed, while the state is `changes_requested`. */
    note: z.string().nullable(),
  }),
  /** Null after withdrawal, and while a recording has not been sent yet. */
  consent: consentSchema.nullable(),
  /** Where to fetch the audio; null once withdrawn. `audio` and `peaks` answer 404 until the clip is ready. */
  urls: z.object({ audio: z.string(), original: z.string(), peaks: z.string() }).nullable(),
  abilities: clipAbilitiesSchema,
});
export type Clip = z.infer<typeof clipSchema>;

export const clipSummarySchema = clipSchema
  .pick({
    id: true,
    title: true,
    contributor: true,
    createdAt: true,
    status: true,
    progress: true,
    failureReason: true,
    withdrawn: true,
    consent: true,
  })
  .extend({ durationSeconds: z.number().nullable(), reviewState: reviewStateSchema, openComments: z.number() });
export type ClipSummary = z.infer<typeof clipSummarySchema>;
export const clipListSchema = z.object({ clips: z.array(clipSummarySchema) });

/**
 * Waveform peaks, ready for wavesurfer.js v8: `ws.load(audioUrl, peaks.peaks, peaks.duration)`.
 * `peaks[0]` holds the highest and `peaks[1]` the lowest sample of each window, scaled to -1…1, so
 * wavesurfer draws the top half from the maxima and the bottom half from the minima. The audio is
 * mixed to mono and resampled to `sampleRate` (8 kHz) first; each pair covers `samplesPerPeak`
 * samples, i.e. `peaksPerSecond` (100) pairs per second of audio.
 */
export const clipPeaksSchema = z.object({
  version: z.literal(1),
  sampleRate: z.number(),
  samplesPerPeak: z.number(),
  peaksPerSecond: z.number(),
  duration: z.number(),
  length: z.number(),
  peaks: z.tuple([z.array(z.number()), z.array(z.number())]),
});
export type ClipPeaks = z.infer<typeof clipPeaksSchema>;

/**
 * A review decision. Asking for changes needs a note saying what to change: it is kept with the decision and
 * also left as a comment at `atSeconds` (default the start), where the contributor can reply to it.
 */
export const reviewBodySchema = z
  .strictObject({
    state: z.enum(['in_review', 'approved', 'changes_requested'], {
      message: 'Choose in_review, approved or changes_requested.',
    }),
    note: text('The note', 5000).optional(),
    atSeconds: z
      .number({ message: 'The time must be a number of seconds.' })
      .min(0, { message: 'The time cannot be negative.' })
      .optional(),
  })
  .refine((r) => r.state !== 'changes_requested' || (r.note ?? '') !== '', {
    message: 'Say what you would like changed.',
    path: ['note'],
  })
  .refine((r) => r.state === 'changes_requested' || (r.note === undefined && r.atSeconds === undefined), {
    message: 'A note goes only with a request for changes.',
    path: ['note'],
  });
export type ReviewBody = z.infer<typeof reviewBodySchema>;

export const withdrawBodySchema = z.strictObject({});

const seconds = (label: string) =>
  z.number({ message: `${label} must be a number of seconds.` }).min(0, { message: `${label} cannot be negative.` });

/** A new thread at a point (`atSeconds`) or a range (`atSeconds`…`endSeconds`), or a reply (`parentId`). */
export const createCommentBodySchema = z.union([
  z
    .strictObject({
      body: text('Comment', 5000),
      atSeconds: seconds('The time'),
      endSeconds: seconds('The end time').optional(),
    })
    .refine((c) => c.endSeconds === undefined || c.endSeconds > c.atSeconds, {
      message: 'The end time must be after the start time.',
      path: ['endSeconds'],
    }),
  z.strictObject({ body: text('Reply', 5000), parentId: idSchema }),
]);
export type CreateCommentBody = z.infer<typeof createCommentBodySchema>;

export const updateCommentBodySchema = z.strictObject({
  resolved: z.boolean({ message: 'Say whether the thread is resolved (true) or open (false).' }),
});

export const commentSchema = z.object({
  id: z.string(),
  clipId: z.string(),
  parentId: z.string().nullable(),
  author: personSchema,
  body: z.string(),
  atSeconds: z.number().nullable(),
  endSeconds: z.number().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: personSchema.nullable(),
  /** Recorded instead of written: fetch it from `/api/voice-comments/:id` (`body` is then a short label). */
  voiceCommentId: z.string().nullable(),
});
export type Comment = z.infer<typeof commentSchema>;
export const commentThreadSchema = commentSchema.extend({ replies: z.array(commentSchema) });
export type CommentThread = z.infer<typeof commentThreadSchema>;
export const commentThreadListSchema = z.object({ threads: z.array(commentThreadSchema) });

export const clipParamsSchema = z.object({ id: idSchema });
export const commentParamsSchema = z.object({ id: idSchema, commentId: idSchema });
