import { z } from 'zod';
import { idSchema, text } from './common';
import { artworkSchema, transcriptSchema } from './publishing';

/** The podcast show of a workspace: the channel fields Apple requires. */
export const showBodySchema = z.strictObject({
  title: text('The show’s title', 255),
  description: text('The show’s description', 4000),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, { message: 'Give the language as a code such as en or en-gb.' })
    .transform((l) => l.toLowerCase()),
  category: text('The Apple Podcasts category', 100),
  subcategory: text('The subcategory', 100).nullable().optional(),
  explicit: z.boolean({ message: 'Say whether the show has explicit content (true or false).' }),
  author: text('The author', 255),
  ownerName: text('The owner’s name', 255),
  ownerEmail: z.email({ message: 'Enter the owner’s email address, like name@example.org.' }),
  /** Square artwork, 1400–3000 px, hosted elsewhere at an https address; artwork uploaded to Chorus (`artwork`) comes first. */
  artworkUrl: z
    .url({ protocol: /^https?$/, message: 'Give the artwork as a web address starting with https://.' })
    .nullable()
    .optional(),
});
export type ShowBody = z.infer<typeof showBodySchema>;
export const showSchema = showBodySchema.extend({
  workspaceId: z.string(),
  feedUrl: z.string(),
  updatedAt: z.string(),
  artwork: artworkSchema.nullable(),
});
export type Show = z.infer<typeof showSchema>;

export const episodeTypes = ['full', 'trailer', 'bonus'] as const;
const whole = (label: string) =>
  z
    .number({ message: `${label} must be a number.` })
    .int({ message: `${label} must be a whole number.` })
    .min(0, { message: `${label} cannot be negative.` });

export const createEpisodeBodySchema = z.strictObject({
  title: text('The episode’s title', 255),
  description: z.string().trim().max(20_000, { message: 'Show notes can be at most 20000 characters.' }).optional(),
  number: whole('The episode number').nullable().optional(),
  season: whole('The season').nullable().optional(),
  type: z.enum(episodeTypes, { message: 'Choose full, trailer or bonus.' }).default('full'),
});
export type CreateEpisodeBody = z.infer<typeof createEpisodeBodySchema>;
export const updateEpisodeBodySchema = createEpisodeBodySchema.partial().extend({
  /** The `script` document of this workspace the episode is written from; null to unlink it. */
  scriptDocumentId: idSchema.nullable().optional(),
});
export type UpdateEpisodeBody = z.infer<typeof updateEpisodeBodySchema>;

const seconds = (label: string) =>
  z.number({ message: `${label} must be a number of seconds.` }).min(0, { message: `${label} cannot be negative.` });

/** What every timeline item has, clip or music: the stretch of its source it plays, its gain and its crossfade. */
const stretchFields = {
  inSeconds: seconds('The start of the trim'),
  outSeconds: seconds('The end of the trim'),
  gainDb: z
    .number({ message: 'The gain must be a number of decibels.' })
    .min(-20, { message: 'The gain can be at most 20 dB quieter.' })
    .max(20, { message: 'The gain can be at most 20 dB louder.' })
    .default(0),
  /** Crossfade into this item from the one before, in seconds (ignored on the first item). */
  crossfadeSeconds: z
    .number({ message: 'The crossfade must be a number of seconds.' })
    .min(0, { message: 'The crossfade cannot be negative.' })
    .max(10, { message: 'A crossfade can be at most 10 seconds.' })
    .default(0),
};
const stretchEndsAfterStart = (i: { inSeconds: number; outSeconds: number }) => i.outSeconds > i.inSeconds;
const stretchEndsAfterStartMessage = {
  message: 'The end of the trim must come after its start.',
  path: ['outSeconds'],
};

/** A stretch of an approved clip: from `inSeconds` to `outSeconds` of the clip, with extra gain on top of levelling. */
export const clipItemSchema = z
  .strictObject({ kind: z.literal('clip'), clipId: idSchema, ...stretchFields })
  .refine(stretchEndsAfterStart, stretchEndsAfterStartMessage);
export type ClipItem = z.infer<typeof clipItemSchema>;

export const musicRoles = ['intro', 'outro', 'bed'] as const;
export type MusicRole = (typeof musicRoles)[number];

/**
 * A stretch of one of the workspace's music assets (`inSeconds` to `outSeconds` of the asset), levelled from
 * its measured loudness to the music reference (a few LU under speech), with `gainDb` on top. Where it plays:
 * - `intro` / `outro`: in sequence, like a clip: it plays on its own, and `crossfadeSeconds` joins it to the
 *   item before (as for clips); the item after may crossfade into it.
 * - `bed`: under what follows it. A bed first plays on its own for `leadSeconds` (0: no lead), which takes
 *   that much time in the sequence, joined to the item before with a straight cut; it then keeps playing under
 *   the items after it until its stretch (`outSeconds − inSeconds`) runs out, the next bed or outro starts, or
 *   the episode ends, whichever comes first. For a bed `crossfadeSeconds` is its fade-in and fade-out, and
 *   while clip items play (each clip's whole span on the timeline) it is lowered by `duckDb`, ramping over
 *   half a second either side. With no lead, a bed starts where the next item starts.
 * `leadSeconds` and `duckDb` mean nothing for intros and outros and are ignored there.
 */
