import { idParamsSchema } from '../../../shared/contracts/common';
import {
  clipListSchema,
  clipParamsSchema,
  clipSchema,
  commentParamsSchema,
  commentSchema,
  commentThreadListSchema,
  consentChoicesSchema,
  createCommentBodySchema,
  reviewBodySchema,
  updateCommentBodySchema,
  uploadClipFieldsSchema,
  withdrawBodySchema,
} from '../../../shared/contracts/clips';
import { defineRoute, type Api } from '../../http/route';
import { audioContentTypes } from '../../media/sniff';
import type { Services } from '../../services';
import { clipAudioRoutes } from './clipAudioRoutes';
import { changeConsent, getClip, listClips, reviewClip } from './clipOperations';
import { addComment, listComments, setThreadResolved } from './commentOperations';
import { uploadClip } from './uploadClip';
import { withdrawClip } from './withdrawClip';

export function clipRoutes(api: Api, services: Services): void {
  const tag = 'clips';

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/clips',
      tag,
      summary:
        'Upload a recording: multipart/form-data with the fields title, podcast, publicationQuotes, audience, consentVersion (send them first), then the file in the field audio (WAV, MP3, M4A/AAC, OGG/Opus, WebM/Opus or FLAC)',
      auth: 'user',
      params: idParamsSchema,
      status: 201,
      response: clipSchema,
      upload: {
        multipart: {
          fields: uploadClipFieldsSchema,
          fileField: 'audio',
          fileTypes: Object.values(audioContentTypes).join(', '),
        },
      },
    },
    async ({ req, res, user, params }) => uploadClip(services, req, res, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/clips',
      tag,
      summary: 'Recordings in a workspace, newest first, with status, consent and review at a glance',
      auth: 'user',
      params: idParamsSchema,
      response: clipListSchema,
    },
    async ({ user, params }) => ({ clips: await listClips(services, params.id, user.id) }),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/clips/:id',
      tag,
      summary: 'One recording: status, measurements, consent, review and what I may do',
      auth: 'user',
      params: clipParamsSchema,
      response: clipSchema,
    },
    async ({ user, params }) => getClip(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/clips/:id/review',
      tag,
      summary: 'Record a review decision (admins and editors)',
      auth: 'user',
      params: clipParamsSchema,
      body: reviewBodySchema,
      response: clipSchema,
    },
    async ({ user, params, body }) => reviewClip(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/clips/:id/consent',
      tag,
      summary: 'Change what the recording may be used for (its contributor, or an admin for them)',
      auth: 'user',
      params: clipParamsSchema,
      body: consentChoicesSchema,
      response: clipSchema,
    },
    async ({ user, params, body }) => changeConsent(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/clips/:id/withdraw',
      tag,
      summary: 'Withdraw consent: the audio is deleted and the recording can no longer be used',
      auth: 'user',
      params: clipParamsSchema,
      body: withdrawBodySchema,
      response: clipSchema,
    },
    async ({ user, params }) => withdrawClip(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/clips/:id/comments',
      tag,
      summary: 'Comment threads on a recording, with replies',
      auth: 'user',
      params: clipParamsSchema,
      response: commentThreadListSchema,
    },
    async ({ user, params }) => ({ threads: await listComments(services, params.id, user.id) }),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/clips/:id/comments',
      tag,
      summary: 'Comment at a time or time range (`{ body, atSeconds, endSeconds? }`), or reply (`{ body, parentId }`)',
      auth: 'user',
      params: clipParamsSchema,
      body: createCommentBodySchema,
      status: 201,
      response: commentSchema,
    },
    async ({ user, params, body }) => addComment(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'patch',
      path: '/api/clips/:id/comments/:commentId',
      tag,
      summary: 'Resolve or reopen a thread',
      auth: 'user',
      params: commentParamsSchema,
      body: updateCommentBodySchema,
      response: commentSchema,
    },
    async ({ user, params, body }) => setThreadResolved(services, params.id, params.commentId, user.id, body.resolved),
  );

  clipAudioRoutes(api, services);
}
