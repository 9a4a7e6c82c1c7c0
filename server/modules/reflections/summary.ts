import type { CubeMeans, PeriodSummary, RoleSummary } from '../../../shared/contracts/reflections';
import { cubeDimensions, type LadderKind } from '../../../shared/reflections/ladders';
import { monthLabel } from '../../../shared/reflections/periods';
import { roles, type Role } from '../../../shared/roles';

/** One answer as the summary needs it. */
export interface AnswerFacts {
  id: string;
  userId: string;
  role: Role;
  milestoneId: string | null;
  ladder: LadderKind;
  rung: number;
  cube: CubeMeans;
  createdAt: string;
}

export interface MilestoneFacts {
  id: string;
  name: string;
  createdAt: string;
}

/** The period an answer belongs to: its milestone, or the month (`YYYY-MM`, UTC) of an answer any time. */
export const periodOf = (answer: { milestoneId: string | null; createdAt: string }): string =>
  answer.milestoneId ?? answer.createdAt.slice(0, 7);

/**
 * Each person's answer that counts: the newest for each milestone, and the newest in each month for answers any
 * time. Older ones stay in the database as history but are not counted twice.
 */
export function currentAnswers<A extends AnswerFacts>(answers: readonly A[]): A[] {
  const newest = new Map<string, A>();
  for (const a of answers) {
    const key = `${a.userId}|${periodOf(a)}`;
    const seen = newest.get(key);
    if (!seen || seen.createdAt < a.createdAt || (seen.createdAt === a.createdAt && seen.id < a.id)) newest.set(key, a);
  }
  return [...newest.values()].sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : 0));
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => oneDecimal(xs.reduce((s, x) => s + x, 0) / xs.length);

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : oneDecimal((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function roleSummary(role: Role, answers: readonly AnswerFacts[]): RoleSummary {
  const rungs = answers.map((a) => a.rung);
  return {
    role,
    count: answers.length,
    meanRung: mean(rungs),
    medianRung: median(rungs),
    cube: Object.fromEntries(cubeDimensions.map((d) => [d, mean(answers.map((a) => a.cube[d]))])) as CubeMeans,
  };
}

/**
 * The reflection summary: for each milestone (in the order they were named) and each month of answers any time,
 * for each role that answered, how many answered, the mean and median rung and the mean of each Cube dimension.
 * Only each person's newest answer per period counts, and only answers on `ladder` (the workspace's ladder now:
 * rungs of two ladders cannot be averaged together). Roles are those people had when they answered. Periods
 * with no answers are left out, and so are roles with none.
 */
export function summarise(
  answers: readonly AnswerFacts[],
  milestones: readonly MilestoneFacts[],
  ladder: LadderKind,
): PeriodSummary[] {
  const counted = currentAnswers(answers.filter((a) => a.ladder === ladder));
  const byPeriod = new Map<string, AnswerFacts[]>();
  for (const a of counted) {
    const key = periodOf(a);
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), a]);
  }
  const known = new Map(milestones.map((m) => [m.id, m]));
  const periods = [...byPeriod.entries()].map(([period, inPeriod]) => {
    const milestone = known.get(period);
    return {
      period,
      kind: milestone ? ('milestone' as const) : ('month' as const),
      label: milestone ? milestone.name : monthLabel(period),
      // A milestone sorts by when it was named; a month by its first day.
      sortKey: milestone ? milestone.createdAt : `${period}-01`,
      roles: roles
        .map((role) => [role, inPeriod.filter((a) => a.role === role)] as const)
        .filter(([, of]) => of.length > 0)
        .map(([role, of]) => roleSummary(role, of)),
    };
  });
  periods.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.period < b.period ? -1 : 1));
  return periods.map(({ sortKey: _sortKey, ...p }) => p);
}
