import { z } from 'zod';
import { roleSchema } from '../roles';
import { idSchema, text } from './common';

export const createWorkspaceBodySchema = z.strictObject({
  name: text('Workspace name', 120, 'Enter a name for the workspace.'),
});
export type CreateWorkspaceBody = z.infer<typeof createWorkspaceBodySchema>;

/** What the caller may do here, so the client can hide what it would be refused. */
export const workspaceAbilitiesSchema = z.object({
  manageMembers: z.boolean(),
  inviteRoles: z.array(roleSchema),
  updateSettings: z.boolean(),
  /** Start a new document (script or publication) here. */
  createDocuments: z.boolean(),
  /** Start episodes and change the podcast show's settings. */
  createEpisodes: z.boolean(),
});
export type WorkspaceAbilities = z.infer<typeof workspaceAbilitiesSchema>;

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  role: roleSchema,
  abilities: workspaceAbilitiesSchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const workspaceListSchema = z.object({ workspaces: z.array(workspaceSchema) });

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** Only for admins and editors (PRODUCT.md); absent for everyone else. */
  email: z.string().optional(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = z.object({ members: z.array(memberSchema) });

export const memberParamsSchema = z.object({ id: idSchema, userId: idSchema });
export const changeRoleBodySchema = z.strictObject({ role: roleSchema });
export type ChangeRoleBody = z.infer<typeof changeRoleBodySchema>;
