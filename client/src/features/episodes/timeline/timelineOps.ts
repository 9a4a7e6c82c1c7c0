import type { Timeline } from '../../../../../shared/contracts/episodes';
import { placeTimeline } from '../../../../../shared/timelinePlacement';
import type { TimelineChapter, TimelineItem } from './timelineHandle';

/**
 * The timeline's edit operations as pure functions: each returns a new timeline and leaves the old one alone.
 * Positions out of range change nothing, so a late click on an item someone just removed is harmless.
 */

const inRange = (t: Timeline, index: number) => Number.isInteger(index) && index >= 0 && index < t.items.length;

export function insertItem(t: Timeline, index: number, item: TimelineItem): Timeline {
  const at = Math.min(Math.max(0, Math.trunc(index)), t.items.length);
  return { ...t, items: [...t.items.slice(0, at), item, ...t.items.slice(at)] };
}

export function updateItem(t: Timeline, index: number, patch: Partial<TimelineItem>): Timeline {
  if (!inRange(t, index)) return t;
  return { ...t, items: t.items.map((item, i) => (i === index ? ({ ...item, ...patch } as TimelineItem) : item)) };
}

/** Takes the item at `from` out and puts it back so that it ends up at position `to`. */
export function moveItem(t: Timeline, from: number, to: number): Timeline {
  if (!inRange(t, from)) return t;
  const target = Math.min(Math.max(0, Math.trunc(to)), t.items.length - 1);
  if (target === from) return t;
  const items = [...t.items];
  const [moved] = items.splice(from, 1);
  items.splice(target, 0, moved!);
  return { ...t, items };
}

export function removeItem(t: Timeline, index: number): Timeline {
  if (!inRange(t, index)) return t;
  return { ...t, items: t.items.filter((_, i) => i !== index) };
}

export const setChapters = (t: Timeline, chapters: TimelineChapter[]): Timeline => ({ ...t, chapters: [...chapters] });

/** Where each item starts in the finished episode, in seconds, by the same placement the server renders with. */
export function itemStarts(t: Timeline): number[] {
  const { sequence, beds, totalSeconds } = placeTimeline(t.items);
  // An item that takes no time (a bed without a lead, a trim not yet sensible) starts where the next stretch does.
  const startOf = (index: number) => sequence.find((s) => s.index >= index)?.startSeconds ?? totalSeconds;
  return t.items.map((_, i) =>
    Math.max(
      0,
      sequence.find((s) => s.index === i)?.startSeconds ?? beds.find((b) => b.index === i)?.startSeconds ?? startOf(i),
    ),
  );
}

/** Length of the finished episode: every stretch in sequence, minus each crossfade's overlap. */
export const timelineSeconds = (t: Timeline): number =>
  Math.round(Math.max(0, placeTimeline(t.items).totalSeconds) * 1000) / 1000;
