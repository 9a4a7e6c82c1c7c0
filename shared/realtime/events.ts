import { z } from 'zod';
import type { ClipStatus, Comment, ReviewState } from '../contracts/clips';
import type { DocumentThread, ThreadPerson } from '../contracts/documentThreads';
import type { ErrorBody } from '../errors';
import type { Role } from '../roles';
import type { Notification } from '../contracts/notifications';
import type { MachineDraftState } from '../contracts/transcripts';

export const presenceJoinSchema = z.uuid();

export interface OnlineMember {
  userId: string;
  name: string;
  role: Role;
}

export type Ack<T> = (reply: ({ ok: true } & T) | ({ ok: false } & ErrorBody)) => void;

/** Events the browser sends on the default namespace. */
export interface ClientToServerEvents {
  'workspace:join': (workspaceId: string, ack: Ack<{ online: OnlineMember[] }>) => void;
  'workspace:leave': (workspaceId: string) => void;
}

/** Events the server sends on the default namespace. Audio never travels here: only ids, status and progress. */
export interface ServerToClientEvents {
  'presence:update': (payload: { workspaceId: string; online: OnlineMember[] }) => void;
  'members:changed': (payload: { workspaceId: string }) => void;
  'clip:created': (payload: ClipRef) => void;
  'clip:status': (payload: ClipStatusEvent) => void;
  'clip:progress': (payload: ClipProgressEvent) => void;
  'clip:review': (payload: ClipReviewEvent) => void;
  'clip:consent': (payload: ClipRef) => void;
  'clip:comment': (payload: ClipCommentEvent) => void;
  'clip:withdrawn': (payload: ClipWithdrawnEvent) => void;
  /** Words were struck out of a clip, or put back: whoever shows them fetches the clip's redactions again. */
  'clip:redactions': (payload: ClipRef) => void;
  /** The sound members other than its maker hear changed (struck-out words silenced, or put back): load it again. */
  'clip:audio': (payload: ClipRef) => void;
  /** A recording its maker threw away before sending it: the clip is gone. */
  'clip:discarded': (payload: ClipRef) => void;
  /** Speech recognition's first draft of a clip's transcript moved on (waiting, progress, written, failed…). */
  'transcript:draft': (payload: TranscriptDraftEvent) => void;
  /** A render of an episode changed status or made progress: fetch the episode for the rest. */
  'episode:render': (payload: EpisodeRenderEvent) => void;
  /** An episode needs attention (a clip it uses was withdrawn after publication). */
  'episode:flagged': (payload: EpisodeFlaggedEvent) => void;
  /** Someone heard in an episode signed off their parts or asked for a change: fetch the sign-offs for the rest. */
  'episode:signoff': (payload: EpisodeSignoffEvent) => void;
  /** A comment thread on a document's passage was started, answered, resolved or reopened. */
  'thread:changed': (payload: DocumentThreadEvent) => void;
  /** Someone mentioned you in a comment (sent to you alone). */
  'thread:mention': (payload: ThreadMentionEvent) => void;
  /** An export of a document was queued, made progress, became ready or failed: fetch it for the rest. */
  'export:updated': (payload: ExportUpdatedEvent) => void;
  /** A new notice for you (sent to your sockets alone), with how many are unread now. */
  'notification:new': (payload: NotificationEvent) => void;
  /** You read notices (perhaps in another tab): how many are unread now. */
  'notification:unread': (payload: { unread: number }) => void;
  /** Quotes of a clip were taken out of a document because the speaker changed their mind (its editors are told). */
  'quote:removed': (payload: QuoteRemovedEvent) => void;
  /** A voice comment was sent, became ready (or failed), got its words, or was deleted: fetch it again (404 once deleted). */
  'voiceComment:changed': (payload: VoiceCommentEvent) => void;
}

/** Ids only: the audio and the words are fetched over HTTP, where consent is asked. */
export interface VoiceCommentEvent {
  workspaceId: string;
  voiceCommentId: string;
  change: 'sent' | 'status' | 'transcript' | 'deleted';
}

/** Clip events carry ids, status and progress (and comment text); fetch the clip over HTTP for the rest. */
export interface ClipRef {
  workspaceId: string;
  clipId: string;
}
export interface ClipStatusEvent extends ClipRef {
  status: ClipStatus;
  failureReason: string | null;
}
export interface ClipProgressEvent extends ClipRef {
  /** 0…1, or null when the length of the audio is not known yet. */
  progress: number | null;
}
export interface ClipReviewEvent extends ClipRef {
  state: ReviewState;
  by: { id: string; name: string };
  at: string;
  /** What to change, when the state is `changes_requested`. */
  note: string | null;
}
export interface ClipCommentEvent extends ClipRef {
  change: 'created' | 'resolved' | 'reopened';
  comment: Comment;
}
export interface TranscriptDraftEvent extends ClipRef, MachineDraftState {}

export interface ClipWithdrawnEvent extends ClipRef {
  withdrawnAt: string;
}

export interface EpisodeRenderEvent {
  workspaceId: string;
  episodeId: string;
  renderId: string;
  status: 'queued' | 'rendering' | 'passed' | 'failing' | 'failed';
  /** 0…1 while rendering. */
  progress: number | null;
}
export interface EpisodeFlaggedEvent {
  workspaceId: string;
  episodeId: string;
  reason: string;
}

export interface EpisodeSignoffEvent {
  workspaceId: string;
  episodeId: string;
  userId: string;
  state: 'approved' | 'changes_requested';
}

/** Goes to everyone in the workspace room: every member may read every document there. */
export interface DocumentThreadEvent {
  workspaceId: string;
  documentId: string;
  change: 'created' | 'replied' | 'resolved' | 'reopened';
  thread: DocumentThread;
}
export interface ThreadMentionEvent {
  workspaceId: string;
  documentId: string;
  documentTitle: string;
  threadId: string;
  commentId: string;
  by: ThreadPerson;
  /** The start of the comment, to show in the notice. */
  excerpt: string;
}

export interface ExportUpdatedEvent {
  workspaceId: string;
  documentId: string;
  exportId: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  /** 0…1 while running. */
  progress: number | null;
}

export interface NotificationEvent {
  notification: Notification;
  unread: number;
}

export interface QuoteRemovedEvent {
  workspaceId: string;
  documentId: string;
  documentTitle: string;
  quoteIds: string[];
  /** `withdrawn`: the recording was withdrawn; `consent_changed`: quote consent was taken back. */
  reason: 'withdrawn' | 'consent_changed';
  /** What to tell the document's editors. */
  message: string;
}
