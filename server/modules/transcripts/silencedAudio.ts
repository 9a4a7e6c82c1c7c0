import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { idSchema } from '../../../shared/contracts/common';
import type { ClipRedactionsTable, ClipsTable } from '../../db/schema';
import { defaultRetry, defineJob, permanentIf, type JobSpec } from '../../jobs/jobTypes';
import { withScratchFolder } from '../../jobs/scratchFolder';
import { listeningCopy } from '../../media/listeningCopy';
import { MediaProcessingError } from '../../media/runFfmpeg';
import { silenceStretches } from '../../media/silenceCopy';
import type { Services } from '../../services';
import { clipKeys, clipSilencedKey, clipSilencedPrefix } from '../../storage/keys';

/**
 * Struck-out words silent on the clip page too (issue 10 §1): everyone but the contributor hears a copy of the
 * listening copy with every struck-out stretch silenced; the contributor hears it as recorded, so they can undo.
 * A `clip.silence` job makes the copy whenever the stretches change (and again after an undo); its key carries a
 * fingerprint of the stretches, so the copy served always matches the stretches struck out now.
 */

type Stretch = Pick<ClipRedactionsTable, 'start_seconds' | 'end_seconds'>;

/** The fingerprint of a set of stretches (null for none): the same stretches always give the same one. */
export function stretchesVersion(rows: readonly Stretch[]): string | null {
  if (rows.length === 0) return null;
  const spans = rows
    .map((r) => `${r.start_seconds.toFixed(3)}-${r.end_seconds.toFixed(3)}`)
    .sort()
    .join(',');
  return createHash('sha256').update(spans).digest('hex').slice(0, 16);
}

export type SilencedAudio = { state: 'none' } | { state: 'ready'; key: string } | { state: 'pending' };

/** What a member other than the contributor is given to hear of a ready clip. */
export async function silencedAudioOf(services: Services, clip: ClipsTable): Promise<SilencedAudio> {
  const version = stretchesVersion(await services.clipRedactions.listForClip(clip.id));
  if (!version) return { state: 'none' };
  const key = clipSilencedKey(clip.workspace_id, clip.id, version);
  return (await services.blobs.head(key)) ? { state: 'ready', key } : { state: 'pending' };
}

export const silenceClipJobSpec: JobSpec<{ clipId: string }> = {
  name: 'clip.silence',
  payload: z.object({ clipId: idSchema }),
  retry: defaultRetry,
};

/** Deletes the silenced copies of a clip except `keep`; how many went. */
async function deleteOtherCopies(services: Services, clip: ClipsTable, keep: string | null): Promise<number> {
  let deleted = 0;
  for (const blob of await services.blobs.list(clipSilencedPrefix(clip.workspace_id, clip.id)))
    if (blob.key !== keep) {
      await services.blobs.delete(blob.key);
      deleted += 1;
    }
  return deleted;
}

/** When this instance last asked for each clip's copy from a request (see `askForSilencedCopy`). */
const askedAt = new WeakMap<Services, Map<string, number>>();
const ASK_AGAIN_AFTER_MS = 30_000;

/**
 * A request found no copy for the stretches struck now (the job is on its way, or was lost): ask for one, at most
 * once in a while per clip, so players retrying meanwhile do not fill the queue.
 */
export async function askForSilencedCopy(services: Services, clipId: string): Promise<void> {
  const asked = askedAt.get(services) ?? new Map<string, number>();
  askedAt.set(services, asked);
  const now = Date.now();
  if (now - (asked.get(clipId) ?? 0) < ASK_AGAIN_AFTER_MS) return;
  asked.set(clipId, now);
  await services.jobs.enqueue(silenceClipJobSpec, { clipId });
}

/**
 * `clip.silence`: reads the stretches struck out now, and unless a copy for exactly those exists, silences them in
 * the listening copy and stores it; then removes copies for older sets (none are kept once nothing is struck).
 */
export function silenceClipJob(services: Services) {
  const { blobs } = services;
  return defineJob({
    ...silenceClipJobSpec,
    async run({ clipId }, ctx) {
      const clip = await services.clips.findById(clipId);
      if (!clip || clip.withdrawn_at || clip.status !== 'ready') return; // withdrawal deletes everything anyway
      const rows = await services.clipRedactions.listForClip(clip.id);
      const version = stretchesVersion(rows);
      const key = version ? clipSilencedKey(clip.workspace_id, clip.id, version) : null;
      let made = false;
      if (key && !(await blobs.head(key))) {
        await withScratchFolder(services.config.dataDir, 'silence', ctx.jobId, async (dir) => {
          const input = path.join(dir, `listening.${listeningCopy.extension}`);
          const output = path.join(dir, `silenced.${listeningCopy.extension}`);
          await pipeline(
            (await blobs.get(clipKeys(clip.workspace_id, clip.id).listening)).body,
            createWriteStream(input),
            { signal: ctx.signal },
          );
          const stretches = rows.map((r) => ({ startSeconds: r.start_seconds, endSeconds: r.end_seconds }));
          await silenceStretches({ input, output, stretches, signal: ctx.signal }).catch(
            permanentIf(MediaProcessingError),
          );
          await blobs.put(key, createReadStream(output), { contentType: listeningCopy.contentType });
        });
        made = true;
        // Withdrawn while the copy was made: it must not outlive the rest of the clip's audio.
        if ((await services.clips.findById(clip.id))?.withdrawn_at) {
          await blobs.delete(key);
          return;
        }
      }
      const deleted = await deleteOtherCopies(services, clip, key);
      // Told when what others hear changed, or when nothing is struck now (a strike undone before its copy was
      // made leaves a player that met the 503 waiting); a repeated job that finds its copy made says nothing.
      if (made || deleted > 0 || key === null)
        services.bus.emit('clip:audio', { workspaceId: clip.workspace_id, clipId: clip.id });
    },
  });
}

/** A new silenced copy whenever the stretches change, after a strike-out or its undo. */
export function silenceOnRedactions(services: Services): void {
  services.bus.on('clip:redactions', ({ clipId }) => {
    services.jobs
      .enqueue(silenceClipJobSpec, { clipId })
      .catch((err: unknown) => services.logger.error({ err, clipId }, 'could not queue silencing the clip'));
  });
}
