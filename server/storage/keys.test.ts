import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  assertValidKey,
  assertValidPrefix,
  clipKeys,
  clipObjectKey,
  clipPrefix,
  documentImageKey,
  documentPrefix,
  documentSnapshotKey,
  episodeArtworkKey,
  episodeTranscriptKey,
  showArtworkKey,
  workspacePrefix,
} from './keys';

const W = '0b6f7a52-3c1e-4a8e-9d2b-5f4e3c2a1b0d';
const C = 'c2d4e6f8-1a3b-4c5d-8e7f-901a2b3c4d5e';
const D = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
  return undefined;
};

describe('key builders', () => {
  it('keep a document’s pictures under the document, so they go with it', () => {
    expect(documentImageKey(W, D, C.toUpperCase())).toBe(`workspaces/${W}/documents/${D}/images/${C}`);
    expect(documentImageKey(W, D, C).startsWith(documentPrefix(W, D))).toBe(true);
    expect(codeOf(() => documentImageKey(W, D, '../../x'))).toBe('validation_failed');
  });

  it('keep publishing files under the show and the episode', () => {
    expect(showArtworkKey(W, '0123abcd0123abcd')).toBe(`workspaces/${W}/show/artwork-0123abcd0123abcd`);
    expect(episodeArtworkKey(W, C, '0123abcd0123abcd')).toBe(`workspaces/${W}/episodes/${C}/artwork-0123abcd0123abcd`);
    expect(episodeTranscriptKey(W, C, '0123abcd0123abcd', 'srt')).toBe(
      `workspaces/${W}/episodes/${C}/transcript-0123abcd0123abcd.srt`,
    );
    expect(codeOf(() => episodeTranscriptKey(W, C, '0123abcd0123abcd', '../x' as 'vtt'))).toBe('validation_failed');
    expect(codeOf(() => showArtworkKey(W, '../../x'))).toBe('validation_failed');
  });

  it('root everything at workspaces/{workspaceId}/', () => {
    expect(workspacePrefix(W)).toBe(`workspaces/${W}/`);
    expect(clipPrefix(W, C)).toBe(`workspaces/${W}/clips/${C}/`);
    expect(clipObjectKey(W, C, 'original')).toBe(`workspaces/${W}/clips/${C}/original`);
    expect(documentPrefix(W, D)).toBe(`workspaces/${W}/documents/${D}/`);
    expect(documentSnapshotKey(W, D, 'latest')).toBe(`workspaces/${W}/documents/${D}/snapshots/latest`);
  });

  it("name a clip's upload, listening copy and peaks inside the clip's folder", () => {
    expect(clipKeys(W, C)).toEqual({
      original: `workspaces/${W}/clips/${C}/original`,
      listening: `workspaces/${W}/clips/${C}/listening.m4a`,
      peaks: `workspaces/${W}/clips/${C}/peaks.json`,
    });
    expect(clipKeys(W.toUpperCase(), C.toUpperCase())).toEqual(clipKeys(W, C));
    expect(codeOf(() => clipKeys(W, '../x'))).toBe('validation_failed');
  });

  it('zero-pads numbered snapshots so listing order is number order', () => {
    const keys = [10, 9, 100].map((n) => documentSnapshotKey(W, D, n));
    expect(keys[0]).toBe(`workspaces/${W}/documents/${D}/snapshots/000000000010`);
    expect([...keys].sort()).toEqual([9, 10, 100].map((n) => documentSnapshotKey(W, D, n)));
    expect(codeOf(() => documentSnapshotKey(W, D, -1))).toBe('validation_failed');
    expect(codeOf(() => documentSnapshotKey(W, D, 1.5))).toBe('validation_failed');
  });

  it('lower-cases ids so one id never becomes two keys', () => {
    expect(workspacePrefix(W.toUpperCase())).toBe(workspacePrefix(W));
  });

  it('produce keys that pass their own validation', () => {
    expect(codeOf(() => assertValidKey(clipObjectKey(W, C, 'peaks.json')))).toBeUndefined();
    expect(codeOf(() => assertValidPrefix(clipPrefix(W, C)))).toBeUndefined();
  });

  it.each(['', 'not-a-uuid', '../etc', `${W}/x`, `${W} `, '0b6f7a52-3c1e-4a8e-9d2b-5f4e3c2a1b0'])(
    'refuse the id %j',
    (id) => {
      expect(codeOf(() => workspacePrefix(id))).toBe('validation_failed');
      expect(codeOf(() => clipPrefix(W, id))).toBe('validation_failed');
      expect(codeOf(() => documentPrefix(W, id))).toBe('validation_failed');
    },
  );

  it.each(['', '..', '../x', 'a/b', '.hidden', 'a b', 'x'.repeat(201), 'a..b'])('refuse the name %j', (name) => {
    expect(codeOf(() => clipObjectKey(W, C, name))).toBe('validation_failed');
    expect(codeOf(() => documentSnapshotKey(W, D, name))).toBe('validation_failed');
  });
});

describe('assertValidKey', () => {
  it.each(['a', 'a/b', 'workspaces/x/clips/y/original', 'A-b_c.d/0', `a/${'x'.repeat(200)}`, `${'a/'.repeat(511)}b`])(
    'accepts %j',
    (key) => {
      expect(codeOf(() => assertValidKey(key))).toBeUndefined();
    },
  );

  it.each([
    ['../x', 'climbs out'],
    ['/abs', 'is absolute'],
    ['a//b', 'has an empty segment'],
    ['workspaces/x/..', 'ends in ..'],
    ['a/../b', 'has a .. segment'],
    ['a..b', 'contains ..'],
    ['a/./b', 'has a . segment'],
    ['', 'is empty'],
    ['a/', 'ends in a slash'],
    ['.env', 'starts with a dot'],
    ['a\\b', 'has a backslash'],
    ['a b', 'has a space'],
    ['a%2Fb', 'has a percent sign'],
    ['ü', 'is not ASCII'],
    ['a\0b', 'has a NUL'],
    [`a/${'x'.repeat(201)}`, 'has a segment over 200 characters'],
    [`${'a/'.repeat(512)}b`, 'is over 1024 characters'],
  ])('refuses %j: it %s', (key) => {
    expect(codeOf(() => assertValidKey(key))).toBe('validation_failed');
  });

  it('refuses values that are not strings at all', () => {
    expect(codeOf(() => assertValidKey(undefined as unknown as string))).toBe('validation_failed');
    expect(codeOf(() => assertValidKey(42 as unknown as string))).toBe('validation_failed');
  });
});

describe('assertValidPrefix', () => {
  it.each(['a/', 'a', 'workspaces/x/clips/', 'workspaces/x/cl'])('accepts %j', (prefix) => {
    expect(codeOf(() => assertValidPrefix(prefix))).toBeUndefined();
  });

  it.each(['', '/', '//', 'a//', '../', '/abs/', 'a//b/', 'workspaces/x/../', 'workspaces/x/..'])(
    'refuses %j',
    (prefix) => {
      expect(codeOf(() => assertValidPrefix(prefix))).toBe('validation_failed');
    },
  );
});
