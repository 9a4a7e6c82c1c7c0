import { clipSchema } from '../../../shared/contracts/clips';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  createRecordingBodySchema,
  finishRecordingBodySchema,
  recordingChunkParamsSchema,
  recordingChunkQuerySchema,
  recordingListSchema,
  recordingParamsSchema,
  recordingProgressSchema,
  recordingSchema,
} from '../../../shared/contracts/recordings';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { appendChunk } from './recordingChunks';
import { finishRecording } from './recordingFinish';
import { discardRecording, getRecording, listUnfinishedRecordings, startRecording } from './recordingOperations';

/**
 * The one route whose body is raw bytes (`application/octet-stream`); the CSRF guard lets that type
 * through here only. The path is matched under `/api`, where the guard is mounted.
 */
export const recordingChunkPath = /^\/recordings\/[^/]+\/chunks\/[^/]+$/;

/** Recording in the browser, piece by piece while the person speaks; see `shared/contracts/recordings.ts`. */
export function recordingRoutes(api: Api, services: Services): void {
  const tag = 'recordings';

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/recordings',
      tag,
      summary:
        'Start a recording in the browser: `{ title?, mimeType, clientKey? }` → 201 `{ id, nextSeq: 0, … }`; the id is the clip’s',
      auth: 'user',
      params: idParamsSchema,
      body: createRecordingBodySchema,
      status: 201,
      response: recordingSchema,
    },
    async ({ user, params, body }) => startRecording(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/recordings',
      tag,
      summary: 'My recordings in this workspace that were never sent, newest first',
      auth: 'user',
      params: idParamsSchema,
      response: recordingListSchema,
    },
    async ({ user, params }) => ({ recordings: await listUnfinishedRecordings(services, params.id, user.id) }),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/recordings/:id',
      tag,
      summary: 'Where a recording is up to: `{ state, nextSeq, bytes, … }`, so a reloaded page can carry on',
      auth: 'user',
      params: recordingParamsSchema,
      response: recordingSchema,
    },
    async ({ user, params }) => getRecording(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/recordings/:id/chunks/:seq',
      tag,
      summary:
        'Store piece `seq` (0, 1, 2, …) of a recording: the raw bytes as application/octet-stream, at most 8 MiB. The same piece again gets the same answer; any other piece than the next is 409 with `nextSeq`',
      auth: 'user',
      params: recordingChunkParamsSchema,
      query: recordingChunkQuerySchema,
      response: recordingProgressSchema,
      upload: {
        binary: {
          contentType: 'application/octet-stream',
          description: 'The piece’s bytes exactly as MediaRecorder gave them (at most 8 MiB)',
        },
      },
    },
    async ({ req, user, params, query }) =>
      appendChunk(services, req, { clipId: params.id, seq: params.seq, userId: user.id, recordedMs: query.recordedMs }),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/recordings/:id/finish',
      tag,
      summary:
        'Send the recording (all of it, or what arrived): `{ podcast, publicationQuotes, audience, wordingVersion, title? }` → the clip, queued for processing',
      auth: 'user',
      params: recordingParamsSchema,
      body: finishRecordingBodySchema,
      response: clipSchema,
    },
    async ({ user, params, body }) => finishRecording(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/recordings/:id',
      tag,
      summary: 'Throw away a recording that was never sent',
      auth: 'user',
      params: recordingParamsSchema,
      response: null,
    },
    async ({ user, params }) => discardRecording(services, params.id, user.id),
  );
}
