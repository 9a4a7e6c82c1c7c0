import type { Request, Response } from 'express';
import { accountDeletedSchema, deleteAccountBodySchema } from '../../../shared/contracts/myData';
import { passwordCheckRateLimiters, type LoginRateLimitOptions } from '../../auth/loginRateLimit';
import { endSession } from '../../auth/sessions';
import { AppError } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import type { LiveTranscripts } from '../transcripts/liveTranscripts';
import { collectMyData } from './collectMyData';
import { deleteAccount } from './deleteAccount';
import { sendMyDataZip } from './myDataArchive';

export function myDataRoutes(
  api: Api,
  services: Services,
  transcripts: LiveTranscripts,
  rateLimit: LoginRateLimitOptions,
): void {
  const tag = 'accounts';

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/me/data',
      tag,
      summary:
        'Download my data: a zip of my account, memberships, recordings (audio and transcripts), consent, comments and history',
      description:
        'Streamed as it is made. README.txt explains each file in plain words; data is in JSON files. ' +
        'Holds nothing of other people (their names, emails, recordings or comments). Recorded in the audit trail.',
      auth: 'user',
      produces: ['application/zip'],
      errors: ['unauthenticated', 'unavailable'],
    },
    async (req: Request, res: Response) => {
      const user = req.user;
      if (!user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const files = await collectMyData(services, transcripts, user);
      await services.audit.record({
        workspaceId: null,
        actorId: user.id,
        action: 'account.data_downloaded',
        subjectId: user.id,
        detail: { files: files.length + 1 },
      });
      await sendMyDataZip(services, res, user.name, files);
    },
  );

  api.router.post('/api/me/delete', ...passwordCheckRateLimiters(rateLimit));
  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/me/delete',
      tag,
      summary:
        'Delete my account (password again; my recordings withdrawn too unless I say no); refused while I am the only admin of a workspace',
      auth: 'user',
      body: deleteAccountBodySchema,
      response: accountDeletedSchema,
    },
    async ({ user, body, req, res }) => {
      const done = await deleteAccount(services, user, body);
      // This browser is signed out too (its session was ended with the others).
      await endSession(services, req, res);
      return done;
    },
  );
}
