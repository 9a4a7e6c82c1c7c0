import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { idSchema } from '../../../shared/contracts/common';
import { defaultRetry, defineJob, PermanentJobError, permanentIf, type JobSpec } from '../../jobs/jobTypes';
import { withScratchFolder } from '../../jobs/scratchFolder';
import { MediaProcessingError } from '../../media/runFfmpeg';
import { measureLoudness } from '../../media/loudness';
import { probeAudio, UnreadableAudioError } from '../../media/probe';
import type { Services } from '../../services';
import { musicOriginalKey } from '../../storage/keys';

export const processMusicJobSpec: JobSpec<{ assetId: string }> = {
  name: 'music.process',
  payload: z.object({ assetId: idSchema }),
  retry: defaultRetry,
};

/**
 * `music.process`: copy the upload to a temporary file (ffprobe needs to seek), probe its length and measure
 * its loudness (EBU R128, one decode), then mark it ready. Nothing is derived or stored besides the figures:
 * the render reads the original.
 */
export function processMusicJob(services: Services) {
  const { music, blobs } = services;
  return defineJob({
    ...processMusicJobSpec,
    async run({ assetId }, ctx) {
      const asset = await music.findById(assetId);
      if (!asset) return; // deleted before it was processed
      await music.update(assetId, { status: 'processing', failure_reason: null });
      await withScratchFolder(services.config.dataDir, 'music', ctx.jobId, async (dir) => {
        const file = path.join(dir, 'original');
        await pipeline((await blobs.get(musicOriginalKey(asset.workspace_id, assetId))).body, createWriteStream(file), {
          signal: ctx.signal,
        });
        const probe = await probeAudio(file).catch(permanentIf(UnreadableAudioError));
        if (probe.durationSeconds === null) {
          throw new PermanentJobError(
            'We could not tell how long this file is. Save it as WAV, FLAC or MP3 and upload it again.',
          );
        }
        const loudness = await measureLoudness(file, ctx.signal).catch(permanentIf(MediaProcessingError));
        await music.update(assetId, {
          status: 'ready',
          failure_reason: null,
          duration_seconds: probe.durationSeconds,
          loudness_lufs: loudness.integratedLufs,
          true_peak_dbfs: loudness.truePeakDbfs,
        });
      });
    },
    async onFinalFailure({ assetId }, reason) {
      if (await music.findById(assetId)) await music.update(assetId, { status: 'failed', failure_reason: reason });
    },
  });
}
