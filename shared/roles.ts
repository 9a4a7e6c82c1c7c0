import { z } from 'zod';

export const roles = ['admin', 'editor', 'expert', 'carer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Plain words for each role, shown wherever a person picks or reads one. */
export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  expert: 'Practice expert or researcher',
  carer: 'Carer',
};
