import { z } from 'zod';
import { roleSchema } from '../roles';
import { idSchema } from './common';

/** People as assets (issue 12 §4, docs/member-strengths.md): what members bring, what they would like to try. */

/** Tasks a member may say they would like to try, and an editor may offer them. */
export const tryableTasks = [
  'interviewing',
  'editing_script',
  'assembling_episode',
  'writing',
  'recording',
  'chairing_meeting',
] as const;
export type TryableTask = (typeof tryableTasks)[number];
export const tryableTaskSchema = z.enum(tryableTasks, { message: 'Choose one of the tasks on the list.' });
export const tryableTaskLabels: Record<TryableTask, string> = {
  interviewing: 'Interviewing',
  editing_script: 'Editing a script',
  assembling_episode: 'Assembling an episode',
  writing: 'Writing',
  recording: 'Recording',
  chairing_meeting: 'Chairing a meeting',
};

/**
 * What an admin may agree a carer also does, without making them staff: `episode.edit` (assemble episodes: change
 * timelines and render drafts; publishing stays with editors) and `document.edit` (edit scripts and other documents).
 */
export const grantableAbilities = ['episode.edit', 'document.edit'] as const;
export type GrantableAbility = (typeof grantableAbilities)[number];
export const grantableAbilitySchema = z.enum(grantableAbilities, {
  message: 'Choose “episode.edit” (assemble episodes) or “document.edit” (edit scripts).',
});
export const grantableAbilityLabels: Record<GrantableAbility, string> = {
  'episode.edit': 'assemble episodes',
  'document.edit': 'edit scripts and other documents',
};

const personSchema = z.object({ id: z.string(), name: z.string() });

export const memberStrengthsSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  brings: z.string(),
  wantsToTry: z.array(tryableTaskSchema),
  wantsToTryOther: z.string(),
  updatedAt: z.string().nullable(),
  grants: z.array(
    z.object({ ability: grantableAbilitySchema, grantedBy: personSchema.nullable(), grantedAt: z.string() }),
  ),
});
export type MemberStrengths = z.infer<typeof memberStrengthsSchema>;

export const taskOfferStatuses = ['offered', 'accepted', 'declined'] as const;
export const taskOfferSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  task: tryableTaskSchema,
  message: z.string(),
  offeredBy: personSchema.nullable(),
  status: z.enum(taskOfferStatuses),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type TaskOffer = z.infer<typeof taskOfferSchema>;

export const strengthsListSchema = z.object({
  members: z.array(memberStrengthsSchema),
  /** Offers to the caller, and (for editors and admins) every offer in the workspace. */
  offers: z.array(taskOfferSchema),
  abilities: z.object({ offerTasks: z.boolean(), grant: z.boolean() }),
});
export type StrengthsList = z.infer<typeof strengthsListSchema>;

export const strengthsBodySchema = z.strictObject({
  brings: z
    .string({ message: 'What you bring must be text.' })
    .trim()
    .max(1000, { message: 'What you bring can be at most 1000 characters.' }),
  wantsToTry: z
    .array(tryableTaskSchema)
    .max(tryableTasks.length)
    .transform((tasks) => [...new Set(tasks)]),
  wantsToTryOther: z
    .string({ message: 'What else you would like to try must be text.' })
    .trim()
    .max(300, { message: 'What else you would like to try can be at most 300 characters.' })
    .default(''),
});
export type StrengthsBody = z.input<typeof strengthsBodySchema>;

export const memberParamsSchema = z.object({ id: idSchema, userId: idSchema });

export const offerBodySchema = z.strictObject({
  task: tryableTaskSchema,
  message: z
    .string({ message: 'The message must be text.' })
    .trim()
    .max(1000, { message: 'The message can be at most 1000 characters.' })
    .default(''),
});
export type OfferBody = z.input<typeof offerBodySchema>;

export const offerParamsSchema = z.object({ id: idSchema });
export const offerAnswerBodySchema = z.strictObject({
  answer: z.enum(['accepted', 'declined'], { message: 'Answer “accepted” or “declined”.' }),
});

export const grantParamsSchema = z.object({ id: idSchema, userId: idSchema, ability: grantableAbilitySchema });
