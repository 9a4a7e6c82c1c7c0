import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../tests/support/authorization';
import { roles } from '../../shared/roles';
import { authorizeClip, clipAbilitiesOf } from './authorize';
import { clipRoleMay } from './rules';

const mine = { contributorId: 'me', withdrawn: false };
const theirs = { contributorId: 'someone else', withdrawn: false };
const withdrawn = { contributorId: 'me', withdrawn: true };

describe('clip rules', () => {
  it('follow the product table', () => {
    const who = (action: Parameters<typeof clipRoleMay>[1], clip = theirs) =>
      roles.filter((r) => clipRoleMay(r, action, 'me', clip));
    expect(who('clip.upload')).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(who('clip.comment')).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(who('clip.review')).toEqual(['admin', 'editor']);
    expect(who('clip.withdraw')).toEqual(['admin']);
    expect(who('clip.withdraw', mine)).toEqual(['admin', 'editor', 'expert', 'carer']);
    expect(who('clip.changeConsent', mine)).toEqual(['admin', 'editor', 'expert', 'carer']);
  });

  it('make a withdrawn clip visible but unusable: 410 rather than 403', () => {
    expect(outcomeOf(() => authorizeClip({ userId: 'me', role: 'editor' }, 'clip.view', withdrawn))).toBe('allowed');
    expect(outcomeOf(() => authorizeClip({ userId: 'me', role: 'editor' }, 'clip.listen', withdrawn))).toBe(
      'clip_withdrawn',
    );
    expect(outcomeOf(() => authorizeClip({ userId: 'me', role: 'admin' }, 'clip.review', withdrawn))).toBe(
      'clip_withdrawn',
    );
    expect(outcomeOf(() => authorizeClip({ userId: 'me', role: 'carer' }, 'clip.withdraw', withdrawn))).toBe('allowed');
    expect(outcomeOf(() => authorizeClip({ userId: 'me', role: undefined }, 'clip.view', mine))).toBe('not_found');
    expect(outcomeOf(() => authorizeClip({ userId: 'me', role: 'carer' }, 'clip.review', mine))).toBe('forbidden');
  });

  it('tell the client what the caller may do with the clip', () => {
    expect(clipAbilitiesOf({ userId: 'me', role: 'carer' }, mine)).toEqual({
      comment: true,
      review: false,
      changeConsent: true,
      withdraw: true,
    });
    expect(clipAbilitiesOf({ userId: 'me', role: 'editor' }, theirs)).toEqual({
      comment: true,
      review: true,
      changeConsent: false,
      withdraw: false,
    });
    expect(clipAbilitiesOf({ userId: 'me', role: 'admin' }, withdrawn)).toEqual({
      comment: false,
      review: false,
      changeConsent: false,
      withdraw: false,
    });
  });
});
