import { describe, expect, it } from 'vitest';
import type { Signoff, SignoffList } from '../../../../../shared/contracts/signoffs';
import { publishWaitsFor, signoffStateWords } from './signoffWords';

const person = (userId: string, name: string, state: Signoff['state']): Signoff => ({
  userId,
  name,
  state,
  note: null,
  at: state === 'pending' ? null : '2026-12-02T10:00:00.000Z',
});
const list = (required: Signoff[], enabled = true): SignoffList => ({
  required,
  complete: required.every((s) => s.state === 'approved'),
  enabled,
  renderId: 'r',
  override: null,
  abilities: { override: false, changeSetting: false },
});

describe('sign-off in words', () => {
  it('says whom publishing waits for, leaving out the publisher (publishing is their approval)', () => {
    const people = [
      person('m', 'Mary', 'approved'),
      person('j', 'Joe', 'changes_requested'),
      person('e', 'Ed', 'pending'),
    ];
    expect(publishWaitsFor(list(people), 'e')).toMatch(/^Publishing waits until Joe has listened to their parts/);
    expect(publishWaitsFor(list(people), 'someone else')).toMatch(/^Publishing waits until Joe and Ed have listened/);
    expect(publishWaitsFor(list(people, false), 'e')).toBeNull();
    expect(publishWaitsFor(list([person('m', 'Mary', 'approved')]), 'e')).toBeNull();
  });

  it('puts each state in plain words, with when they answered', () => {
    expect(signoffStateWords(person('m', 'Mary', 'pending'))).toBe('Not answered yet');
    expect(signoffStateWords(person('m', 'Mary', 'approved'))).toMatch(/^Happy with their parts \(2 December 2026 at /);
    expect(signoffStateWords(person('j', 'Joe', 'changes_requested'))).toMatch(/^Asked for a change \(2 December 2026/);
  });
});
