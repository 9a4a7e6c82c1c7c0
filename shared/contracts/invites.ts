import { z } from 'zod';
import { roleSchema } from '../roles';
import { idSchema, text } from './common';
import { newPasswordSchema, emailSchema, userSchema } from './auth';

export const inviteTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'This invite link is not complete. Ask for a new link.' });

export const createInviteBodySchema = z.strictObject({
  role: roleSchema,
  /** How long the link works; a week unless said otherwise. */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** How many people may use the link; null means any number until it expires. */
  maxUses: z.number().int().min(1).max(1000).nullable().default(1),
  /** Send the link to this address too (only where the server can send email). */
  email: emailSchema.optional(),
});
export type CreateInviteBody = z.input<typeof createInviteBodySchema>;
export type CreateInviteInput = z.output<typeof createInviteBodySchema>;

export const inviteSchema = z.object({
  id: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
  maxUses: z.number().nullable(),
  uses: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const createdInviteSchema = inviteSchema.extend({
  token: z.string(),
  url: z.string(),
  /** Where the link is being emailed; null when it was not asked for. */
  emailedTo: z.string().nullable(),
});
export type CreatedInvite = z.infer<typeof createdInviteSchema>;
export const inviteListSchema = z.object({ invites: z.array(inviteSchema) });
export const inviteParamsSchema = z.object({ id: idSchema, inviteId: idSchema });

export const tokenParamsSchema = z.object({ token: inviteTokenSchema });

/** What someone holding a link may learn before accepting: which workspace and which role. */
export const invitePreviewSchema = z.object({
  workspaceName: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  expiresAt: z.string(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

/** Signed in: an empty body. New to Chorus: the account to create. */
export const acceptInviteBodySchema = z.union([
  z.strictObject({}),
  z.strictObject({ email: emailSchema, password: newPasswordSchema, name: text('Name', 100, 'Enter your name.') }),
]);
export type AcceptInviteBody = z.infer<typeof acceptInviteBodySchema>;

export const acceptedInviteSchema = z.object({
  workspaceId: z.string(),
  role: roleSchema,
  user: userSchema,
});
export type AcceptedInvite = z.infer<typeof acceptedInviteSchema>;
