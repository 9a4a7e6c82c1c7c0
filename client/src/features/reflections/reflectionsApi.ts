import {
  actionListSchema,
  actionSchema,
  milestoneSchema,
  reflectionSchema,
  reflectionSummarySchema,
  reflectionsViewSchema,
  type ActionBody,
  type ActionPatch,
  type Milestone,
  type PlanAction,
  type Reflection,
  type ReflectionBody,
  type ReflectionSummary,
  type ReflectionsView,
} from '../../../../shared/contracts/reflections';
import type { LadderKind } from '../../../../shared/reflections/ladders';
import { z } from 'zod';
import { requestEmpty, requestJson } from '../../api/http';

const inWorkspace = (id: string) => `/api/workspaces/${encodeURIComponent(id)}/reflections`;
const action = (id: string) => `/api/reflections/actions/${encodeURIComponent(id)}`;

export const getReflections = (workspaceId: string): Promise<ReflectionsView> =>
  requestJson('GET', inWorkspace(workspaceId), reflectionsViewSchema);

export const getSummary = (workspaceId: string): Promise<ReflectionSummary> =>
  requestJson('GET', `${inWorkspace(workspaceId)}/summary`, reflectionSummarySchema);

export const sendReflection = (workspaceId: string, body: ReflectionBody): Promise<Reflection> =>
  requestJson('POST', inWorkspace(workspaceId), reflectionSchema, body);

export const addMilestone = (workspaceId: string, name: string): Promise<Milestone> =>
  requestJson('POST', `${inWorkspace(workspaceId)}/milestones`, milestoneSchema, { name });

export const chooseLadder = (workspaceId: string, ladder: LadderKind) =>
  requestJson('PUT', `${inWorkspace(workspaceId)}/settings`, z.object({ ladder: z.string() }), { ladder });

export const listActions = (workspaceId: string): Promise<{ actions: PlanAction[] }> =>
  requestJson('GET', `${inWorkspace(workspaceId)}/actions`, actionListSchema);

export const addAction = (workspaceId: string, body: ActionBody): Promise<PlanAction> =>
  requestJson('POST', `${inWorkspace(workspaceId)}/actions`, actionSchema, body);

export const changeAction = (actionId: string, patch: ActionPatch): Promise<PlanAction> =>
  requestJson('PATCH', action(actionId), actionSchema, patch);

export const removeAction = (actionId: string): Promise<void> => requestEmpty('DELETE', action(actionId));
