import { describe, expect, it } from 'vitest';
import { defaultRewindSeconds, readRewindSeconds, resumeAt, saveRewindSeconds } from '../playerSettings';
import { playerActionFor, playerKeys, stepRate } from './playerKeys';

const press = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) =>
  playerActionFor({ code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('player keys', () => {
  it('each need Alt and no other modifier, and read the physical key', () => {
    expect(press('KeyK', { altKey: true })).toBe('playPause');
    expect(press('KeyJ', { altKey: true })).toBe('back');
    expect(press('KeyL', { altKey: true })).toBe('forward');
    expect(press('Comma', { altKey: true })).toBe('slower');
    expect(press('Period', { altKey: true })).toBe('faster');
    expect(press('KeyI', { altKey: true })).toBe('insertTime');
    expect(press('KeyK')).toBeNull();
    expect(press('Comma')).toBeNull();
    expect(press('KeyK', { altKey: true, ctrlKey: true })).toBeNull();
    expect(press('KeyI', { altKey: true, shiftKey: true })).toBeNull();
    expect(press('KeyK', { altKey: true, metaKey: true })).toBeNull();
  });

  it('never take Tab, and no key is listed twice', () => {
    expect(press('Tab', { altKey: true })).toBeNull();
    expect(new Set(playerKeys.map((k) => k.code)).size).toBe(playerKeys.length);
    expect(new Set(playerKeys.map((k) => k.action)).size).toBe(playerKeys.length);
  });
});

describe('playback speed', () => {
  it('steps through 0.5, 0.75, 1, 1.25 and 1.5, stopping at either end', () => {
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(0.75, -1)).toBe(0.5);
    expect(stepRate(0.5, -1)).toBe(0.5);
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1.25, 1)).toBe(1.5);
    expect(stepRate(1.5, 1)).toBe(1.5);
  });

  it('goes from a speed between steps to the nearest step that way', () => {
    expect(stepRate(1.1, 1)).toBe(1.25);
    expect(stepRate(1.1, -1)).toBe(1);
    expect(stepRate(3, -1)).toBe(1.5);
    expect(stepRate(0.1, 1)).toBe(0.5);
  });
});

describe('going back on resume', () => {
  it('resumes a little before the pause, never before the start', () => {
    expect(resumeAt(10, 2)).toBe(8);
    expect(resumeAt(1.5, 2)).toBe(0);
    expect(resumeAt(7, 0)).toBe(7);
  });

  it('is a setting kept in the browser: 0 to 5 seconds, 2 when unset or unreadable', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => kept.set(k, v) };
    expect(readRewindSeconds(storage)).toBe(defaultRewindSeconds);
    expect(defaultRewindSeconds).toBe(2);
    saveRewindSeconds(storage, 0);
    expect(readRewindSeconds(storage)).toBe(0);
    saveRewindSeconds(storage, 5);
    expect(readRewindSeconds(storage)).toBe(5);
    kept.set([...kept.keys()][0]!, '9');
    expect(readRewindSeconds(storage)).toBe(2);
    expect(readRewindSeconds(undefined)).toBe(2);
  });
});
