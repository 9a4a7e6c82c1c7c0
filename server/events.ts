import { EventEmitter } from 'node:events';
import type { ConsentUse } from './policies/consent';
import type {
  ClipCommentEvent,
  ClipProgressEvent,
  ClipRef,
  ClipReviewEvent,
  ClipStatusEvent,
  ClipWithdrawnEvent,
  DocumentThreadEvent,
  EpisodeFlaggedEvent,
  EpisodeRenderEvent,
  ExportUpdatedEvent,
  NotificationEvent,
  QuoteRemovedEvent,
  ThreadMentionEvent,
  TranscriptDraftEvent,
  VoiceCommentEvent,
} from '../shared/realtime/events';
import type { JobStatus } from './db/schema';

/** A job's state changed or it reported progress. */
export interface JobUpdate {
  id: string;
  type: string;
  status: JobStatus;
  attempts: number;
  progress: number | null;
  error: string | null;
}

/** Domain events inside one server process; the realtime layer forwards them to the right sockets. */
export interface DomainEvents {
  'members:changed': [workspaceId: string];
  'member:removed': [workspaceId: string, userId: string];
  /** Someone signed out: the sockets opened with that session must close too. */
  'session:ended': [sessionId: string];
  'job:updated': [update: JobUpdate];
  'clip:created': [event: ClipRef];
  'clip:status': [event: ClipStatusEvent];
  'clip:progress': [event: ClipProgressEvent];
  'clip:review': [event: ClipReviewEvent];
  'clip:consent': [event: ClipRef];
  'clip:comment': [event: ClipCommentEvent];
  /** The contributor took their consent back: the audio is gone; whatever used the clip must be flagged. */
  'clip:withdrawn': [event: ClipWithdrawnEvent];
  /** A change of consent took uses away (server/policies/consent.ts `usesLost`): whatever made them must stop. */
  'clip:consentLost': [event: ClipConsentLostEvent];
  /** The contributor (or an admin for them) struck a stretch out of a clip, or undid it: renders and quotes follow. */
  'clip:redactions': [event: ClipRedactionsEvent];
  /** A new silenced copy of a clip is served to members other than its contributor (see transcripts/silencedAudio). */
  'clip:audio': [event: ClipRef];
  /** A recording never sent was thrown away by the person making it; the clip no longer exists. */
  'clip:discarded': [event: ClipRef];
  /** Speech recognition's first draft of a clip's transcript moved on. */
  'transcript:draft': [event: TranscriptDraftEvent];
  'episode:render': [event: EpisodeRenderEvent];
  /** A published episode uses a clip whose consent was withdrawn: it needs a new render. */
  'episode:flagged': [event: EpisodeFlaggedEvent];
  /** A render finished that needs these people's sign-off (newly asked: their parts are new or changed). */
  'episode:signoffRequested': [event: EpisodeSignoffRequestedEvent];
  /** Someone heard in the episode approved their parts or asked for a change. */
  'episode:signoffDecided': [event: EpisodeSignoffDecidedEvent];
  'thread:changed': [event: DocumentThreadEvent];
  /** One person was mentioned in a comment: only their sockets hear of it. */
  'thread:mention': [userId: string, event: ThreadMentionEvent];
  /** An export of a document changed status or made progress. */
  'export:updated': [event: ExportUpdatedEvent];
  /** An editor or admin offered a member a task they said they would like to try. */
  'member:taskOffered': [event: TaskOfferedEvent];
  /** An episode went into the feed (it was not published before): its contributors hear of it. */
  'episode:published': [event: EpisodePublishedEvent];
  /** A notice was made for one person: only their sockets hear of it. */
  'notification:new': [userId: string, event: NotificationEvent];
  /** One person's unread count changed because they read notices. */
  'notification:unread': [userId: string, unread: number];
  /** Quotes of a clip were taken out of a document after a change of consent. */
  'quote:removed': [event: QuoteRemovedEvent];
  /** The people quoted in a new edition are asked to approve their quotes in context. */
  'edition:signoffRequested': [event: { workspaceId: string; editionId: string; userIds: string[] }];
  /** A quoted voice was withdrawn (or its quote consent taken back): the edition left its public page. */
  'edition:withdrawn': [event: EditionWithdrawnEvent];
  'voiceComment:changed': [event: VoiceCommentEvent];
}

export interface EditionWithdrawnEvent {
  workspaceId: string;
  editionId: string;
  documentId: string;
  title: string;
  number: number;
  reason: string;
}

export type EventBus = EventEmitter<DomainEvents>;
export const createEventBus = (): EventBus => new EventEmitter<DomainEvents>();

export interface ClipRedactionsEvent {
  workspaceId: string;
  clipId: string;
  change: 'added' | 'removed';
  redactionId: string;
  startSeconds: number;
  endSeconds: number;
}

export interface ClipConsentLostEvent {
  workspaceId: string;
  clipId: string;
  lost: ConsentUse[];
}

export interface EpisodePublishedEvent {
  workspaceId: string;
  episodeId: string;
  /** The clips heard in the render the feed serves. */
  clipIds: string[];
}

export interface EpisodeSignoffRequestedEvent {
  workspaceId: string;
  episodeId: string;
  renderId: string;
  /** The people newly asked to listen to their parts and sign them off. */
  userIds: string[];
}

export interface TaskOfferedEvent {
  workspaceId: string;
  offerId: string;
  /** The member offered the task. */
  userId: string;
  offeredBy: string;
  task: string;
}

export interface EpisodeSignoffDecidedEvent {
  workspaceId: string;
  episodeId: string;
  userId: string;
  decision: 'approved' | 'changes_requested';
  note: string | null;
}
