import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { idSchema } from '../../../shared/contracts/common';
import { voiceCommentMaxSeconds } from '../../../shared/contracts/voiceComments';
import type { ClipsTable } from '../../db/schema';
import { defaultRetry, defineJob, PermanentJobError, permanentIf, type JobSpec } from '../../jobs/jobTypes';
import { progressThrottle } from '../../jobs/progressThrottle';
import { withScratchFolder } from '../../jobs/scratchFolder';
import { analyseAudio, MediaProcessingError } from '../../media/analyse';
import { listeningCopy } from '../../media/listeningCopy';
import { probeAudio, UnreadableAudioError } from '../../media/probe';
import type { Services } from '../../services';
import { clipKeys, clipPrefix } from '../../storage/keys';
import { queueMachineDraft } from '../transcripts/speechRecognition/transcribeClipJob';

export const processClipJobSpec: JobSpec<{ clipId: string }> = {
  name: 'clip.process',
  payload: z.object({ clipId: idSchema }),
  retry: defaultRetry,
};

const PROGRESS_STORE_MS = 1_000;

/** A withdrawn clip's prefix is emptied again this long after the withdrawal, to catch a racing processing job. */
export const PURGE_AGAIN_AFTER_MS = 20_000;

export const purgeClipJobSpec: JobSpec<{ workspaceId: string; clipId: string }> = {
  name: 'clip.purge',
  payload: z.object({ workspaceId: idSchema, clipId: idSchema }),
  retry: { maxAttempts: 10, baseDelayMs: 2_000, factor: 2, maxDelayMs: 60_000 },
};

/**
 * `clip.process`: copy the original to a temporary file (ffprobe and the MP4 demuxer need to seek), probe
 * it, run the single-decode analysis, store the listening copy and peaks, then mark the clip ready.
 * Status and progress go out on the event bus as `clip:status` / `clip:progress`.
 */
export function processClipJob(services: Services) {
  const { clips, blobs, bus } = services;
  const setStatus = async (clip: ClipsTable, patch: Partial<ClipsTable> & Pick<ClipsTable, 'status'>) => {
    await clips.update(clip.id, patch);
    bus.emit('clip:status', {
      workspaceId: clip.workspace_id,
      clipId: clip.id,
      status: patch.status,
      failureReason: patch.failure_reason ?? null,
    });
  };

  return defineJob({
    ...processClipJobSpec,
    async run({ clipId }, ctx) {
      const clip = await clips.findById(clipId);
      if (!clip || clip.withdrawn_at) return; // nothing left to process
      // Stored now and then so a page loaded mid-way shows roughly where it is; announced every time.
      const store = progressThrottle(PROGRESS_STORE_MS, (progress) => {
        clips
          .update(clipId, { progress })
          .catch((e: unknown) => ctx.logger.warn({ err: e }, 'could not store clip progress'));
      });
      const report = (progress: number | null) => {
        ctx.progress(progress);
        bus.emit('clip:progress', { workspaceId: clip.workspace_id, clipId, progress });
        store(progress);
      };
      await setStatus(clip, { status: 'processing', progress: 0, failure_reason: null });
      report(0);

      await withScratchFolder(services.config.dataDir, 'clip', ctx.jobId, async (dir) => {
        const keys = clipKeys(clip.workspace_id, clip.id);
        const originalPath = path.join(dir, 'original');
        const original = await blobs.get(keys.original);
        await pipeline(original.body, createWriteStream(originalPath), { signal: ctx.signal });

        const probe = await probeAudio(originalPath).catch(permanentIf(UnreadableAudioError));
        const listeningPath = path.join(dir, `listening.${listeningCopy.extension}`);
        const result = await analyseAudio({
          input: originalPath,
          listeningCopyPath: listeningPath,
          probe,
          signal: ctx.signal,
          onProgress: report,
        }).catch(permanentIf(MediaProcessingError));
        ctx.signal.throwIfAborted();
        await refuseLongVoiceComment(services, clipId, probe.durationSeconds ?? result.decodedSeconds);

        if ((await clips.findById(clipId))?.withdrawn_at) return;
        await blobs.put(keys.listening, createReadStream(listeningPath), { contentType: listeningCopy.contentType });
        await blobs.put(keys.peaks, Buffer.from(JSON.stringify(result.peaks)), { contentType: 'application/json' });
        await clips.update(clipId, {
          status: 'ready',
          progress: 1,
          failure_reason: null,
          duration_seconds: probe.durationSeconds ?? result.decodedSeconds,
          codec: probe.codec,
          channels: probe.channels,
          sample_rate: probe.sampleRate,
          bit_rate: probe.bitRate === null ? null : Math.round(probe.bitRate),
          loudness_lufs: result.integratedLufs,
          loudness_range_lu: result.loudnessRangeLu,
          true_peak_dbfs: result.truePeakDbfs,
        });
        if ((await clips.findById(clipId))?.withdrawn_at) {
          await blobs.deleteByPrefix(clipPrefix(clip.workspace_id, clipId)); // withdrawn while we stored: undo
          return;
        }
        report(1);
        bus.emit('clip:status', { workspaceId: clip.workspace_id, clipId, status: 'ready', failureReason: null });
        // A first draft of the transcript, when a speech-recognition engine is configured. The clip is ready
        // either way: a failure to queue it is logged, not a failure of processing.
        await queueMachineDraft(services, clip).catch((e: unknown) =>
          ctx.logger.error({ err: e, clipId }, 'could not queue a first draft of the transcript'),
        );
      });
    },
    async onFinalFailure({ clipId }, reason) {
      const clip = await clips.findById(clipId);
      if (clip && !clip.withdrawn_at)
        await setStatus(clip, { status: 'failed', progress: null, failure_reason: reason });
    },
  });
}

/**
 * A voice comment is at most three minutes long. The recorder stops there, but only the decoded audio says for
 * sure, so a longer one fails here, for good, with words its maker can act on (its audio is never stored).
 */
async function refuseLongVoiceComment(services: Services, clipId: string, seconds: number): Promise<void> {
  if (seconds <= voiceCommentMaxSeconds + 1 || !(await services.voiceComments.isVoiceComment(clipId))) return;
  throw new PermanentJobError(
    `A voice comment can be up to 3 minutes long, and this one is ${minutesAndSeconds(seconds)}. Delete it and record a shorter one, or write your comment instead.`,
  );
}

const minutesAndSeconds = (seconds: number): string => {
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${m} minute${m === 1 ? '' : 's'} ${s} second${s === 1 ? '' : 's'}`;
};

/** `clip.purge`: empties a withdrawn clip's prefix once more. */
export function purgeClipJob(services: Services) {
  return defineJob({
    ...purgeClipJobSpec,
    async run({ workspaceId, clipId }, ctx) {
      const deleted = await services.blobs.deleteByPrefix(clipPrefix(workspaceId, clipId));
      if (deleted > 0) ctx.logger.warn({ clipId, deleted }, 'removed audio stored after the clip was withdrawn');
    },
  });
}