export const musicItemSchema = z
  .strictObject({
    kind: z.literal('music'),
    assetId: idSchema,
    role: z.enum(musicRoles, { message: 'Choose intro, outro or bed.' }),
    ...stretchFields,
    leadSeconds: seconds('The bed’s lead').default(0),
    duckDb: z
      .number({ message: 'The ducking must be a number of decibels.' })
      .min(0, { message: 'The ducking cannot be negative.' })
      .max(40, { message: 'The ducking can be at most 40 dB.' })
      .default(12),
  })
  .refine(stretchEndsAfterStart, stretchEndsAfterStartMessage)
  .refine((i) => i.role !== 'bed' || i.leadSeconds <= i.outSeconds - i.inSeconds, {
    message: 'The bed’s lead cannot be longer than the bed.',
    path: ['leadSeconds'],
  });
export type MusicItem = z.infer<typeof musicItemSchema>;

export const timelineItemSchema = z.discriminatedUnion('kind', [clipItemSchema, musicItemSchema], {
  message: 'Each timeline item must be a clip or music.',
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const chapterSchema = z.strictObject({
  atSeconds: seconds('A chapter’s start'),
  title: text('A chapter’s title', 200),
});

/** The episode's timeline: clip and music stretches in order, a crossfade per joint, beds under speech, chapter markers. Positions: shared/timelinePlacement.ts. */
export const timelineSchema = z.strictObject({
  items: z.array(timelineItemSchema).max(200, { message: 'A timeline can hold at most 200 items.' }),
  chapters: z.array(chapterSchema).max(200, { message: 'A timeline can hold at most 200 chapters.' }).default([]),
});
export type Timeline = z.infer<typeof timelineSchema>;
export const timelineResponseSchema = timelineSchema.extend({ totalSeconds: z.number() });

export const renderStatuses = ['queued', 'rendering', 'passed', 'failing', 'failed'] as const;
export const renderSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  status: z.enum(renderStatuses),
  progress: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  /** Measured on the encoded MP3 with EBU R128 (ffmpeg ebur128, peak=true). */
  integratedLufs: z.number().nullable(),
  truePeakDbtp: z.number().nullable(),
  correctionDb: z.number().nullable(),
  failureReason: z.string().nullable(),
  /** Why its audio was deleted (a voice in it was withdrawn); null while it has its audio. */
  removedReason: z.string().nullable(),
  audioUrl: z.string().nullable(),
  /** The chapters written into this render, in the order they play (so any render can be listened to by chapter). */
  chapters: z.array(chapterSchema),
  /**
   * The episode transcript assembled from the clips' transcripts when it was rendered (null before it finished):
   * where members read it, and the clips whose transcript was empty (the transcript is incomplete without them).
   */
  transcript: z
    .object({
      urls: z.object({ vtt: z.string(), srt: z.string(), json: z.string() }),
      missing: z.array(z.object({ clipId: z.string(), title: z.string() })),
    })
    .nullable(),
});
export type Render = z.infer<typeof renderSchema>;

/** The episode transcript files made with each render (issue 10 §3), and the type each is served with. */
export const episodeTranscriptFormats = ['vtt', 'srt', 'json'] as const;
export type EpisodeTranscriptFormat = (typeof episodeTranscriptFormats)[number];
export const episodeTranscriptTypes = {
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  json: 'application/json',
} as const satisfies Record<EpisodeTranscriptFormat, string>;
/** The Podcasting 2.0 JSON transcript of a render (`transcript.json`), as the carers' episode page reads it. */
export const podcastTranscriptSchema = z.object({
  version: z.string(),
  segments: z.array(
    z.object({ speaker: z.string().optional(), startTime: z.number(), endTime: z.number(), body: z.string() }),
  ),
});
export type PodcastTranscript = z.infer<typeof podcastTranscriptSchema>;
const transcriptFormatSchema = z.enum(episodeTranscriptFormats, {
  message: 'Ask for transcript.vtt, transcript.srt or transcript.json.',
});

export const episodeSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  description: z.string(),
  number: z.number().nullable(),
  season: z.number().nullable(),
  type: z.enum(episodeTypes),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  needsRerender: z.boolean(),
  rerenderReason: z.string().nullable(),
  totalSeconds: z.number(),
  /** The live timeline: a Yjs document to join on `/collab` (structure: shared/episodes/timelineDoc.ts). */
  timelineDocumentId: z.string(),
  latestRender: renderSchema.nullable(),
  scriptDocumentId: z.string().nullable(),
  artwork: artworkSchema.nullable(),
  transcript: transcriptSchema.nullable(),
  consultantIds: z.array(z.string()),
  /** The public episode page (it answers 404 until the episode is published). */
  pageUrl: z.string(),
  abilities: z.object({ edit: z.boolean(), render: z.boolean(), publish: z.boolean() }),
});
export type Episode = z.infer<typeof episodeSchema>;
export const episodeListSchema = z.object({ episodes: z.array(episodeSchema) });
export const renderListSchema = z.object({ renders: z.array(renderSchema) });
export const renderParamsSchema = z.object({ id: idSchema, renderId: idSchema });
export const feedParamsSchema = z.object({ workspaceId: idSchema });
export const publicRenderParamsSchema = z.object({ workspaceId: idSchema, episodeId: idSchema });
export const renderTranscriptParamsSchema = renderParamsSchema.extend({ format: transcriptFormatSchema });
export const publicTranscriptParamsSchema = publicRenderParamsSchema.extend({ format: transcriptFormatSchema });

/** Where a clip's voice is used now, for the person who made it to see before they change their mind. */
export const clipUsesSchema = z.object({
  episodes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** In the public feed now, with this voice in the render it serves. */
      inFeed: z.boolean(),
      /** On the episode's timeline now. */
      inTimeline: z.boolean(),
      /** How many of its renders (with their audio) hold this voice. */
      renders: z.number(),
    }),
  ),
});
export type ClipUses = z.infer<typeof clipUsesSchema>;
