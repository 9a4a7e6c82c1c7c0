import { balanceRoleLabels, type BalanceRole, type HeardPerson } from '../../../../shared/contracts/balance';

/** Seconds in plain words: "45 seconds", "2 min 5 s". */
export function durationWords(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} second${whole === 1 ? '' : 's'}`;
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

export const percentWords = (share: number) => `${Math.round(share * 100)}%`;

export const roleWord = (role: BalanceRole) => balanceRoleLabels[role];

/** A row of the people heard: their name, or who a row of people not named stands for. */
export function personWords(p: HeardPerson): string {
  if (p.name !== null) return p.name;
  const role = roleWord(p.role).toLowerCase();
  return p.people === 1 ? `One ${role}, not named` : `${p.people} people (${role}), not named`;
}
