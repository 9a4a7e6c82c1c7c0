import type { Timeline } from '../../../shared/contracts/episodes';
import { placeTimeline } from '../../../shared/timelinePlacement';
import { loudnessTarget, musicReferenceLufs } from '../../media/loudness';
import type { RenderMix } from '../../media/render';

/** Levels by id (clip or music asset): the gain that brings each source to its reference. */
export type SourceLevels = Map<string, number>;

/** Struck-out stretches by clip id, on each clip's own time line: silent in the render. */
export type SilencedStretches = ReadonlyMap<string, ReadonlyArray<{ startSeconds: number; endSeconds: number }>>;

/** The parts of struck-out stretches that lie inside a trim (only those can be heard). */
export const silenceInside = (
  stretches: SilencedStretches,
  id: string,
  inSeconds: number,
  outSeconds: number,
): Array<{ startSeconds: number; endSeconds: number }> =>
  (stretches.get(id) ?? []).flatMap((r) =>
    r.endSeconds > inSeconds && r.startSeconds < outSeconds
      ? [{ startSeconds: Math.max(r.startSeconds, inSeconds), endSeconds: Math.min(r.endSeconds, outSeconds) }]
      : [],
  );

/**
 * A checked timeline as the render graph wants it: the sequence stretches (clips, intros, outros, and silence
 * for each bed's lead), the beds with their places in episode time, and the speech spans they duck under.
 * `files` maps each clip or asset id to the local file it was fetched to; `silenced` holds each clip's struck-out
 * stretches, silenced in its sequence stretch (a clip used as a bed is not speech and cannot be struck).
 */
export function renderMixOf(
  timeline: Timeline,
  levels: SourceLevels,
  files: Map<string, string>,
  silenced: SilencedStretches = new Map(),
): RenderMix {
  const placement = placeTimeline(timeline.items);
  const sourceOf = (item: Timeline['items'][number]) => (item.kind === 'clip' ? item.clipId : item.assetId);
  const segments = placement.sequence.map((stretch) => {
    const item = timeline.items[stretch.index]!;
    if (stretch.kind === 'lead') {
      return {
        input: null,
        inSeconds: 0,
        outSeconds: stretch.endSeconds - stretch.startSeconds,
        gainDb: 0,
        crossfadeSeconds: 0,
      };
    }
    const id = sourceOf(item);
    const silence = item.kind === 'clip' ? silenceInside(silenced, id, item.inSeconds, item.outSeconds) : [];
    return {
      input: files.get(id)!,
      inSeconds: item.inSeconds,
      outSeconds: item.outSeconds,
      gainDb: levels.get(id)! + item.gainDb,
      crossfadeSeconds: stretch.crossfadeSeconds,
      ...(silence.length > 0 ? { silence } : {}),
    };
  });
  const beds = placement.beds.map((bed) => {
    const item = timeline.items[bed.index]!;
    const id = sourceOf(item);
    return {
      input: files.get(id)!,
      inSeconds: item.inSeconds,
      durationSeconds: bed.endSeconds - bed.startSeconds,
      startSeconds: bed.startSeconds,
      gainDb: levels.get(id)! + item.gainDb,
      fadeSeconds: bed.fadeSeconds,
      duckDb: bed.duckDb,
    };
  });
  return { segments, beds, speech: placement.speech };
}

/**
 * What the levelled mix should measure (LUFS), from where each item plays and the reference it is levelled to:
 * speech at −16, music a few LU under it, beds lowered under speech, struck-out stretches silent. The power of each stretch is averaged over
 * the episode (crossfade overlaps and gating are left out: they move it by hundredths of a LU). A short episode
 * with a long intro and outro comes out well under −16; the first pass is raised by the difference, so it
 * need not be corrected by a second one.
 */
export function expectedLoudness(timeline: Timeline, silenced: SilencedStretches = new Map()): number | null {
  const placement = placeTimeline(timeline.items);
  if (placement.totalSeconds <= 0) return null;
  const power = (lufs: number) => 10 ** (lufs / 10);
  let energy = 0;
  for (const stretch of placement.sequence) {
    if (stretch.kind === 'lead') continue; // silence in the sequence: the bed over it is counted below
    const item = timeline.items[stretch.index]!;
    // Struck-out stretches are silent: they add nothing.
    const silent =
      item.kind === 'clip'
        ? silenceInside(silenced, item.clipId, item.inSeconds, item.outSeconds).reduce(
            (sum, r) => sum + r.endSeconds - r.startSeconds,
            0,
          )
        : 0;
    energy +=
      Math.max(0, stretch.endSeconds - stretch.startSeconds - silent) *
      power((item.kind === 'clip' ? loudnessTarget.integratedLufs : musicReferenceLufs) + item.gainDb);
  }
  for (const bed of placement.beds) {
    const level = musicReferenceLufs + timeline.items[bed.index]!.gainDb;
    const underSpeech = placement.speech.reduce(
      (sum, s) =>
        sum + Math.max(0, Math.min(s.endSeconds, bed.endSeconds) - Math.max(s.startSeconds, bed.startSeconds)),
      0,
    );
    energy +=
      underSpeech * power(level - bed.duckDb) + (bed.endSeconds - bed.startSeconds - underSpeech) * power(level);
  }
  return energy > 0 ? 10 * Math.log10(energy / placement.totalSeconds) : null;
}
