import { describe, expect, it } from 'vitest';
import {
  commentsByRole,
  countByRole,
  secondsHeard,
  signoffsByRole,
  writingByRole,
  type BalancePerson,
} from './balanceArithmetic';

const people = new Map<string, BalancePerson>([
  ['mary', { role: 'carer', creditName: 'Mary' }],
  ['joe', { role: 'carer', creditName: null }],
  ['sam', { role: 'carer', creditName: null }],
  ['ed', { role: 'editor', creditName: 'Ed the editor' }],
]);
const stretch = (startSeconds: number, endSeconds: number) => ({ startSeconds, endSeconds });

describe('secondsHeard', () => {
  const heard = secondsHeard(
    [
      {
        people: [
          { userId: 'mary', parts: [stretch(0, 10), stretch(20, 25.25)] },
          { userId: 'joe', parts: [stretch(10, 20)] },
          { userId: 'ed', parts: [stretch(25.25, 30.25)] },
        ],
      },
      {
        people: [
          { userId: 'sam', parts: [stretch(0, 4.5)] },
          { userId: 'gone', parts: [stretch(4.5, 9.5)] },
        ],
      },
    ],
    people,
  );

  it('adds the time each person plays in the episodes, and the total', () => {
    expect(heard.totalSeconds).toBe(39.8);
    expect(heard.byPerson.find((p) => p.name === 'Mary')).toEqual({
      name: 'Mary',
      role: 'carer',
      people: 1,
      seconds: 15.3,
      episodes: 1,
    });
  });

  it('names nobody who did not choose to be credited: they are one row per role', () => {
    const unnamed = heard.byPerson.filter((p) => p.name === null);
    expect(unnamed).toEqual([
      { name: null, role: 'carer', people: 2, seconds: 14.5, episodes: 2 },
      { name: null, role: 'former', people: 1, seconds: 5, episodes: 1 },
    ]);
    expect(JSON.stringify(heard)).not.toMatch(/joe|sam|gone/);
  });

  it('gives each role its seconds, people and share, in the roles’ order', () => {
    expect(heard.byRole.map((r) => [r.role, r.seconds, r.people])).toEqual([
      ['editor', 5, 1],
      ['carer', 29.8, 3],
      ['former', 5, 1],
    ]);
    expect(heard.byRole.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 10);
    expect(heard.byRole.find((r) => r.role === 'carer')!.share).toBeCloseTo(29.75 / 39.75, 10);
  });

  it('gives zero shares, not NaN, when nobody is heard', () => {
    expect(secondsHeard([], people)).toEqual({ totalSeconds: 0, byRole: [], byPerson: [] });
  });

  it('never counts a stretch that ends before it starts', () => {
    expect(secondsHeard([{ people: [{ userId: 'mary', parts: [stretch(5, 3)] }] }], people).totalSeconds).toBe(0);
  });
});

describe('counts per role', () => {
  it('adds counts by the person’s role now; people who left count as former members', () => {
    const totals = countByRole(
      [
        { userId: 'mary', count: 2 },
        { userId: 'joe', count: 3 },
        { userId: 'ed', count: 1 },
        { userId: 'gone', count: 4 },
      ],
      people,
    );
    expect(Object.fromEntries(totals)).toEqual({ carer: 5, editor: 1, former: 4 });
  });

  it('counts documents written in and writers per role, each once', () => {
    expect(
      writingByRole(
        [
          { documentId: 'script', userId: 'mary' },
          { documentId: 'script', userId: 'joe' },
          { documentId: 'publication', userId: 'mary' },
          { documentId: 'script', userId: 'ed' },
        ],
        people,
      ),
    ).toEqual([
      { role: 'editor', documents: 1, people: 1 },
      { role: 'carer', documents: 2, people: 2 },
    ]);
  });

  it('puts comments on documents and on recordings side by side', () => {
    expect(
      commentsByRole(
        [{ userId: 'ed', count: 4 }],
        [
          { userId: 'mary', count: 2 },
          { userId: 'ed', count: 1 },
        ],
        people,
      ),
    ).toEqual([
      { role: 'editor', documentComments: 4, clipComments: 1, total: 5 },
      { role: 'carer', documentComments: 0, clipComments: 2, total: 2 },
    ]);
  });

  it('splits sign-offs into approvals and requests for a change', () => {
    expect(
      signoffsByRole(
        [
          { userId: 'mary', state: 'approved', count: 2 },
          { userId: 'joe', state: 'changes_requested', count: 1 },
          { userId: 'joe', state: 'approved', count: 1 },
        ],
        people,
      ),
    ).toEqual([{ role: 'carer', approved: 3, changesRequested: 1 }]);
  });
});
