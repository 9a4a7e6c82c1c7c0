import type { ClipSummary } from '../../../../shared/contracts/clips';
import type { ApiError } from '../../api/ApiError';
import type { TimelineItem } from './timeline/timelineHandle';

/** Clips that may go into an episode: processed, approved, not withdrawn, and their maker agreed to podcast use. */
export const usableClips = (clips: ClipSummary[]): ClipSummary[] =>
  clips.filter(
    (c) =>
      c.status === 'ready' &&
      c.reviewState === 'approved' &&
      !c.withdrawn &&
      c.consent?.podcast === true &&
      (c.durationSeconds ?? 0) > 0,
  );

/** A refused request's problems, split into those of one timeline item (`items.N…`) and the rest. */
export function problemsByItem(error: ApiError | null): { byItem: Map<number, string[]>; other: string[] } {
  const byItem = new Map<number, string[]>();
  const other: string[] = [];
  for (const f of error?.fields ?? []) {
    const m = /^items\.(\d+)/.exec(f.path);
    if (m) byItem.set(Number(m[1]), [...(byItem.get(Number(m[1])) ?? []), f.message]);
    else other.push(f.message);
  }
  if (error && error.fields.length === 0) other.push(error.message);
  return { byItem, other };
}

/**
 * The server's problems by item, plus a mark on every item whose clip was withdrawn (the server says so only when
 * asked to render or save), so a flagged episode shows which item to take out before anyone presses anything.
 */
export function withWithdrawnMarked(
  byItem: ReadonlyMap<number, string[]>,
  items: readonly TimelineItem[],
  clips: ReadonlyMap<string, ClipSummary>,
): Map<number, string[]> {
  const marked = new Map(byItem);
  items.forEach((item, index) => {
    const clip = item.kind === 'clip' ? clips.get(item.clipId) : undefined;
    const known = marked.get(index) ?? [];
    if (!clip?.withdrawn || known.some((p) => p.includes('withdrawn'))) return;
    marked.set(index, [
      ...known,
      `“${clip.title}” was withdrawn by the person who made it. Remove it from the timeline.`,
    ]);
  });
  return marked;
}
