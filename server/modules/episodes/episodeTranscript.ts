import type { Timeline } from '../../../shared/contracts/episodes';
import type { TranscriptSegmentView } from '../../../shared/contracts/transcripts';
import { placeTimeline } from '../../../shared/timelinePlacement';

/**
 * An episode's transcript, assembled from its clips' transcripts and the timeline it was rendered from
 * (issue 10 §3). Every segment inside an item's trim moves to where that stretch lands in the episode (after
 * intros, beds' leads and crossfades, by the same placement the render graph uses); a segment cut by a trim keeps
 * only its words inside the trim (or, without word timings, is kept when most of it is inside and dropped
 * otherwise). The stored form keeps who spoke (the clip and its contributor), never a name: names are given at
 * each request, as consent then allows.
 */
export interface AssembledSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
  clipId: string;
  contributorId: string;
}

export interface AssembledTranscript {
  segments: AssembledSegment[];
  /** Clips on the timeline whose transcript holds no words: the episode's transcript is incomplete without them. */
  missing: Array<{ clipId: string; title: string }>;
}

/** What the assembly needs of each clip on the timeline. */
export interface ClipWords {
  title: string;
  contributorId: string;
  segments: readonly TranscriptSegmentView[];
}

/** A segment shorter than this once trimmed is left out (a syllable at the cut). */
const shortest = 0.05;
const round = (s: number) => Math.round(s * 1000) / 1000;

export function assembleEpisodeTranscript(
  timeline: Pick<Timeline, 'items'>,
  clips: ReadonlyMap<string, ClipWords>,
): AssembledTranscript {
  const placement = placeTimeline(timeline.items);
  const segments: AssembledSegment[] = [];
  const missing = new Map<string, string>();
  for (const stretch of placement.sequence) {
    const item = timeline.items[stretch.index]!;
    if (stretch.kind !== 'clip' || item.kind !== 'clip') continue;
    const clip = clips.get(item.clipId);
    if (!clip || clip.segments.length === 0) {
      missing.set(item.clipId, clip?.title ?? 'A clip');
      continue;
    }
    const offset = stretch.startSeconds - item.inSeconds;
    for (const segment of clip.segments) {
      const kept = insideTrim(segment, item.inSeconds, item.outSeconds);
      if (!kept) continue;
      segments.push({
        startSeconds: round(kept.startSeconds + offset),
        endSeconds: round(kept.endSeconds + offset),
        text: kept.text,
        clipId: item.clipId,
        contributorId: clip.contributorId,
      });
    }
  }
  segments.sort((a, b) => a.startSeconds - b.startSeconds || a.endSeconds - b.endSeconds);
  return { segments, missing: [...missing].map(([clipId, title]) => ({ clipId, title })) };
}

/** The part of a segment inside the trim `[inSeconds, outSeconds]` of its clip, in the clip's own time. */
export function insideTrim(
  segment: TranscriptSegmentView,
  inSeconds: number,
  outSeconds: number,
): { startSeconds: number; endSeconds: number; text: string } | null {
  const start = Math.max(segment.startSeconds, inSeconds);
  const end = Math.min(segment.endSeconds, outSeconds);
  if (end - start < shortest) return null;
  const whole = start === segment.startSeconds && end === segment.endSeconds;
  if (whole) return { startSeconds: start, endSeconds: end, text: segment.text };
  if (segment.words?.length) {
    // A word belongs where most of it is heard.
    const words = segment.words.filter((w) => {
      const middle = (w.startSeconds + w.endSeconds) / 2;
      return middle >= inSeconds && middle <= outSeconds;
    });
    if (words.length === 0) return null;
    return {
      startSeconds: Math.max(start, words[0]!.startSeconds),
      endSeconds: Math.min(end, words.at(-1)!.endSeconds),
      text: words.map((w) => w.text).join(' '),
    };
  }
  const share = (end - start) / (segment.endSeconds - segment.startSeconds);
  return share > 0.5 ? { startSeconds: start, endSeconds: end, text: segment.text } : null;
}

/** The stored JSON, read back defensively (a render made before migration 020 has none). */
export function parseStoredEpisodeTranscript(json: string | null): AssembledTranscript | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as Partial<AssembledTranscript>;
    return { segments: parsed.segments ?? [], missing: parsed.missing ?? [] };
  } catch {
    return null;
  }
}
