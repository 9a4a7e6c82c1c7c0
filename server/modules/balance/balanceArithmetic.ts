import { balanceRoles, type Balance, type BalanceRole } from '../../../shared/contracts/balance';

/** The arithmetic behind the balance of voices: pure functions over what the repository read. */

/** A person as the balance sees them: their role now (or `former`), and the name they may be shown by, if any. */
export interface BalancePerson {
  role: BalanceRole;
  /** The name they chose to be credited by; null when they are not to be named. */
  creditName: string | null;
}

/** One published episode: each person heard and their stretches, with where each plays in the episode. */
export interface HeardEpisode {
  people: Array<{ userId: string; parts: Array<{ startSeconds: number; endSeconds: number }> }>;
}

const tenths = (n: number) => Math.round(n * 10) / 10;
const byRoleOrder = (a: { role: BalanceRole }, b: { role: BalanceRole }) =>
  balanceRoles.indexOf(a.role) - balanceRoles.indexOf(b.role);

export const personOf = (people: ReadonlyMap<string, BalancePerson>, userId: string): BalancePerson =>
  people.get(userId) ?? { role: 'former', creditName: null };

/**
 * Seconds heard per person and per role across the published episodes. A stretch counts for the time it plays in
 * the episode; people not to be named are folded into one row per role. Seconds are rounded to tenths at the end.
 */
export function secondsHeard(
  episodes: readonly HeardEpisode[],
  people: ReadonlyMap<string, BalancePerson>,
): Balance['heard'] {
  const perPerson = new Map<string, { seconds: number; episodes: Set<number> }>();
  for (const [index, episode] of episodes.entries())
    for (const p of episode.people) {
      const seconds = p.parts.reduce((sum, part) => sum + Math.max(0, part.endSeconds - part.startSeconds), 0);
      const so = perPerson.get(p.userId) ?? { seconds: 0, episodes: new Set<number>() };
      perPerson.set(p.userId, { seconds: so.seconds + seconds, episodes: so.episodes.add(index) });
    }
  const total = [...perPerson.values()].reduce((sum, p) => sum + p.seconds, 0);

  const roles = new Map<BalanceRole, { seconds: number; people: number }>();
  const named: Balance['heard']['byPerson'] = [];
  const unnamed = new Map<BalanceRole, { seconds: number; people: number; episodes: Set<number> }>();
  for (const [userId, heard] of perPerson) {
    const { role, creditName } = personOf(people, userId);
    const r = roles.get(role) ?? { seconds: 0, people: 0 };
    roles.set(role, { seconds: r.seconds + heard.seconds, people: r.people + 1 });
    if (creditName !== null) {
      named.push({ name: creditName, role, people: 1, seconds: tenths(heard.seconds), episodes: heard.episodes.size });
    } else {
      const u = unnamed.get(role) ?? { seconds: 0, people: 0, episodes: new Set<number>() };
      unnamed.set(role, {
        seconds: u.seconds + heard.seconds,
        people: u.people + 1,
        episodes: new Set([...u.episodes, ...heard.episodes]),
      });
    }
  }
  const byPerson = [
    ...named,
    ...[...unnamed].map(([role, u]) => ({
      name: null,
      role,
      people: u.people,
      seconds: tenths(u.seconds),
      episodes: u.episodes.size,
    })),
  ].sort((a, b) => b.seconds - a.seconds || byRoleOrder(a, b) || (a.name ?? '').localeCompare(b.name ?? ''));
  const byRole = [...roles]
    .map(([role, r]) => ({
      role,
      seconds: tenths(r.seconds),
      people: r.people,
      share: total > 0 ? r.seconds / total : 0,
    }))
    .sort(byRoleOrder);
  return { totalSeconds: tenths(total), byRole, byPerson };
}

/** Adds up per-person counts by role: `rows` are (person, count) pairs, several per person allowed. */
export function countByRole(
  rows: ReadonlyArray<{ userId: string; count: number }>,
  people: ReadonlyMap<string, BalancePerson>,
): Map<BalanceRole, number> {
  const totals = new Map<BalanceRole, number>();
  for (const { userId, count } of rows) {
    const { role } = personOf(people, userId);
    totals.set(role, (totals.get(role) ?? 0) + count);
  }
  return totals;
}

/** Documents written in and people writing, per role, from (document, author) pairs. */
export function writingByRole(
  authors: ReadonlyArray<{ documentId: string; userId: string }>,
  people: ReadonlyMap<string, BalancePerson>,
): Balance['writing'] {
  const docs = new Map<BalanceRole, Set<string>>();
  const writers = new Map<BalanceRole, Set<string>>();
  for (const { documentId, userId } of authors) {
    const { role } = personOf(people, userId);
    docs.set(role, (docs.get(role) ?? new Set()).add(documentId));
    writers.set(role, (writers.get(role) ?? new Set()).add(userId));
  }
  return [...docs]
    .map(([role, d]) => ({ role, documents: d.size, people: writers.get(role)?.size ?? 0 }))
    .sort(byRoleOrder);
}

/** Comments per role: on documents (threads and replies) and on recordings. */
export function commentsByRole(
  documentComments: ReadonlyArray<{ userId: string; count: number }>,
  clipComments: ReadonlyArray<{ userId: string; count: number }>,
  people: ReadonlyMap<string, BalancePerson>,
): Balance['comments'] {
  const onDocuments = countByRole(documentComments, people);
  const onClips = countByRole(clipComments, people);
  return balanceRoles
    .filter((role) => onDocuments.has(role) || onClips.has(role))
    .map((role) => {
      const d = onDocuments.get(role) ?? 0;
      const c = onClips.get(role) ?? 0;
      return { role, documentComments: d, clipComments: c, total: d + c };
    });
}

/** Sign-offs given per role: approvals and requests for a change. */
export function signoffsByRole(
  decisions: ReadonlyArray<{ userId: string; state: 'approved' | 'changes_requested'; count: number }>,
  people: ReadonlyMap<string, BalancePerson>,
): Balance['signoffs'] {
  const approved = countByRole(
    decisions.filter((d) => d.state === 'approved'),
    people,
  );
  const changes = countByRole(
    decisions.filter((d) => d.state === 'changes_requested'),
    people,
  );
  return balanceRoles
    .filter((role) => approved.has(role) || changes.has(role))
    .map((role) => ({ role, approved: approved.get(role) ?? 0, changesRequested: changes.get(role) ?? 0 }));
}
