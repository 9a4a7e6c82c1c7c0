import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { idSchema } from '../../../shared/contracts/common';
import type { Render, Timeline } from '../../../shared/contracts/episodes';
import { nowIso } from '../../clock';
import type { ClipsTable, EpisodeRendersTable } from '../../db/schema';
import { defineJob, PermanentJobError, permanentIf, type JobSpec } from '../../jobs/jobTypes';
import { progressThrottle } from '../../jobs/progressThrottle';
import { withScratchFolder } from '../../jobs/scratchFolder';
import { MediaProcessingError } from '../../media/runFfmpeg';
import { correctBeyondLu, loudnessTarget, measureLoudness, meetsLoudnessTarget } from '../../media/loudness';
import { episodeAudio, renderEpisode } from '../../media/render';
import { probeAudio } from '../../media/probe';
import { clipKeys, episodeRenderKey, musicOriginalKey } from '../../storage/keys';
import { loadEpisodeFor, presentRender, type EpisodeContext } from './episodeOperations';
import { expectedLoudness, renderMixOf, type SourceLevels } from './renderMix';
import { chapterRanges, checkTimeline, parseStoredTimeline } from './timeline';
import { assembleEpisodeTranscript, type AssembledTranscript, type ClipWords } from './episodeTranscript';
import { presentSegments } from '../transcripts/presentTranscript';
import { unsilencedRedactions } from '../../policies/redactionRules';

export const renderEpisodeJobSpec: JobSpec<{ renderId: string }> = {
  name: 'episode.render',
  payload: z.object({ renderId: idSchema }),
  retry: { maxAttempts: 2, baseDelayMs: 5_000, factor: 4, maxDelayMs: 60_000 },
};

/** Checks everything the render will use, then stores a queued render (with the timeline it renders) and its job. */
export async function startRender(ctx: EpisodeContext, episodeId: string, userId: string): Promise<Render> {
  const { episode } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.render');
  // What everyone editing sees right now, not the last stored copy: a live change still being checked counts.
  const timeline = await ctx.timelines.current(episode, { forRender: true });
  const row: EpisodeRendersTable = {
    id: randomUUID(),
    episode_id: episode.id,
    workspace_id: episode.workspace_id,
    status: 'queued',
    progress: 0,
    timeline: JSON.stringify(timeline),
    blob_key: null,
    size_bytes: null,
    duration_seconds: null,
    integrated_lufs: null,
    true_peak_dbtp: null,
    correction_db: null,
    failure_reason: null,
    created_by: userId,
    created_at: nowIso(),
    finished_at: null,
    removed_at: null,
    removed_reason: null,
    transcript: null,
    redactions: null,
  };
  await ctx.services.episodes.insertRender(row, (tx) =>
    ctx.services.jobs.enqueue(renderEpisodeJobSpec, { renderId: row.id }, { db: tx }),
  );
  ctx.services.jobs.wake();
  ctx.services.bus.emit('episode:render', {
    workspaceId: row.workspace_id,
    episodeId: row.episode_id,
    renderId: row.id,
    status: 'queued',
    progress: 0,
  });
  return presentRender(row);
}

/**
 * `episode.render`: fetch the originals of the clips and music used, render in ONE ffmpeg run (trim, level
 * each clip to −16 LUFS and each music stretch to the music reference from their measured loudness,
 * crossfade, mix beds ducked under speech, limit, MP3 with chapters; the whole mix raised by what the
 * timeline's placement says it will miss the target by), then measure the encoded file.
 * If it is more than 0.5 LU from −16 LUFS, one corrective pass with the measured difference as master gain; the render is
 * `passed` when the file meets the target, `failing` otherwise (kept, never served in the feed).
 */
