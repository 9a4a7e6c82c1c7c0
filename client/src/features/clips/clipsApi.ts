import { clipUsesSchema, type ClipUses } from '../../../../shared/contracts/episodes';
import {
  clipListSchema,
  clipPeaksSchema,
  clipSchema,
  commentSchema,
  commentThreadListSchema,
  type Clip,
  type ClipPeaks,
  type ClipSummary,
  type Comment,
  type CommentThread,
  type ConsentChoices,
  type CreateCommentBody,
  type ReviewBody,
} from '../../../../shared/contracts/clips';
import { requestJson } from '../../api/http';

const one = (id: string) => `/api/clips/${encodeURIComponent(id)}`;

export const clipsPath = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/clips`;

export const listClips = async (workspaceId: string): Promise<ClipSummary[]> =>
  (await requestJson('GET', clipsPath(workspaceId), clipListSchema)).clips;

export const getClip = (id: string): Promise<Clip> => requestJson('GET', one(id), clipSchema);

export const getPeaks = (url: string): Promise<ClipPeaks> => requestJson('GET', url, clipPeaksSchema);

export const reviewClip = (id: string, body: ReviewBody): Promise<Clip> =>
  requestJson('POST', `${one(id)}/review`, clipSchema, body);

export const changeConsent = (id: string, choices: ConsentChoices): Promise<Clip> =>
  requestJson('PUT', `${one(id)}/consent`, clipSchema, choices);

export const withdrawClip = (id: string): Promise<Clip> => requestJson('POST', `${one(id)}/withdraw`, clipSchema, {});

export const listComments = async (id: string): Promise<CommentThread[]> =>
  (await requestJson('GET', `${one(id)}/comments`, commentThreadListSchema)).threads;

export const addComment = (id: string, body: CreateCommentBody): Promise<Comment> =>
  requestJson('POST', `${one(id)}/comments`, commentSchema, body);

export const setResolved = (id: string, commentId: string, resolved: boolean): Promise<Comment> =>
  requestJson('PATCH', `${one(id)}/comments/${encodeURIComponent(commentId)}`, commentSchema, { resolved });

export const getClipUses = (id: string): Promise<ClipUses> => requestJson('GET', `${one(id)}/uses`, clipUsesSchema);
