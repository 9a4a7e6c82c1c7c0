import { z } from 'zod';
import { text } from './common';

/**
 * Sign-off by the people heard (issue 12 §2): before an episode is published, everyone whose voice is in its
 * newest passing render listens to their parts and approves them, or asks for a change with a note.
 */
export const signoffStates = ['pending', 'approved', 'changes_requested'] as const;
export type SignoffState = (typeof signoffStates)[number];
export const signoffDecisions = ['approved', 'changes_requested'] as const;
export type SignoffDecision = (typeof signoffDecisions)[number];

export const signoffNoteMax = 2000;

/** One person heard in the render, and where their sign-off stands for their parts as they are now. */
export const signoffSchema = z.object({
  userId: z.string(),
  name: z.string(),
  state: z.enum(signoffStates),
  /** What they asked to change (or said with their approval); null when they said nothing. */
  note: z.string().nullable(),
  /** When they decided; null while pending. */
  at: z.string().nullable(),
});
export type Signoff = z.infer<typeof signoffSchema>;

export const signoffListSchema = z.object({
  required: z.array(signoffSchema),
  /** Everyone heard has approved their parts as they are in this render (true when nobody is heard). */
  complete: z.boolean(),
  /** The workspace asks for sign-off before publishing (an admin can turn it off). */
  enabled: z.boolean(),
  /** The render the parts are taken from: the episode's newest passing one; null before there is one. */
  renderId: z.string().nullable(),
  /** The last time an admin published without everyone's sign-off, with their reason. */
  override: z
    .object({ reason: z.string(), by: z.object({ id: z.string(), name: z.string() }), at: z.string() })
    .nullable(),
  /** What the caller may do here: publish without everyone's sign-off (admins), turn sign-off on or off (admins). */
  abilities: z.object({ override: z.boolean(), changeSetting: z.boolean() }),
});
export type SignoffList = z.infer<typeof signoffListSchema>;

const askForChange = 'Say what you would like changed.';

/** A note is required, and bounded, when asking for a change; optional with an approval. */
export const signoffBodySchema = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({
      decision: z.literal('approved'),
      note: text('Your note', signoffNoteMax).optional(),
    }),
    z.strictObject({
      decision: z.literal('changes_requested'),
      note: z
        .string({ message: askForChange })
        .trim()
        .min(1, { message: askForChange })
        .max(signoffNoteMax, { message: `What you would like changed can be at most ${signoffNoteMax} characters.` }),
    }),
  ],
  { message: 'Choose “approved” or “changes_requested”.' },
);
export type SignoffBody = z.infer<typeof signoffBodySchema>;

/** One stretch of a person's voice in the render: which recording, which part of it, and where it plays. */
export const signoffPartSchema = z.object({
  clipId: z.string(),
  clipTitle: z.string(),
  /** The part of the recording used (its trim). */
  inSeconds: z.number(),
  outSeconds: z.number(),
  /** Where it plays in the episode: play the render's audio from `startSeconds` to `endSeconds`. */
  startSeconds: z.number(),
  endSeconds: z.number(),
});
export type SignoffPart = z.infer<typeof signoffPartSchema>;

/** The signed-in person's own parts in the render and their sign-off. */
export const mySignoffSchema = z.object({
  /** Their voice is in the render, so they are asked. */
  heard: z.boolean(),
  renderId: z.string().nullable(),
  /** The render's audio (for members); null when it may not be played (the reason says why). */
  audioUrl: z.string().nullable(),
  unavailableReason: z.string().nullable(),
  parts: z.array(signoffPartSchema),
  signoff: signoffSchema.nullable(),
});
export type MySignoff = z.infer<typeof mySignoffSchema>;

/** `POST /api/episodes/:id/publish`: an admin may publish without everyone's sign-off, giving a reason. */
export const publishBodySchema = z.strictObject({
  override: z
    .strictObject({ reason: text('The reason', 1000, 'Say why the episode is published without everyone’s sign-off.') })
    .optional(),
});
export type PublishBody = z.infer<typeof publishBodySchema>;

/** Whether a workspace asks the people heard to sign off before publishing (default on). */
export const signoffSettingSchema = z.object({ enabled: z.boolean() });
export const signoffSettingBodySchema = z.strictObject({
  enabled: z.boolean({ message: 'Say whether sign-off is needed: true or false.' }),
});
export type SignoffSetting = z.infer<typeof signoffSettingSchema>;
