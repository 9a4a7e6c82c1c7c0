import { consentAllows, consentFactsOf } from '../../policies/consent';
import type { FieldProblem } from '../../../shared/errors';
import { timelineSchema, type Timeline } from '../../../shared/contracts/episodes';
import { AppError } from '../../errors';
import type { ClipsTable, MusicAssetsTable } from '../../db/schema';
import { loudnessTarget, musicReferenceLufs } from '../../media/loudness';
import { placeTimeline } from '../../../shared/timelinePlacement';
import type { Services } from '../../services';

export const emptyTimeline: Timeline = { items: [], chapters: [] };

export const parseStoredTimeline = (json: string): Timeline => timelineSchema.parse(JSON.parse(json));

/** Length of the rendered episode: every stretch in sequence, minus each crossfade's overlap (beds add only their lead). */
export const timelineSeconds = (t: Timeline): number => Math.round(placeTimeline(t.items).totalSeconds * 1000) / 1000;

export interface UsableClip {
  clip: ClipsTable;
  /** The gain that brings the clip to the speech reference, before the item's own gain. */
  levelDb: number;
  consentAudience: 'public' | 'internal';
}

export interface UsableMusic {
  asset: MusicAssetsTable;
  /** The gain that brings the asset to the music reference (a few LU under speech), before the item's own gain. */
  levelDb: number;
}

/** What a checked timeline uses, by id: everything in it can be rendered. */
export interface UsableSources {
  clips: Map<string, UsableClip>;
  music: Map<string, UsableMusic>;
}

const fmt = (s: number) => `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`;

/**
 * Everything a timeline (and so a render) needs, checked in one go: each clip is in this workspace, processed,
 * approved, has consent for podcast use and was not withdrawn; each music asset is in this workspace and
 * processed; each trim lies inside its clip or asset; each crossfade is shorter than the stretches it joins
 * (by placement: a bed's lead is a stretch, a bed without one is none); each chapter starts inside the episode.
 * Every problem is reported, each with its path and a message that says what to fix. With `forRender`, a
 * timeline that lasts no time is a problem too.
 */
