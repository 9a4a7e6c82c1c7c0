import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  actionBodySchema,
  actionListSchema,
  actionParamsSchema,
  actionPatchSchema,
  actionSchema,
  ladderKindSchema,
  milestoneBodySchema,
  milestoneSchema,
  reflectionBodySchema,
  reflectionSchema,
  reflectionSettingsBodySchema,
  reflectionSummarySchema,
  reflectionsViewSchema,
} from '../../../shared/contracts/reflections';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';
import { addAction, deleteAction, listActions, updateAction } from './planOperations';
import { addMilestone, answer, chooseLadder, reflectionSummary, reflectionsView } from './reflectionOperations';

export function reflectionRoutes(api: Api, services: Services): void {
  const tag = 'reflections';
  const base = '/api/workspaces/:id/reflections';

  defineRoute(
    api,
    {
      method: 'get',
      path: base,
      tag,
      summary: 'The ladder in use, milestones, your own answers, notes shared with the team; everyone’s for admins',
      auth: 'user',
      params: idParamsSchema,
      response: reflectionsViewSchema,
    },
    async ({ user, params }) => reflectionsView(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: base,
      tag,
      summary: 'Answer the reflection for a milestone or any time: a rung, the four Cube values 0–100, a note',
      auth: 'user',
      params: idParamsSchema,
      body: reflectionBodySchema,
      status: 201,
      response: reflectionSchema,
    },
    async ({ user, params, body }) => answer(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: `${base}/summary`,
      tag,
      summary: 'For each milestone and month, per role: how many answered, mean and median rung, mean Cube values',
      auth: 'user',
      params: idParamsSchema,
      response: reflectionSummarySchema,
    },
    async ({ user, params }) => reflectionSummary(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'put',
      path: `${base}/settings`,
      tag,
      summary: 'Choose the ladder: arnstein (the default) or tlap (admins); recorded in the audit trail',
      auth: 'user',
      params: idParamsSchema,
      body: reflectionSettingsBodySchema,
      response: z.object({ ladder: ladderKindSchema }),
    },
    async ({ user, params, body }) => chooseLadder(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: `${base}/milestones`,
      tag,
      summary: 'Name a milestone to reflect at, such as “After episode 1” (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: milestoneBodySchema,
      status: 201,
      response: milestoneSchema,
    },
    async ({ user, params, body }) => addMilestone(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: `${base}/actions`,
      tag,
      summary: 'The plan to move up: actions with an owner, a date and the milestone to look at them again',
      auth: 'user',
      params: idParamsSchema,
      response: actionListSchema,
    },
    async ({ user, params }) => listActions(services, params.id, user.id),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: `${base}/actions`,
      tag,
      summary: 'Add an action to the plan to move up (admins and editors)',
      auth: 'user',
      params: idParamsSchema,
      body: actionBodySchema,
      status: 201,
      response: actionSchema,
    },
    async ({ user, params, body }) => addAction(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'patch',
      path: '/api/reflections/actions/:id',
      tag,
      summary: 'Change an action (admins and editors); mark it done or open again (its owner or an admin)',
      auth: 'user',
      params: actionParamsSchema,
      body: actionPatchSchema,
      response: actionSchema,
    },
    async ({ user, params, body }) => updateAction(services, params.id, user.id, body),
  );

  defineRoute(
    api,
    {
      method: 'delete',
      path: '/api/reflections/actions/:id',
      tag,
      summary: 'Remove an action from the plan (admins and editors)',
      auth: 'user',
      params: actionParamsSchema,
      response: null,
    },
    async ({ user, params }) => deleteAction(services, params.id, user.id),
  );
}
