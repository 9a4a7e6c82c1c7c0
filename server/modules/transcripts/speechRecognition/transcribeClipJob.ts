import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { idSchema } from '../../../../shared/contracts/common';
import type { MachineDraftState } from '../../../../shared/contracts/transcripts';
import type { ClipsTable } from '../../../db/schema';
import { defineJob, permanentIf, type JobSpec } from '../../../jobs/jobTypes';
import { progressThrottle } from '../../../jobs/progressThrottle';
import { withScratchFolder } from '../../../jobs/scratchFolder';
import { MediaProcessingError } from '../../../media/runFfmpeg';
import { writeSpeechWav } from '../../../media/speechWav';
import { consentAllows, consentFactsOf } from '../../../policies/consent';
import type { Services } from '../../../services';
import { clipKeys } from '../../../storage/keys';
import { holdsWords, type LiveTranscripts } from '../liveTranscripts';
import { UnusableAnswerError } from './engineAnswer';
import { machineDraft } from './machineDraft';
import { EngineRefusedError, requestTranscription } from './transcriptionClient';

/**
 * `clip.transcribe`: a first draft of a clip's transcript from the speech-recognition engine (TRANSCRIBE_URL).
 * A few tries close together: an engine that is restarting or busy is usually back within seconds.
 */
export const transcribeClipJobSpec: JobSpec<{ clipId: string }> = {
  name: 'clip.transcribe',
  payload: z.object({ clipId: idSchema }),
  retry: { maxAttempts: 3, baseDelayMs: 2_000, factor: 4, maxDelayMs: 60_000 },
};

const PROGRESS_STORE_MS = 1_000;
/** Share of the progress bar for making the WAV; the engine's work (no progress of its own) is the rest. */
const WAV_SHARE = 0.2;

type ClipRef = Pick<ClipsTable, 'id' | 'workspace_id' | 'contributor_id'>;

/** Stores where the draft stands and tells the workspace's open pages. */
export async function setDraftState(services: Services, clip: ClipRef, state: MachineDraftState): Promise<void> {
  await services.clipTranscripts.setDraftState(clip.id, {
    draft_status: state.status,
    draft_progress: state.progress,
    draft_failure: state.failureReason,
  });
  services.bus.emit('transcript:draft', { workspaceId: clip.workspace_id, clipId: clip.id, ...state });
}

/**
 * Queues a first draft for a clip that was just processed, when an engine is configured (nothing is sent
 * anywhere otherwise) and no draft was made before (processing may run again).
 */
export async function queueMachineDraft(services: Services, clip: ClipRef): Promise<void> {
  if (!services.config.transcribe) return;
  const link = await services.clipTranscripts.ensure(clip);
  if (link.machine_draft !== null) return;
  await services.jobs.enqueue(transcribeClipJobSpec, { clipId: clip.id });
  await setDraftState(services, clip, { status: 'waiting', progress: null, failureReason: null });
}

export function transcribeClipJob(services: Services, transcripts: LiveTranscripts) {
  const { clips, blobs } = services;
  return defineJob({
    ...transcribeClipJobSpec,
    async run({ clipId }, ctx) {
      const config = services.config.transcribe;
      if (!config) return; // the setting was taken away since: send nothing
      const clip = await clips.findById(clipId);
      if (!clip || clip.withdrawn_at || clip.status !== 'ready') return;
      // The engine hears the clip as members would: the operator's own service, under the same consent.
      const consents = await clips.latestConsents([clip.id]);
      if (!consentAllows(consentFactsOf(consents.get(clip.id), clip.withdrawn_at), 'clip.listen')) return;
      const link = await transcripts.linkOf(clip);
      if (link.machine_draft !== null) return; // made already (a try that finished after its lease ran out)
      if (holdsWords(await transcripts.read(clip))) {
        await setDraftState(services, clip, { status: 'kept', progress: null, failureReason: null });
        return;
      }

      const store = progressThrottle(PROGRESS_STORE_MS, (progress) => {
        services.clipTranscripts
          .setDraftState(clipId, { draft_status: 'working', draft_progress: progress, draft_failure: null })
          .catch((e: unknown) => ctx.logger.warn({ err: e }, 'could not store transcription progress'));
      });
      const report = (progress: number | null) => {
        ctx.progress(progress);
        services.bus.emit('transcript:draft', {
          workspaceId: clip.workspace_id,
          clipId,
          status: 'working',
          progress,
          failureReason: null,
        });
        store(progress);
      };
      await setDraftState(services, clip, { status: 'working', progress: 0, failureReason: null });
      ctx.progress(0);

      const draft = await withScratchFolder(services.config.dataDir, 'transcribe', ctx.jobId, async (dir) => {
        const originalPath = path.join(dir, 'original');
        const original = await blobs.get(clipKeys(clip.workspace_id, clip.id).original);
        await pipeline(original.body, createWriteStream(originalPath), { signal: ctx.signal });
        const wavPath = path.join(dir, 'speech.wav');
        const duration = clip.duration_seconds;
        await writeSpeechWav(originalPath, wavPath, {
          signal: ctx.signal,
          onOutputSeconds: (s) => duration && report(Math.min(WAV_SHARE, (s / duration) * WAV_SHARE)),
        }).catch(permanentIf(MediaProcessingError));
        report(WAV_SHARE);
        ctx.logger.info({ clipId, endpoint: config.endpoint, model: config.model }, 'asking for a transcript');
        const answer = await requestTranscription(config, wavPath, ctx.signal)
          .catch(permanentIf(EngineRefusedError))
          .catch(permanentIf(UnusableAnswerError));
        report(0.9);
        try {
          return machineDraft(answer, duration);
        } catch (e) {
          return permanentIf(UnusableAnswerError)(e);
        }
      });
      ctx.signal.throwIfAborted();

      const now = await clips.findById(clipId);
      if (!now || now.withdrawn_at) return;
      if (draft.segments.length === 0) {
        await setDraftState(services, clip, { status: 'silent', progress: 1, failureReason: null });
        return;
      }
      const stored = JSON.stringify({
        segments: draft.segments,
        speakers: {},
        model: config.model,
        madeAt: new Date().toISOString(),
      });
      let keptDraft = false;
      try {
        const written = await transcripts.fillIfEmpty(clip, { segments: draft.segments, checked: false }, async () => {
          await services.clipTranscripts.setMachineDraft(clipId, stored);
          keptDraft = true;
        });
        if (!written) {
          if (keptDraft) await services.clipTranscripts.setMachineDraft(clipId, null);
          await setDraftState(services, clip, { status: 'kept', progress: null, failureReason: null });
          return;
        }
      } catch (e) {
        // Not written: the draft must not stand beside a transcript it is not in.
        if (keptDraft) await services.clipTranscripts.setMachineDraft(clipId, null).catch(() => undefined);
        throw e;
      }
      ctx.progress(1);
      await setDraftState(services, clip, { status: 'written', progress: 1, failureReason: null });
      ctx.logger.info({ clipId, segments: draft.segments.length }, 'wrote a first draft of the transcript');
    },
    async onFinalFailure({ clipId }, reason) {
      const clip = await clips.findById(clipId);
      if (!clip || clip.withdrawn_at) return;
      await services.clipTranscripts.ensure(clip);
      await setDraftState(services, clip, { status: 'failed', progress: null, failureReason: reason });
    },
  });
}
