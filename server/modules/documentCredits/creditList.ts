import type { Contribution, DocumentCredits } from '../../../shared/contracts/documentCredits';
import { roleLabels, roles, type Role } from '../../../shared/roles';

export interface Participant {
  userId: string;
  contributions: ReadonlySet<Contribution>;
}

const order: readonly Contribution[] = ['wrote', 'quoted', 'commented'];

const roleNouns: Record<Role, [one: string, many: string]> = {
  admin: ['admin', 'admins'],
  editor: ['editor', 'editors'],
  expert: ['practice expert or researcher', 'practice experts and researchers'],
  carer: ['carer', 'carers'],
};
const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const counted = (n: number, role: Role) =>
  `${numberWords[n] ?? String(n)} ${n === 1 ? roleNouns[role][0] : roleNouns[role][1]}`;

const contributionWords: Record<Contribution, string> = {
  wrote: 'Writing',
  quoted: 'In their own words',
  commented: 'Comments and advice',
};

/**
 * The credits of a document from the people who took part: each person named once, under the name they agreed
 * to be credited with, with everything they did; everyone else (no consent to be named, or no longer a member)
 * only counted, by their role when it is known. Named people come in the order of what they did first, then
 * by name, so the list reads the same on every export.
 */
export function creditList(
  participants: readonly Participant[],
  named: ReadonlyMap<string, { name: string; role: Role }>,
  rolesOf: ReadonlyMap<string, Role>,
): DocumentCredits {
  const credits: (DocumentCredits['credits'][number] & { first: number })[] = [];
  const unnamed = new Map<Role | 'unknown', number>();
  for (const p of participants) {
    if (p.contributions.size === 0) continue;
    const contributions = order.filter((c) => p.contributions.has(c));
    const member = named.get(p.userId);
    if (member) {
      credits.push({
        name: member.name,
        role: roleLabels[member.role],
        contributions,
        first: order.indexOf(contributions[0]!),
      });
    } else {
      const role = rolesOf.get(p.userId) ?? 'unknown';
      unnamed.set(role, (unnamed.get(role) ?? 0) + 1);
    }
  }
  credits.sort((a, b) => a.first - b.first || a.name.localeCompare(b.name));
  const unnamedByRole = roles.flatMap((role) => {
    const count = unnamed.get(role);
    return count ? [{ role, count }] : [];
  });
  const unnamedCount = [...unnamed.values()].reduce((a, b) => a + b, 0);
  return {
    credits: credits.map(({ first: _, ...c }) => c),
    unnamedCount,
    unnamedByRole,
    acknowledgements: acknowledgementsOf(credits, unnamedByRole, unnamed.get('unknown') ?? 0),
  };
}

/** The acknowledgements' sentences: one line per kind of contribution naming who did it, then who is counted. */
function acknowledgementsOf(
  credits: DocumentCredits['credits'],
  unnamedByRole: DocumentCredits['unnamedByRole'],
  unknown: number,
): string[] {
  const lines = order.flatMap((c) => {
    const names = credits.filter((p) => p.contributions.includes(c)).map((p) => `${p.name} (${p.role})`);
    return names.length ? [`${contributionWords[c]}: ${listInWords(names)}.`] : [];
  });
  const quiet = unnamedByRole.map((u) => counted(u.count, u.role));
  const thanks: string[] = [];
  if (quiet.length > 0) thanks.push(`${listInWords(quiet)} who preferred not to be named`);
  if (unknown > 0)
    thanks.push(
      `${numberWords[unknown] ?? String(unknown)} ${unknown === 1 ? 'person' : 'people'} who took part earlier`,
    );
  if (thanks.length > 0)
    lines.push(`${lines.length ? 'With thanks also to' : 'With thanks to'} ${thanks.join(', and to ')}.`);
  return lines;
}

const listInWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
