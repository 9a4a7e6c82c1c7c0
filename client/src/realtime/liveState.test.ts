import { describe, expect, it } from 'vitest';
import { LiveState } from './liveState';

/** A LiveState over a plain variable, as React state would keep it. */
function shown<T>(initial: T) {
  let value = initial;
  const live = new LiveState<T>((update) => (value = update(value)));
  return { live, value: () => value };
}

const withItem = (item: string) => (list: string[]) => (list.includes(item) ? list : [...list, item]);

describe('LiveState', () => {
  it('shows an answer with the live changes that came while it was on its way made again on top', () => {
    const s = shown<string[]>([]);
    const load = s.live.begin();
    s.live.change(withItem('live, after the page asked'));
    expect(s.value()).toEqual(['live, after the page asked']);
    // The answer was made before that event: without it, it would take the event back.
    expect(load.answer(['from before the join'])).toBe(true);
    expect(s.value()).toEqual(['from before the join', 'live, after the page asked']);
  });

  it('does not make again changes that came before the load began', () => {
    const s = shown(0);
    s.live.change((n) => n + 100);
    const load = s.live.begin();
    load.answer(5);
    expect(s.value()).toBe(5);
  });

  it('drops an answer overtaken by a newer load’s answer', () => {
    const s = shown('first');
    const older = s.live.begin();
    const newer = s.live.begin();
    expect(newer.answer('newer')).toBe(true);
    expect(older.answer('older')).toBe(false);
    expect(s.value()).toBe('newer');
  });

  it('makes again only the changes each load has not seen, and forgets them once no load is waiting', () => {
    const s = shown<string[]>([]);
    const first = s.live.begin();
    s.live.change(withItem('a'));
    const second = s.live.begin();
    s.live.change(withItem('b'));
    first.drop();
    expect(second.answer(['a'])).toBe(true);
    expect(s.value()).toEqual(['a', 'b']);
    s.live.change(withItem('c'));
    s.live.begin().answer([]);
    expect(s.value()).toEqual([]);
  });

  it('load: shows what the fetch brought, and passes on its failure', async () => {
    const s = shown('nothing');
    await expect(s.live.load(() => Promise.resolve('loaded'))).resolves.toBe(true);
    expect(s.value()).toBe('loaded');
    await expect(s.live.load(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(s.value()).toBe('loaded');
  });
});
