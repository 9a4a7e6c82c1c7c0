import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../../tests/support/authorization';
import { roles } from '../../../shared/roles';
import { authorizeClip } from '../../policies/authorize';
import { clipRoleMay } from '../../policies/rules';
import { clipPrefix, recordingChunkKey, recordingChunksPrefix } from '../../storage/keys';

const ws = '0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e';
const clip = '6f1c2a1e-8e6b-4c39-9a39-0b0c1d2e3f40';

describe('who may record', () => {
  it('is only the person making the recording, whatever the roles', () => {
    const mine = { contributorId: 'me', withdrawn: false };
    const theirs = { contributorId: 'someone else', withdrawn: false };
    expect(roles.filter((r) => clipRoleMay(r, 'clip.record', 'me', mine))).toEqual([
      'admin',
      'editor',
      'expert',
      'carer',
    ]);
    expect(roles.filter((r) => clipRoleMay(r, 'clip.record', 'me', theirs))).toEqual([]);
  });

  it('answers 403 to another member, 404 to an outsider and 410 once withdrawn', () => {
    expect(
      outcomeOf(() =>
        authorizeClip({ userId: 'me', role: 'admin' }, 'clip.record', { contributorId: 'other', withdrawn: false }),
      ),
    ).toBe('forbidden');
    expect(
      outcomeOf(() =>
        authorizeClip({ userId: 'me', role: undefined }, 'clip.record', { contributorId: 'me', withdrawn: false }),
      ),
    ).toBe('not_found');
    expect(
      outcomeOf(() =>
        authorizeClip({ userId: 'me', role: 'carer' }, 'clip.record', { contributorId: 'me', withdrawn: true }),
      ),
    ).toBe('clip_withdrawn');
  });
});

describe('recording piece keys', () => {
  it('live under the clip’s prefix, in piece order, one per attempt', () => {
    expect(recordingChunksPrefix(ws, clip)).toBe(`${clipPrefix(ws, clip)}chunks/`);
    expect(recordingChunkKey(ws, clip, 7, '0a1b2c3d')).toBe(`${clipPrefix(ws, clip)}chunks/000000000007-0a1b2c3d`);
    const keys = [10, 2, 100].map((n) => recordingChunkKey(ws, clip, n, 'ffffffff'));
    expect([...keys].sort()).toEqual([2, 10, 100].map((n) => recordingChunkKey(ws, clip, n, 'ffffffff')));
  });

  it('refuse odd piece numbers and attempts', () => {
    expect(() => recordingChunkKey(ws, clip, -1, '0a1b2c3d')).toThrow(/whole number/);
    expect(() => recordingChunkKey(ws, clip, 1.5, '0a1b2c3d')).toThrow(/whole number/);
    expect(() => recordingChunkKey(ws, clip, 1, '../../x')).toThrow(/hex/);
  });
});
