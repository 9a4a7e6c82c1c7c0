import {
  activityListSchema,
  activitySchema,
  ratesSchema,
  statementSchema,
  type Activity,
  type ActivityBody,
  type BenefitsDiscussedBody,
  type ExpenseBody,
  type RatesBody,
  type RatesView,
  type ResponseBody,
  type Statement,
} from '../../../../shared/contracts/involvement';
import { z } from 'zod';
import { requestEmpty, requestJson } from '../../api/http';

const inWorkspace = (id: string) => `/api/workspaces/${encodeURIComponent(id)}/involvement`;
const activity = (id: string) => `/api/involvement/activities/${encodeURIComponent(id)}`;

export const listActivities = (workspaceId: string) =>
  requestJson('GET', `${inWorkspace(workspaceId)}/activities`, activityListSchema);

export const recordActivity = (workspaceId: string, body: ActivityBody): Promise<Activity> =>
  requestJson('POST', `${inWorkspace(workspaceId)}/activities`, activitySchema, body);

export const answerActivity = (activityId: string, body: ResponseBody): Promise<Activity> =>
  requestJson('PUT', `${activity(activityId)}/me`, activitySchema, body);

export const getRates = (workspaceId: string): Promise<RatesView> =>
  requestJson('GET', `${inWorkspace(workspaceId)}/rates`, ratesSchema);

export const putRates = (workspaceId: string, body: RatesBody): Promise<RatesView> =>
  requestJson('PUT', `${inWorkspace(workspaceId)}/rates`, ratesSchema, body);

export const getStatement = (workspaceId: string, userId: string): Promise<Statement> =>
  requestJson('GET', `${inWorkspace(workspaceId)}/statements/${encodeURIComponent(userId)}`, statementSchema);

export const markDiscussed = (activityId: string, userId: string, body: BenefitsDiscussedBody): Promise<void> =>
  requestEmpty('POST', `${activity(activityId)}/participants/${encodeURIComponent(userId)}/benefits-discussed`, body);

export const addExpense = (activityId: string, userId: string, body: ExpenseBody) =>
  requestJson(
    'POST',
    `${activity(activityId)}/participants/${encodeURIComponent(userId)}/expenses`,
    z.object({ id: z.string() }),
    body,
  );

export const paymentsCsvUrl = (workspaceId: string) => `${inWorkspace(workspaceId)}/payments.csv`;
