import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { monthLabel } from '../../../shared/reflections/periods';
import { currentAnswers, median, summarise, type AnswerFacts } from './summary';

let n = 0;
const answer = (
  userId: string,
  role: Role,
  rung: number,
  extra: Partial<AnswerFacts> = {},
  cube = { voice: 50, knowledge: 50, diversity: 50, responsiveness: 50 },
): AnswerFacts => ({
  id: `a${++n}`,
  userId,
  role,
  milestoneId: 'm1',
  ladder: 'arnstein',
  rung,
  cube,
  createdAt: `2026-03-0${(n % 9) + 1}T10:00:00.000Z`,
  ...extra,
});

const milestones = [
  { id: 'm2', name: 'After episode 2', createdAt: '2026-05-01T09:00:00.000Z' },
  { id: 'm1', name: 'After episode 1', createdAt: '2026-02-01T09:00:00.000Z' },
];

describe('the reflection summary by role', () => {
  it('gives each role its count, mean and median rung and mean Cube values, side by side per milestone', () => {
    const periods = summarise(
      [
        answer('c1', 'carer', 3, {}, { voice: 20, knowledge: 30, diversity: 40, responsiveness: 10 }),
        answer('c2', 'carer', 4, {}, { voice: 30, knowledge: 35, diversity: 60, responsiveness: 25 }),
        answer('c3', 'carer', 8, {}, { voice: 40, knowledge: 50, diversity: 50, responsiveness: 40 }),
        answer('e1', 'editor', 6, {}, { voice: 80, knowledge: 70, diversity: 60, responsiveness: 90 }),
        answer('a1', 'admin', 7, {}, { voice: 90, knowledge: 75, diversity: 55, responsiveness: 85 }),
      ],
      milestones,
      'arnstein',
    );
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ period: 'm1', kind: 'milestone', label: 'After episode 1' });
    // Roles in the order of shared/roles, only those who answered.
    expect(periods[0]!.roles.map((r) => r.role)).toEqual(['admin', 'editor', 'carer']);
    expect(periods[0]!.roles.find((r) => r.role === 'carer')).toEqual({
      role: 'carer',
      count: 3,
      meanRung: 5,
      medianRung: 4,
      cube: { voice: 30, knowledge: 38.3, diversity: 50, responsiveness: 25 },
    });
    expect(periods[0]!.roles.find((r) => r.role === 'editor')).toMatchObject({ count: 1, meanRung: 6, medianRung: 6 });
  });

  it('counts only each person’s newest answer for a milestone, and the role they had when they answered', () => {
    const periods = summarise(
      [
        answer('c1', 'carer', 2, { createdAt: '2026-03-01T10:00:00.000Z' }),
        answer('c1', 'carer', 6, { createdAt: '2026-03-02T10:00:00.000Z' }),
        answer('x1', 'carer', 4, { createdAt: '2026-03-01T10:00:00.000Z' }),
        answer('x1', 'expert', 5, { createdAt: '2026-03-05T10:00:00.000Z', milestoneId: 'm2' }),
      ],
      milestones,
      'arnstein',
    );
    expect(periods.map((p) => p.period)).toEqual(['m1', 'm2']);
    expect(periods[0]!.roles).toEqual([
      expect.objectContaining({ role: 'carer', count: 2, meanRung: 5, medianRung: 5 }),
    ]);
    expect(periods[1]!.roles).toEqual([expect.objectContaining({ role: 'expert', count: 1, meanRung: 5 })]);
  });

  it('puts answers any time in months, in time order among the milestones', () => {
    const periods = summarise(
      [
        answer('c1', 'carer', 3, { milestoneId: null, createdAt: '2026-03-14T10:00:00.000Z' }),
        answer('c1', 'carer', 5, { milestoneId: null, createdAt: '2026-03-20T10:00:00.000Z' }),
        answer('c1', 'carer', 2, { milestoneId: null, createdAt: '2026-01-20T10:00:00.000Z' }),
        answer('e1', 'editor', 6, { milestoneId: 'm1', createdAt: '2026-02-03T10:00:00.000Z' }),
      ],
      milestones,
      'arnstein',
    );
    expect(periods.map((p) => [p.period, p.kind, p.label])).toEqual([
      ['2026-01', 'month', 'Any time in January 2026'],
      ['m1', 'milestone', 'After episode 1'],
      ['2026-03', 'month', 'Any time in March 2026'],
    ]);
    expect(periods[2]!.roles[0]).toMatchObject({ role: 'carer', count: 1, meanRung: 5 });
  });

  it('leaves out answers on the other ladder, whose rungs cannot be averaged with these', () => {
    const periods = summarise(
      [answer('c1', 'carer', 7, { ladder: 'tlap' }), answer('c2', 'carer', 2)],
      milestones,
      'arnstein',
    );
    expect(periods[0]!.roles[0]).toMatchObject({ count: 1, meanRung: 2 });
    expect(summarise([answer('c1', 'carer', 7)], milestones, 'tlap')).toEqual([]);
  });

  it('has nothing to say without answers', () => {
    expect(summarise([], milestones, 'arnstein')).toEqual([]);
  });

  it('takes the middle of an odd count and the halfway point of an even one', () => {
    expect(median([8, 1, 3])).toBe(3);
    expect(median([1, 2, 4, 8])).toBe(3);
    expect(median([2, 3])).toBe(2.5);
  });

  it('names months in words and keeps answers in time order', () => {
    expect(monthLabel('2026-12')).toBe('Any time in December 2026');
    const kept = currentAnswers([
      answer('c1', 'carer', 1, { createdAt: '2026-03-03T00:00:00.000Z' }),
      answer('c2', 'carer', 1, { createdAt: '2026-03-01T00:00:00.000Z' }),
    ]);
    expect(kept.map((a) => a.userId)).toEqual(['c2', 'c1']);
  });
});
