import { roleLabels, type Role } from '../../../../shared/roles';

/** A role inside a sentence: "as a carer", "as an editor". */
export function roleInSentence(role: Role): string {
  const label = roleLabels[role];
  const words = label.charAt(0).toLowerCase() + label.slice(1);
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

export const roleOptions = (roles: readonly Role[]) => roles.map((role) => ({ value: role, label: roleLabels[role] }));
