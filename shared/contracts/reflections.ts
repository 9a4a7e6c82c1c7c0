import { z } from 'zod';
import { cubeMax, cubeMin, ladderKinds, ladders } from '../reflections/ladders';
import { roleSchema } from '../roles';
import { idSchema, text } from './common';

/** Reflection on power (docs/reflections.md): milestones, answers, the summary by role and the plan to move up. */

export const ladderKindSchema = z.enum(ladderKinds, { message: 'Choose a ladder: arnstein or tlap.' });

const cubeValue = (label: string) =>
  z
    .number({ message: `Give ${label} as a number from ${cubeMin} to ${cubeMax}.` })
    .int({ message: `Give ${label} as a whole number from ${cubeMin} to ${cubeMax}.` })
    .min(cubeMin, { message: `${label} cannot be less than ${cubeMin}.` })
    .max(cubeMax, { message: `${label} cannot be more than ${cubeMax}.` });

export const cubeSchema = z.strictObject({
  voice: cubeValue('Strength of voice'),
  knowledge: cubeValue('Kinds of knowledge'),
  diversity: cubeValue('Range of people'),
  responsiveness: cubeValue('Willingness to change'),
});
export type CubeValues = z.infer<typeof cubeSchema>;

export const reflectionBodySchema = z
  .strictObject({
    /** The milestone answered for; null for an answer "any time". */
    milestoneId: idSchema.nullable(),
    /** The ladder the person answered on: it must be the one the workspace uses. */
    ladder: ladderKindSchema,
    rung: z
      .number({ message: 'Choose the step of the ladder where you think the project stands.' })
      .int({ message: 'Choose one step of the ladder.' })
      .min(1, { message: 'Choose the step of the ladder where you think the project stands.' }),
    cube: cubeSchema,
    note: z.string().trim().max(2000, { message: 'The note can be at most 2000 characters.' }).optional(),
    /** The writer lets everyone in the team read the note (without their name). */
    shareNote: z.boolean({ message: 'Say whether to share your note: true or false.' }).default(false),
  })
  .refine((b) => b.rung <= ladders[b.ladder].rungs.length, {
    message: 'Choose one of the steps of the ladder.',
    path: ['rung'],
  });
export type ReflectionBody = z.input<typeof reflectionBodySchema>;

export const milestoneBodySchema = z.strictObject({
  name: text('The milestone’s name', 120, 'Name the milestone, for example “After episode 1”.'),
});
export type MilestoneBody = z.infer<typeof milestoneBodySchema>;

export const reflectionSettingsBodySchema = z.strictObject({ ladder: ladderKindSchema });
export type ReflectionSettingsBody = z.infer<typeof reflectionSettingsBodySchema>;

export const milestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/** Cube values as read back: answers are whole numbers, means may have one decimal place. */
export const cubeMeansSchema = z.object({
  voice: z.number(),
  knowledge: z.number(),
  diversity: z.number(),
  responsiveness: z.number(),
});
export type CubeMeans = z.infer<typeof cubeMeansSchema>;

export const reflectionSchema = z.object({
  id: z.string(),
  milestoneId: z.string().nullable(),
  /** `YYYY-MM` for an answer any time; the milestone's id otherwise. */
  period: z.string(),
  role: roleSchema,
  ladder: ladderKindSchema,
  rung: z.number(),
  cube: cubeMeansSchema,
  /** Absent when the reader may not read it (see docs/reflections.md). */
  note: z.string().nullable().optional(),
  shareNote: z.boolean(),
  createdAt: z.string(),
  /** Only for admins, and on one's own answers. */
  userId: z.string().optional(),
  name: z.string().optional(),
});
export type Reflection = z.infer<typeof reflectionSchema>;

export const reflectionAbilitiesSchema = z.object({
  /** Name milestones (admins, editors). */
  manageMilestones: z.boolean(),
  /** Choose the ladder (admins). */
  chooseLadder: z.boolean(),
  /** See everyone's answers with their names and notes (admins). */
  seeEveryone: z.boolean(),
  /** Add and change actions in the plan to move up (admins, editors). */
  planActions: z.boolean(),
});
export type ReflectionAbilities = z.infer<typeof reflectionAbilitiesSchema>;

export const reflectionsViewSchema = z.object({
  ladder: ladderKindSchema,
  milestones: z.array(milestoneSchema),
  /** The reader's own answers, the newest for each milestone or month. */
  mine: z.array(reflectionSchema),
  /** Everyone's newest answers with names: admins only; empty for everyone else. */
  everyone: z.array(reflectionSchema),
  /** Notes others chose to share with the team, with the writer's role but no name. */
  sharedNotes: z.array(z.object({ period: z.string(), role: roleSchema, note: z.string(), createdAt: z.string() })),
  abilities: reflectionAbilitiesSchema,
});
export type ReflectionsView = z.infer<typeof reflectionsViewSchema>;

export const roleSummarySchema = z.object({
  role: roleSchema,
  count: z.number(),
  meanRung: z.number(),
  medianRung: z.number(),
  cube: cubeMeansSchema,
});
export type RoleSummary = z.infer<typeof roleSummarySchema>;

export const periodSummarySchema = z.object({
  /** The milestone's id, or `YYYY-MM` for answers any time in that month. */
  period: z.string(),
  kind: z.enum(['milestone', 'month']),
  label: z.string(),
  roles: z.array(roleSummarySchema),
});
export type PeriodSummary = z.infer<typeof periodSummarySchema>;

export const reflectionSummarySchema = z.object({
  ladder: ladderKindSchema,
  periods: z.array(periodSummarySchema),
});
export type ReflectionSummary = z.infer<typeof reflectionSummarySchema>;

// The plan to move up.

export const actionStatuses = ['open', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

const dueOnSchema = z.iso.date({ message: 'Enter the date as year-month-day, for example 2026-03-14.' });

export const actionBodySchema = z.strictObject({
  text: text('What will be done', 500, 'Say what will be done to move up the ladder.'),
  ownerId: idSchema,
  dueOn: dueOnSchema,
  /** The milestone at which the team looks at it again; null until one is chosen. */
  reviewMilestoneId: idSchema.nullable().default(null),
});
export type ActionBody = z.input<typeof actionBodySchema>;

export const actionPatchSchema = z
  .strictObject({
    text: text('What will be done', 500, 'Say what will be done to move up the ladder.').optional(),
    ownerId: idSchema.optional(),
    dueOn: dueOnSchema.optional(),
    reviewMilestoneId: idSchema.nullable().optional(),
    status: z.enum(actionStatuses, { message: 'Say whether it is open or done.' }).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'Say what to change.' });
export type ActionPatch = z.infer<typeof actionPatchSchema>;

export const actionSchema = z.object({
  id: z.string(),
  text: z.string(),
  owner: z.object({ userId: z.string(), name: z.string() }).nullable(),
  dueOn: z.string(),
  status: z.enum(actionStatuses),
  reviewMilestoneId: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the reader may mark it done or open again (its owner, admins). */
  mayMarkDone: z.boolean(),
});
export type PlanAction = z.infer<typeof actionSchema>;

export const actionListSchema = z.object({ actions: z.array(actionSchema) });
export const actionParamsSchema = z.object({ id: idSchema });
