import type { Timeline } from '../../../shared/contracts/episodes';
import { placeTimeline } from '../../../shared/timelinePlacement';
import type { RenderMix } from '../../media/render';

/** Levels by id (clip or music asset): the gain that brings each source to its reference. */
export type SourceLevels = Map<string, number>;

/**
 * A checked timeline as the render graph wants it: the sequence stretches (clips, intros, outros, and silence
 * for each bed's lead), the beds with their places in episode time, and the speech spans they duck under.
 * `files` maps each clip or asset id to the local file it was fetched to.
 */
export function renderMixOf(timeline: Timeline, levels: SourceLevels, files: Map<string, string>): RenderMix {
  const placement = placeTimeline(timeline.items);
  const sourceOf = (item: Timeline['items'][number]) => (item.kind === 'clip' ? item.clipId : item.assetId);
  const segments = placement.sequence.map((stretch) => {
    const item = timeline.items[stretch.index]!;
    if (stretch.kind === 'lead') {
      return { input: null, inSeconds: 0, outSeconds: stretch.endSeconds - stretch.startSeconds, gainDb: 0, crossfadeSeconds: 0 };
    }
    const id = sourceOf(item);
    return { input: files.get(id)!, inSeconds: item.inSeconds, outSeconds: item.outSeconds, gainDb: levels.get(id)! + item.gainDb, crossfadeSeconds: stretch.crossfadeSeconds };
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
