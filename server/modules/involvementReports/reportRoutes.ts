import type { Request, Response } from 'express';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  gripp2BodySchema,
  gripp2ReportSchema,
  impactEntryBodySchema,
  impactEntrySchema,
  impactLogSchema,
  impactViewBodySchema,
  impactViewParamsSchema,
  reportFormats,
} from '../../../shared/contracts/involvementReports';
import { AppError } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { attachmentDisposition } from '../../storage/contentDisposition';
import { reportFile, type ReportKind } from './reportDownloads';
import { addImpactEntry, getGripp2, getImpactLog, saveGripp2, setImpactView } from './reportOperations';

export function involvementReportRoutes(api: Api, services: Services): void {
  const tag = 'involvement reports';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/reports/gripp2',
      tag,
      summary: 'The GRIPP2 short-form report: its five items and the numbers offered as evidence, by role (members)',
      auth: 'user',
      params: idParamsSchema,
      response: gripp2ReportSchema,
    },
    async ({ user, params }) => getGripp2(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/workspaces/:id/reports/gripp2',
      tag,
      summary: 'Write the five items of the GRIPP2 report, each up to 5000 characters (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: gripp2BodySchema,
      response: gripp2ReportSchema,
    },
    async ({ user, params, body }) => saveGripp2(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/reports/impact-log',
      tag,
      summary:
        'The impact log: what changed because of involvement, with the staff view and the carers’ view (members)',
      auth: 'user',
      params: idParamsSchema,
      response: impactLogSchema,
    },
    async ({ user, params }) => getImpactLog(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/reports/impact-log',
      tag,
      summary: 'Add an entry to the impact log: date, what happened, what changed, evidence (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: impactEntryBodySchema,
      status: 201,
      response: impactEntrySchema,
    },
    async ({ user, params, body }) => addImpactEntry(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/reports/impact-log/:id/views/:side',
      tag,
      summary: 'Write your side’s view of an entry: staff write the staff view, carers the carers’ view',
      auth: 'user',
      params: impactViewParamsSchema,
      body: impactViewBodySchema,
      response: impactEntrySchema,
    },
    async ({ user, params, body }) => setImpactView(services, params.id, params.side, user.id, body.text),
  );

  for (const kind of ['gripp2', 'impact-log'] as const satisfies readonly ReportKind[]) {
    for (const format of reportFormats) {
      defineStreamRoute(
        api,
        {
          method: 'get',
          path: `/api/workspaces/:id/reports/${kind}.${format}`,
          tag,
          summary: `The ${kind === 'gripp2' ? 'GRIPP2 report' : 'impact log'} as ${format.toUpperCase()} (members)`,
          auth: 'user',
          params: idParamsSchema,
          produces: [
            format === 'md'
              ? 'text/markdown'
              : format === 'pdf'
                ? 'application/pdf'
                : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ],
          errors: ['unauthenticated', 'validation_failed', 'not_found'],
        },
        async (req: Request, res: Response) => {
          if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
          const { id } = parseOrThrow(idParamsSchema, req.params, 'path');
          const file = await reportFile(services, id, req.user.id, kind, format);
          res
            .status(200)
            .set('Content-Type', file.contentType)
            .set('Content-Disposition', attachmentDisposition(file.fileName))
            .set('Cache-Control', 'private, no-store')
            .send(file.bytes);
        },
      );
    }
  }
}
