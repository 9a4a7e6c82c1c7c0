import type { TimelineItem } from './contracts/episodes';

/**
 * Where each timeline item plays in the episode, by the rules documented on `musicItemSchema`. Shared so the
 * server (validation, render graph) and the client (timeline display) agree on every second.
 */

/** A stretch that takes time in the sequence: a clip, an intro or outro, or a bed's lead (music alone). */
export interface SequenceStretch {
  /** Index of the item in `timeline.items`. */
  index: number;
  kind: 'clip' | 'music' | 'lead';
  startSeconds: number;
  endSeconds: number;
  /** Overlap with the stretch before (0 for the first stretch and for a bed's lead). */
  crossfadeSeconds: number;
}

/** A bed under the sequence. */
export interface BedSpan {
  index: number;
  startSeconds: number;
  endSeconds: number;
  /** Fade-in and fade-out, shortened to half the span when the bed is cut short. */
  fadeSeconds: number;
  duckDb: number;
}

export interface Placement {
  totalSeconds: number;
  sequence: SequenceStretch[];
  beds: BedSpan[];
  /** Where clips play, overlapping and touching spans merged, in order. Beds are ducked here. */
  speech: Array<{ startSeconds: number; endSeconds: number }>;
}

type PlaceableItem = Pick<TimelineItem, 'kind' | 'inSeconds' | 'outSeconds' | 'crossfadeSeconds'> & {
  role?: string;
  leadSeconds?: number;
  duckDb?: number;
};

const isBed = (item: PlaceableItem) => item.kind === 'music' && item.role === 'bed';

export function placeTimeline(items: readonly PlaceableItem[]): Placement {
  const sequence: SequenceStretch[] = [];
  let end = 0;
  items.forEach((item, index) => {
    const bed = isBed(item);
    const length = bed ? (item.leadSeconds ?? 0) : item.outSeconds - item.inSeconds;
    if (length <= 0) return;
    const crossfadeSeconds = sequence.length === 0 || bed ? 0 : item.crossfadeSeconds;
    const startSeconds = end - crossfadeSeconds;
    end = startSeconds + length;
    sequence.push({
      index,
      kind: bed ? 'lead' : item.kind === 'clip' ? 'clip' : 'music',
      startSeconds,
      endSeconds: end,
      crossfadeSeconds,
    });
  });
  const totalSeconds = end;

  /** A bed (or outro) starts with its own stretch, or where the next stretch starts. */
  const startOf = (index: number) => sequence.find((s) => s.index >= index)?.startSeconds ?? totalSeconds;
  const beds: BedSpan[] = [];
  items.forEach((item, index) => {
    if (!isBed(item)) return;
    const startSeconds = startOf(index);
    const nextStop = items.findIndex(
      (other, j) => j > index && other.kind === 'music' && (other.role === 'bed' || other.role === 'outro'),
    );
    const stop = nextStop === -1 ? totalSeconds : startOf(nextStop);
    const endSeconds = Math.min(startSeconds + (item.outSeconds - item.inSeconds), stop, totalSeconds);
    if (endSeconds <= startSeconds) return;
    beds.push({
      index,
      startSeconds,
      endSeconds,
      fadeSeconds: Math.min(item.crossfadeSeconds, (endSeconds - startSeconds) / 2),
      duckDb: item.duckDb ?? 12,
    });
  });

  const speech: Placement['speech'] = [];
  for (const s of sequence) {
    if (s.kind !== 'clip') continue;
    const last = speech.at(-1);
    if (last && s.startSeconds <= last.endSeconds) last.endSeconds = Math.max(last.endSeconds, s.endSeconds);
    else speech.push({ startSeconds: s.startSeconds, endSeconds: s.endSeconds });
  }
  return { totalSeconds, sequence, beds, speech };
}