export async function checkTimeline(
  services: Services,
  workspaceId: string,
  timeline: Timeline,
  options: { forRender?: boolean } = {},
): Promise<UsableSources> {
  const problems: FieldProblem[] = [];
  const clipIds = [...new Set(timeline.items.flatMap((i) => (i.kind === 'clip' ? [i.clipId] : [])))];
  const assetIds = [...new Set(timeline.items.flatMap((i) => (i.kind === 'music' ? [i.assetId] : [])))];
  const [clipRows, assetRows] = await Promise.all([
    Promise.all(clipIds.map((id) => services.clips.findById(id))),
    Promise.all(assetIds.map((id) => services.music.findById(id))),
  ]);
  const clips = new Map(
    clipRows.filter((r): r is ClipsTable => r !== undefined && r.workspace_id === workspaceId).map((r) => [r.id, r]),
  );
  const assets = new Map(
    assetRows
      .filter((r): r is MusicAssetsTable => r !== undefined && r.workspace_id === workspaceId)
      .map((r) => [r.id, r]),
  );
  const consents = await services.clips.latestConsents([...clips.keys()]);
  const usable: UsableSources = { clips: new Map(), music: new Map() };
  const placement = placeTimeline(timeline.items);

  if (options.forRender && placement.totalSeconds <= 0) {
    problems.push({
      path: 'items',
      message: 'The timeline is empty. Add at least one approved clip before rendering.',
    });
  }
  timeline.items.forEach((item, i) => {
    const at = (field: string) => `items.${i}.${field}`;
    const trimFits = (name: string, duration: number | null) => {
      if (duration !== null && item.outSeconds > duration + 0.001) {
        problems.push({
          path: at('outSeconds'),
          message: `Item ${i + 1}: the trim ends at ${fmt(item.outSeconds)}, after the end of ${name} (${fmt(duration)}). Move the end to ${fmt(duration)} or earlier.`,
        });
      }
    };
    if (item.kind === 'music') {
      const asset = assets.get(item.assetId);
      if (!asset) {
        problems.push({
          path: at('assetId'),
          message: `Item ${i + 1}: there is no such music in this workspace. Remove it from the timeline.`,
        });
        return;
      }
      const name = `“${asset.title}”`;
      if (asset.status === 'failed')
        problems.push({
          path: at('assetId'),
          message: `Item ${i + 1}: ${name} could not be processed (${asset.failure_reason ?? 'unknown reason'}). Remove it, or upload the music again.`,
        });
      else if (asset.status !== 'ready')
        problems.push({
          path: at('assetId'),
          message: `Item ${i + 1}: ${name} has not finished processing. Wait until it is ready, then try again.`,
        });
      else if (asset.loudness_lufs === null)
        problems.push({
          path: at('assetId'),
          message: `Item ${i + 1}: ${name} is silent, so it cannot be levelled. Remove it from the timeline.`,
        });
      else usable.music.set(asset.id, { asset, levelDb: musicReferenceLufs - asset.loudness_lufs });
      trimFits(name, asset.duration_seconds);
      return;
    }
    const clip = clips.get(item.clipId);
    const name = clip ? `“${clip.title}”` : 'this clip';
    if (!clip) {
      problems.push({
        path: at('clipId'),
        message: `Item ${i + 1}: there is no such clip in this workspace. Remove it from the timeline.`,
      });
      return;
    }
    const consent = consents.get(clip.id);
    if (clip.withdrawn_at)
      problems.push({
        path: at('clipId'),
        message: `Item ${i + 1}: ${name} was withdrawn by the person who made it. Remove it from the timeline.`,
      });
    else if (clip.status !== 'ready')
      problems.push({
        path: at('clipId'),
        message: `Item ${i + 1}: ${name} has not finished processing. Wait until it is ready, then try again.`,
      });
    else if (clip.review_state !== 'approved')
      problems.push({
        path: at('clipId'),
        message: `Item ${i + 1}: ${name} has not been approved. Approve it in review first, or remove it.`,
      });
    else if (!consent || !consentAllows(consentFactsOf(consent, clip.withdrawn_at), 'episode.draft')) {
      problems.push({
        path: at('clipId'),
        message: `Item ${i + 1}: the person who made ${name} has not agreed to its use in podcast episodes. Remove it from the timeline.`,
      });
    } else if (clip.loudness_lufs === null || clip.duration_seconds === null) {
      problems.push({
        path: at('clipId'),
        message: `Item ${i + 1}: ${name} is silent, so it cannot be levelled. Remove it from the timeline.`,
      });
    } else {
      usable.clips.set(clip.id, {
        clip,
        levelDb: loudnessTarget.integratedLufs - clip.loudness_lufs,
        consentAudience: consent.audience,
      });
    }
    trimFits(name, clip.duration_seconds);
  });
  placement.sequence.forEach((stretch, k) => {
    if (k === 0 || stretch.crossfadeSeconds <= 0) return;
    const prev = placement.sequence[k - 1]!;
    const shortest = Math.min(stretch.endSeconds - stretch.startSeconds, prev.endSeconds - prev.startSeconds);
    if (stretch.crossfadeSeconds >= shortest) {
      problems.push({
        path: `items.${stretch.index}.crossfadeSeconds`,
        message: `Item ${stretch.index + 1}: the crossfade (${stretch.crossfadeSeconds} s) must be shorter than the stretches it joins (${shortest.toFixed(1)} s).`,
      });
    }
  });
  const total = timelineSeconds(timeline);
  timeline.chapters.forEach((c, i) => {
    if (c.atSeconds >= total && total > 0)
      problems.push({
        path: `chapters.${i}.atSeconds`,
        message: `Chapter “${c.title}” starts at ${fmt(c.atSeconds)}, after the episode ends (${fmt(total)}). Move it earlier.`,
      });
  });
  if (problems.length > 0) {
    const first = problems[0]!.message;
    throw new AppError(
      'validation_failed',
      problems.length === 1
        ? first
        : `${first} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`,
      { fields: problems },
    );
  }
  return usable;
}

/** Chapters with their ends, in the order they play; the first starts at 0 when none does. */
export function chapterRanges(
  timeline: Timeline,
  title: string,
): Array<{ startSeconds: number; endSeconds: number; title: string }> {
  const total = timelineSeconds(timeline);
  const sorted = [...timeline.chapters].sort((a, b) => a.atSeconds - b.atSeconds);
  if (sorted.length === 0) return [];
  if (sorted[0]!.atSeconds > 0) sorted.unshift({ atSeconds: 0, title });
  return sorted.map((c, i) => ({
    startSeconds: c.atSeconds,
    endSeconds: sorted[i + 1]?.atSeconds ?? total,
    title: c.title,
  }));
}
