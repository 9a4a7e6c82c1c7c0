import { describe, expect, it } from 'vitest';
import { versionByline, versionTime, versionTitle } from './versionWords';

const at = '2026-11-26T10:15:00.000Z';
const names = new Map([['u-ann', 'Ann Admin']]);

describe('version words', () => {
  it('calls a version by its name, or an automatic copy when it has none', () => {
    expect(versionTitle({ name: 'Before the workshop' })).toBe('Before the workshop');
    expect(versionTitle({ name: null })).toBe('Automatic copy');
  });

  it('says who kept a version and when, in plain words', () => {
    const time = versionTime({ createdAt: at });
    expect(time).toMatch(/^26 November 2026 at \d{1,2}:\d\d$/);
    expect(versionByline({ createdAt: at, createdBy: 'u-ann' }, names, 'u-eve')).toBe(`Saved by Ann Admin on ${time}`);
    expect(versionByline({ createdAt: at, createdBy: 'u-eve' }, names, 'u-eve')).toBe(`Saved by you on ${time}`);
    expect(versionByline({ createdAt: at, createdBy: null }, names, 'u-eve')).toBe(`Kept by Chorus on ${time}`);
    expect(versionByline({ createdAt: at, createdBy: 'u-gone' }, names, 'u-eve')).toBe(
      `Saved by someone who has left the workspace on ${time}`,
    );
    // Before the members are known nobody is called a leaver.
    expect(versionByline({ createdAt: at, createdBy: 'u-ann' }, null, 'u-eve')).toBe(`Saved on ${time}`);
  });
});
