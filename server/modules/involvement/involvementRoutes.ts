import type { Request, Response } from 'express';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  activityBodySchema,
  activityListSchema,
  activityParamsSchema,
  activitySchema,
  benefitsDiscussedBodySchema,
  csvQuerySchema,
  expenseBodySchema,
  expenseParamsSchema,
  participantParamsSchema,
  ratesBodySchema,
  ratesSchema,
  responseBodySchema,
  statementParamsSchema,
  statementSchema,
} from '../../../shared/contracts/involvement';
import { AppError } from '../../errors';
import { defineRoute, defineStreamRoute, type Api } from '../../http/route';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { attachmentDisposition } from '../../storage/contentDisposition';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  respond,
  updateActivity,
} from './activityOperations';
import { financeCsv } from './financeCsv';
import {
  addExpense,
  deleteExpense,
  getRates,
  getStatement,
  markBenefitsDiscussed,
  setRates,
} from './paymentOperations';
import { z } from 'zod';

export function involvementRoutes(api: Api, services: Services): void {
  const tag = 'involvement';

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/involvement/activities',
      tag,
      summary: 'The involvement log: every activity for staff, one’s own for carers; never amounts',
      auth: 'user',
      params: idParamsSchema,
      response: activityListSchema,
    },
    async ({ user, params }) => listActivities(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/workspaces/:id/involvement/activities',
      tag,
      summary: 'Record an activity: kind, what it was for, date, minutes, who took part (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: activityBodySchema,
      status: 201,
      response: activitySchema,
    },
    async ({ user, params, body }) => createActivity(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/involvement/activities/:id',
      tag,
      summary: 'One activity (staff, or someone listed in it)',
      auth: 'user',
      params: activityParamsSchema,
      response: activitySchema,
    },
    async ({ user, params }) => getActivity(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/involvement/activities/:id',
      tag,
      summary: 'Change an activity (admins and editors); a new kind, date or length asks everyone to confirm again',
      auth: 'user',
      params: activityParamsSchema,
      body: activityBodySchema,
      response: activitySchema,
    },
    async ({ user, params, body }) => updateActivity(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/involvement/activities/:id',
      tag,
      summary: 'Remove an activity and everyone’s entries and expenses in it (admins and editors)',
      auth: 'user',
      params: activityParamsSchema,
      response: null,
    },
    async ({ user, params }) => deleteActivity(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/involvement/activities/:id/me',
      tag,
      summary: 'Your own answer: confirmed (and how you want to be thanked) or disputed with a note',
      auth: 'user',
      params: activityParamsSchema,
      body: responseBodySchema,
      response: activitySchema,
    },
    async ({ user, params, body }) => respond(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/involvement/activities/:id/participants/:userId/benefits-discussed',
      tag,
      summary: 'After “talk to me first”: record that an admin talked it through, and what was agreed (admins)',
      auth: 'user',
      params: participantParamsSchema,
      body: benefitsDiscussedBodySchema,
      response: null,
    },
    async ({ user, params, body }) => markBenefitsDiscussed(services, params.id, params.userId, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/involvement/activities/:id/participants/:userId/expenses',
      tag,
      summary: 'Record an expense for a person in an activity: travel, care cover or other, in minor units (admins)',
      auth: 'user',
      params: participantParamsSchema,
      body: expenseBodySchema,
      status: 201,
      response: z.object({ id: z.string() }),
    },
    async ({ user, params, body }) => addExpense(services, params.id, params.userId, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/involvement/expenses/:id',
      tag,
      summary: 'Remove an expense (admins)',
      auth: 'user',
      params: expenseParamsSchema,
      response: null,
    },
    async ({ user, params }) => deleteExpense(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/involvement/rates',
      tag,
      summary: 'The rate table: currency and rates per hour, half day and day in minor units (admins)',
      auth: 'user',
      params: idParamsSchema,
      response: ratesSchema,
    },
    async ({ user, params }) => getRates(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: '/api/workspaces/:id/involvement/rates',
      tag,
      summary: 'Set the rate table and currency (admins); recorded in the audit trail',
      auth: 'user',
      params: idParamsSchema,
      body: ratesBodySchema,
      response: ratesSchema,
    },
    async ({ user, params, body }) => setRates(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/involvement/statements/:userId',
      tag,
      summary: 'A person’s statement: activities, fees, expenses, totals (their own with “me”; anyone’s for admins)',
      auth: 'user',
      params: statementParamsSchema,
      response: statementSchema,
    },
    async ({ user, params }) => getStatement(services, params.id, params.userId, user.id),
  );

  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/api/workspaces/:id/involvement/payments.csv',
      tag,
      summary:
        'Payments and expenses for the finance team as CSV (RFC 4180, formula-safe), between optional dates (admins)',
      auth: 'user',
      params: idParamsSchema,
      query: csvQuerySchema,
      produces: ['text/csv'],
      errors: ['unauthenticated', 'validation_failed', 'forbidden', 'not_found'],
    },
    async (req: Request, res: Response) => {
      if (!req.user) throw new AppError('unauthenticated', 'Please sign in to continue.');
      const { id } = parseOrThrow(idParamsSchema, req.params, 'path');
      const range = parseOrThrow(csvQuerySchema, req.query ?? {}, 'query');
      const csv = await financeCsv(services, id, req.user.id, range);
      const name = `involvement-payments${range.from ? `-from-${range.from}` : ''}${range.to ? `-to-${range.to}` : ''}.csv`;
      res
        .status(200)
        .set('Content-Type', 'text/csv; charset=utf-8; header=present')
        .set('Content-Disposition', attachmentDisposition(name))
        .set('Cache-Control', 'private, no-store')
        .send(csv);
    },
  );
}
