import { z } from 'zod';
import { roleLabels, roles } from '../roles';

/**
 * The balance of voices (issue 12 §4, docs/balance-of-voices.md): who is heard, who writes, who comments and
 * who signs off, counted from what Chorus already keeps. Roles are people's roles now; `former` is people who
 * have left the workspace.
 */
export const balanceRoles = [...roles, 'former'] as const;
export type BalanceRole = (typeof balanceRoles)[number];
export const balanceRoleSchema = z.enum(balanceRoles);
export const balanceRoleLabels: Record<BalanceRole, string> = { ...roleLabels, former: 'No longer a member' };

export const heardRoleSchema = z.object({
  role: balanceRoleSchema,
  seconds: z.number(),
  /** How many people of this role are heard. */
  people: z.number().int(),
  /** Share of all the seconds heard, 0 to 1. */
  share: z.number(),
});

/**
 * One person heard, or (name null) everyone of a role who is not named: nobody is named here unless they chose
 * to be credited by name, under the name they gave.
 */
export const heardPersonSchema = z.object({
  name: z.string().nullable(),
  role: balanceRoleSchema,
  /** 1 for a named person; how many people the row stands for when not named. */
  people: z.number().int(),
  seconds: z.number(),
  /** In how many published episodes their voice (or, for a row not named, any of theirs) is heard. */
  episodes: z.number().int(),
});

export const balanceSchema = z.object({
  /** Published episodes whose served render was counted. */
  episodes: z.number().int(),
  heard: z.object({
    totalSeconds: z.number(),
    byRole: z.array(heardRoleSchema),
    byPerson: z.array(heardPersonSchema),
  }),
  /** Who wrote in the publication and the scripts: documents and people per role (not words; see the docs). */
  writing: z.array(z.object({ role: balanceRoleSchema, documents: z.number().int(), people: z.number().int() })),
  comments: z.array(
    z.object({
      role: balanceRoleSchema,
      documentComments: z.number().int(),
      clipComments: z.number().int(),
      total: z.number().int(),
    }),
  ),
  signoffs: z.array(
    z.object({ role: balanceRoleSchema, approved: z.number().int(), changesRequested: z.number().int() }),
  ),
});
export type Balance = z.infer<typeof balanceSchema>;
export type HeardPerson = z.infer<typeof heardPersonSchema>;
