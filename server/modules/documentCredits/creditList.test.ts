import { describe, expect, it } from 'vitest';
import type { Contribution } from '../../../shared/contracts/documentCredits';
import type { Role } from '../../../shared/roles';
import { creditList } from './creditList';

const took = (userId: string, ...c: Contribution[]) => ({ userId, contributions: new Set(c) });

describe('creditList', () => {
  const roles = new Map<string, Role>([
    ['ann', 'expert'],
    ['mary', 'carer'],
    ['joe', 'carer'],
    ['sue', 'carer'],
    ['ed', 'editor'],
  ]);

  it('names only those who agreed, under their credit name, with all they did, and counts the rest by role', () => {
    const named = new Map<string, { name: string; role: Role }>([
      ['ann', { name: 'Dr Ann Lee', role: 'expert' }],
      ['mary', { name: 'Mary', role: 'carer' }],
    ]);
    const result = creditList(
      [
        took('ann', 'wrote', 'commented'),
        took('mary', 'quoted', 'commented'),
        took('joe', 'quoted'),
        took('sue', 'commented'),
        took('ed', 'wrote'),
      ],
      named,
      roles,
    );
    expect(result.credits).toEqual([
      { name: 'Dr Ann Lee', role: 'Practice expert or researcher', contributions: ['wrote', 'commented'] },
      { name: 'Mary', role: 'Carer', contributions: ['quoted', 'commented'] },
    ]);
    expect(result.unnamedCount).toBe(3);
    expect(result.unnamedByRole).toEqual([
      { role: 'editor', count: 1 },
      { role: 'carer', count: 2 },
    ]);
    expect(result.acknowledgements).toEqual([
      'Writing: Dr Ann Lee (Practice expert or researcher).',
      'In their own words: Mary (Carer).',
      'Comments and advice: Dr Ann Lee (Practice expert or researcher) and Mary (Carer).',
      'With thanks also to one editor and two carers who preferred not to be named.',
    ]);
  });

  it('counts people who are no longer members without naming them, and leaves out people who did nothing', () => {
    const result = creditList([took('gone', 'wrote'), took('joe')], new Map(), roles);
    expect(result).toEqual({
      credits: [],
      unnamedCount: 1,
      unnamedByRole: [],
      acknowledgements: ['With thanks to one person who took part earlier.'],
    });
  });

  it('says nothing when nobody took part', () => {
    expect(creditList([], new Map(), roles)).toEqual({
      credits: [],
      unnamedCount: 0,
      unnamedByRole: [],
      acknowledgements: [],
    });
  });
});
