import type { Request, Response } from 'express';
import { clipParamsSchema } from '../../../shared/contracts/clips';
import { AppError } from '../../errors';
import { defineStreamRoute, type Api, type StreamRouteDoc } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import { listeningCopy } from '../../media/listeningCopy';
import { audioContentTypes } from '../../media/sniff';
import type { Services } from '../../services';
import { loadClipFor } from './clipOperations';
import type { ClipsTable } from '../../db/schema';
import { clipKeys } from '../../storage/keys';
import { askForSilencedCopy, silencedAudioOf } from '../transcripts/silencedAudio';
import { sendBlob } from '../../storage/sendBlob';

type Which = 'audio' | 'original' | 'peaks';

/**
 * The byte-serving routes of a clip: `audio` (the listening copy), `original` and `peaks`. They stream,
 * so they are plain Express handlers rather than `defineRoute` JSON routes, but ask the same policy:
 * 401 without a session, 404 outside the workspace, 410 once the contributor withdrew the clip.
 */
export function clipAudioRoutes(api: Api, services: Services): void {
  const described: Record<Which, Pick<StreamRouteDoc, 'summary' | 'produces'>> = {
    audio: {
      summary:
        'The listening copy (AAC in M4A, plays in every browser), with Range support; struck-out words silent for everyone but the contributor (503 while that copy is made); 410 once withdrawn',
      produces: [listeningCopy.contentType],
    },
    original: {
      summary:
        'The file as uploaded or recorded, with Range support; only the contributor while words are struck out (403); 410 once withdrawn',
      produces: [...new Set(Object.values(audioContentTypes))],
    },
    peaks: {
      summary: 'Waveform peaks for wavesurfer.js (the shape is clipPeaksSchema: 100 min/max pairs per second)',
      produces: ['application/json'],
    },
  };
  for (const which of ['audio', 'original', 'peaks'] as const) {
    defineStreamRoute(
      api,
      {
        method: 'get',
        path: `/api/clips/:id/${which}`,
        tag: 'clips',
        auth: 'user',
        params: clipParamsSchema,
        ranges: true,
        ...described[which],
      },
      (req, res) => serve(services, req, res, which),
    );
  }
}

async function serve(services: Services, req: Request, res: Response, which: Which): Promise<void> {
  if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
  const { id } = parseOrThrow(clipParamsSchema, req.params, 'path');
  const { clip } = await loadClipFor(services, id, req.user.id, 'clip.listen');
  const keys = clipKeys(clip.workspace_id, clip.id);
  if (clip.status === 'recording')
    throw new AppError('not_found', 'This recording has not been sent yet, so there is nothing to listen to.');
  if (which !== 'original' && clip.status !== 'ready') {
    throw new AppError(
      'not_found',
      clip.status === 'failed'
        ? `This recording could not be processed: ${clip.failure_reason ?? 'unknown reason'}`
        : 'This recording is still being processed. Try again in a moment.',
    );
  }
  const key = which === 'peaks' ? keys.peaks : await audioKeyFor(services, clip, req.user.id, which);
  const info = await services.blobs.head(key);
  if (!info) throw new AppError('not_found', 'This recording’s audio is not available.');
  const contentType =
    which === 'audio' ? listeningCopy.contentType : which === 'peaks' ? 'application/json' : clip.original_content_type;
  // Withdrawal must take effect at once, so no copy is kept anywhere along the way.
  await sendBlob(req, res, services.blobs, info, { contentType, cacheControl: 'private, no-store' });
}

/**
 * Which file of a clip's sound this person may hear. Struck-out words are silent for everyone but the contributor
 * (who hears the recording as made, so they can undo): the listening copy with them silenced, made by the
 * `clip.silence` job; while it is being made, a 503 to try again in a moment, never the words. The file as
 * recorded holds the words, so only the contributor may download it while any are struck out.
 */
async function audioKeyFor(
  services: Services,
  clip: ClipsTable,
  userId: string,
  which: 'audio' | 'original',
): Promise<string> {
  const keys = clipKeys(clip.workspace_id, clip.id);
  const plain = which === 'audio' ? keys.listening : keys.original;
  if (userId === clip.contributor_id) return plain;
  const silenced = await silencedAudioOf(services, clip);
  if (silenced.state === 'none') return plain;
  if (which === 'original')
    throw new AppError(
      'forbidden',
      'Some words of this recording are struck out, so only the person who made it may download it as it was recorded. Listen to it on its page instead.',
    );
  if (silenced.state === 'ready') return silenced.key;
  // Not made yet (just struck out, or a job that was lost): ask for it again, which is harmless if it is on its way.
  await askForSilencedCopy(services, clip.id);
  throw new AppError(
    'unavailable',
    'The words struck out of this recording are being silenced. Try again in a moment.',
  );
}
