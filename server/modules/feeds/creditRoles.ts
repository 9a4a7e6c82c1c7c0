import type { Role } from '../../../shared/roles';

/**
 * How each Chorus role is credited in `podcast:person`, in the Podcasting 2.0 taxonomy
 * (group/role, lower-case as the spec recommends). Experts who helped write are co-writers;
 * experts who advised are consultants.
 */
export const creditForRole: Record<Exclude<Role, 'admin'>, { group: string; role: string }> = {
  carer: { group: 'cast', role: 'guest' },
  expert: { group: 'writing', role: 'co-writer' },
  editor: { group: 'audio post-production', role: 'audio editor' },
};

export const consultantCredit = { group: 'misc.', role: 'consultant' };
