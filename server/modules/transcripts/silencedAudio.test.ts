import { describe, expect, it } from 'vitest';
import { stretchesVersion } from './silencedAudio';

const stretch = (start: number, end: number) => ({ start_seconds: start, end_seconds: end });

describe('the version of a silenced copy', () => {
  it('is the same for the same stretches in any order, different for any other set, and none for none', () => {
    const a = stretchesVersion([stretch(1, 1.5), stretch(3, 4)]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(stretchesVersion([stretch(3, 4), stretch(1, 1.5)])).toBe(a);
    expect(stretchesVersion([stretch(1, 1.5)])).not.toBe(a);
    expect(stretchesVersion([stretch(1, 1.5), stretch(3, 4.001)])).not.toBe(a);
    expect(stretchesVersion([])).toBeNull();
  });
});