export function renderEpisodeJob(ctx: EpisodeContext) {
  const { services } = ctx;
  const { episodes } = services;
  return defineJob({
    ...renderEpisodeJobSpec,
    async run({ renderId }, job) {
      const render = await episodes.findRender(renderId);
      if (!render || render.status === 'passed' || render.status === 'failing') return;
      const emit = (status: EpisodeRendersTable['status'], progress: number | null) =>
        services.bus.emit('episode:render', {
          workspaceId: render.workspace_id,
          episodeId: render.episode_id,
          renderId,
          status,
          progress,
        });
      await episodes.updateRender(renderId, { status: 'rendering', progress: 0 });
      emit('rendering', 0);

      const timeline = parseStoredTimeline(render.timeline);
      const episode = await episodes.findById(render.episode_id);
      if (!episode) return;
      // Checked again: a clip may have been withdrawn since the render was asked for.
      const usable = await checkTimeline(services, render.workspace_id, timeline, { forRender: true }).catch(
        (e: unknown) => {
          throw new PermanentJobError(e instanceof Error ? e.message : String(e));
        },
      );

      await withScratchFolder(services.config.dataDir, 'render', job.jobId, async (dir) => {
        const files = new Map<string, string>();
        const levels: SourceLevels = new Map();
        const fetch = async (id: string, key: string) => {
          const file = path.join(dir, `source-${id}`);
          await pipeline((await services.blobs.get(key)).body, createWriteStream(file), { signal: job.signal });
          files.set(id, file);
        };
        for (const [clipId, u] of usable.clips) {
          await fetch(clipId, clipKeys(u.clip.workspace_id, u.clip.id).original);
          levels.set(clipId, u.levelDb);
        }
        for (const [assetId, u] of usable.music) {
          await fetch(assetId, musicOriginalKey(u.asset.workspace_id, assetId));
          levels.set(assetId, u.levelDb);
        }
        // Struck-out words as they stand now: silent in this render, which records which it silenced.
        const redactions = await services.clipRedactions.stretchesFor([...usable.clips.keys()]);
        const silencedIds = [...redactions.values()].flat().map((r) => r.id);
        const silenced = new Map(
          [...redactions].map(([clipId, rows]) => [
            clipId,
            rows.map((r) => ({ startSeconds: r.start_seconds, endSeconds: r.end_seconds })),
          ]),
        );
        await episodes.updateRender(renderId, { redactions: JSON.stringify(silencedIds) });
        const mix = renderMixOf(timeline, levels, files, silenced);
        const chapters = chapterRanges(timeline, episode.title);
        const announce = progressThrottle(500, (p) => {
          emit('rendering', p);
          episodes.updateRender(renderId, { progress: p }).catch(() => {});
        });
        const progress = (base: number, span: number) => (f: number) => {
          const p = base + span * f;
          job.progress(p);
          announce(p);
        };

        const output = path.join(dir, `episode.${episodeAudio.extension}`);
        const pass = async (masterGainDb: number, base: number, span: number) => {
          await renderEpisode({
            ...mix,
            chapters,
            title: episode.title,
            masterGainDb,
            output,
            metadataPath: path.join(dir, 'metadata.txt'),
            signal: job.signal,
            onProgress: progress(base, span),
          });
          return measureLoudness(output, job.signal);
        };
        // Music-heavy timelines measure under the speech reference; aim the first pass at the target anyway.
        const expected = expectedLoudness(timeline, silenced);
        const aim =
          expected === null
            ? 0
            : Math.round(Math.min(10, Math.max(-10, loudnessTarget.integratedLufs - expected)) * 100) / 100;
        let measured = await pass(aim, 0, 0.85).catch(permanentIfMedia);
        let correction: number | null = null;
        if (
          measured.integratedLufs !== null &&
          Math.abs(measured.integratedLufs - loudnessTarget.integratedLufs) > correctBeyondLu
        ) {
          correction = Math.round((loudnessTarget.integratedLufs - measured.integratedLufs) * 100) / 100;
          measured = await pass(aim + correction, 0.85, 0.14).catch(permanentIfMedia);
        }
        const passed = meetsLoudnessTarget(measured);
        const probe = await probeAudio(output);
        const key = episodeRenderKey(render.workspace_id, render.episode_id, renderId);
        await services.blobs.put(key, createReadStream(output), { contentType: episodeAudio.contentType });
        // A clip withdrawn while we rendered: the file must not be kept or served.
        const withdrawn = (await Promise.all([...usable.clips.keys()].map((id) => services.clips.findById(id)))).find(
          (c) => !c || c.withdrawn_at !== null,
        );
        if (withdrawn) {
          await services.blobs.delete(key);
          throw new PermanentJobError(
            `“${withdrawn?.title ?? 'A clip'}” was withdrawn while the episode was rendering. Take it out of the timeline and render again.`,
          );
        }
        const transcript = await episodeTranscriptOf(ctx, timeline, usable.clips);
        await episodes.updateRender(renderId, {
          transcript: JSON.stringify(transcript),
          status: passed ? 'passed' : 'failing',
          progress: 1,
          blob_key: key,
          size_bytes: (await stat(output)).size,
          duration_seconds: probe.durationSeconds,
          integrated_lufs: measured.integratedLufs,
          true_peak_dbtp: measured.truePeakDbfs,
          correction_db: correction,
          failure_reason: passed
            ? null
            : `The encoded file measures ${measured.integratedLufs ?? '−∞'} LUFS with a true peak of ${measured.truePeakDbfs ?? '−∞'} dBTP; it should be −16 ±1 LUFS and at most −1 dBTP.`,
          finished_at: nowIso(),
        });
        const struckSince = unsilencedRedactions(
          silencedIds,
          [...(await services.clipRedactions.stretchesFor([...usable.clips.keys()])).values()].flat(),
        );
        if (
          passed &&
          episode.needs_rerender === 1 &&
          struckSince.length === 0 &&
          (await episodes.findById(episode.id))?.timeline === render.timeline
        ) {
          // rendered again without the withdrawn clip, or with every struck-out stretch silent
          await episodes.update(episode.id, { needs_rerender: 0, rerender_reason: null });
        }
        emit(passed ? 'passed' : 'failing', 1);
      });
    },
    async onFinalFailure({ renderId }, reason) {
      const render = await episodes.findRender(renderId);
      if (!render) return;
      await episodes.updateRender(renderId, {
        status: 'failed',
        progress: null,
        failure_reason: reason,
        finished_at: nowIso(),
      });
      services.bus.emit('episode:render', {
        workspaceId: render.workspace_id,
        episodeId: render.episode_id,
        renderId,
        status: 'failed',
        progress: null,
      });
    },
  });
}

const permanentIfMedia = permanentIf(MediaProcessingError);

/** The episode's transcript from the clips' transcripts as they read now, placed where the render put each stretch. */
async function episodeTranscriptOf(
  ctx: EpisodeContext,
  timeline: Timeline,
  clips: ReadonlyMap<string, { clip: ClipsTable }>,
): Promise<AssembledTranscript> {
  const words = new Map<string, ClipWords>();
  for (const [clipId, { clip }] of clips) {
    const live = await ctx.clipTranscripts.read(clip);
    words.set(clipId, {
      title: clip.title,
      contributorId: clip.contributor_id,
      segments: presentSegments(live.segments),
    });
  }
  return assembleEpisodeTranscript(timeline, words);
}
