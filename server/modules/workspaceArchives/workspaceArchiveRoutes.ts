import type { Request, Response } from 'express';
import { idParamsSchema } from '../../../shared/contracts/common';
import { AppError } from '../../errors';
import { defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { sendWorkspaceArchive } from './workspaceArchiveOperations';

export function workspaceArchiveRoutes(api: Api, services: Services): void {
  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/archive',
      tag: 'workspaces',
      summary:
        'Download everything in this workspace (admins): its rows, files and documents in one tar archive, in the backup format (docs/backup.md)',
      auth: 'user',
      params: idParamsSchema,
      produces: ['application/x-tar'],
      errors: ['unauthenticated', 'forbidden', 'not_found'],
    },
    async (req: Request, res: Response) => {
      if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const { id } = parseOrThrow(idParamsSchema, req.params, 'path');
      await sendWorkspaceArchive(services, id, req.user.id, res);
    },
  );
}
