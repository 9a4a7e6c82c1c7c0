import {
  documentThreadListSchema,
  documentThreadSchema,
  type CreateThreadBody,
  type CreateThreadCommentBody,
  type DocumentThread,
  type DocumentThreadList,
} from '../../../../../shared/contracts/documentThreads';
import { requestJson } from '../../../api/http';

const threadsOf = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/threads`;
const one = (threadId: string) => `/api/threads/${encodeURIComponent(threadId)}`;

export const listThreads = (documentId: string): Promise<DocumentThreadList> =>
  requestJson('GET', threadsOf(documentId), documentThreadListSchema);

export const startThread = (documentId: string, body: CreateThreadBody): Promise<DocumentThread> =>
  requestJson('POST', threadsOf(documentId), documentThreadSchema, body);

export const replyToThread = (threadId: string, body: CreateThreadCommentBody): Promise<DocumentThread> =>
  requestJson('POST', `${one(threadId)}/comments`, documentThreadSchema, body);

export const setThreadResolved = (threadId: string, resolved: boolean): Promise<DocumentThread> =>
  requestJson('PATCH', one(threadId), documentThreadSchema, { resolved });
