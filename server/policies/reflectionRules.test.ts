import { describe, expect, it } from 'vitest';
import { noteReadable } from './consent';
import { mayMarkActionDone, reflectionAbilitiesOf } from './reflectionRules';

describe('reflection rules', () => {
  it('lets admins see everyone and choose the ladder; editors keep the plan; carers and experts answer', () => {
    expect(reflectionAbilitiesOf({ userId: 'a', role: 'admin' })).toEqual({
      manageMilestones: true,
      chooseLadder: true,
      seeEveryone: true,
      planActions: true,
    });
    expect(reflectionAbilitiesOf({ userId: 'e', role: 'editor' })).toEqual({
      manageMilestones: true,
      chooseLadder: false,
      seeEveryone: false,
      planActions: true,
    });
    for (const role of ['expert', 'carer'] as const) {
      expect(Object.values(reflectionAbilitiesOf({ userId: 'x', role })).some(Boolean)).toBe(false);
    }
  });

  it('lets the owner or an admin mark an action done, nobody else', () => {
    expect(mayMarkActionDone({ userId: 'c', role: 'carer' }, 'c')).toBe(true);
    expect(mayMarkActionDone({ userId: 'a', role: 'admin' }, 'c')).toBe(true);
    expect(mayMarkActionDone({ userId: 'e', role: 'editor' }, 'c')).toBe(false);
    expect(mayMarkActionDone({ userId: 'c', role: undefined }, 'c')).toBe(false);
  });

  it('keeps a note to its writer and admins unless the writer shares it', () => {
    const note = { writerId: 'c', sharedWithTeam: false };
    expect(noteReadable(note, { userId: 'c', seesEveryone: false })).toBe(true);
    expect(noteReadable(note, { userId: 'a', seesEveryone: true })).toBe(true);
    expect(noteReadable(note, { userId: 'e', seesEveryone: false })).toBe(false);
    expect(noteReadable({ ...note, sharedWithTeam: true }, { userId: 'e', seesEveryone: false })).toBe(true);
  });
});
