import type { Role } from '../../shared/roles';

/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC strings and ids are UUID strings in both
 * SQLite and PostgreSQL, so the same query code returns the same shapes on either.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  clips: ClipsTable;
  clip_consents: ClipConsentsTable;
  clip_comments: ClipCommentsTable;
  clip_recordings: ClipRecordingsTable;
  recording_chunks: RecordingChunksTable;
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
  document_log_heads: DocumentLogHeadsTable;
  document_versions: DocumentVersionsTable;
  document_threads: DocumentThreadsTable;
  document_thread_comments: DocumentThreadCommentsTable;
  shows: ShowsTable;
  episodes: EpisodesTable;
  episode_renders: EpisodeRendersTable;
  artworks: ArtworksTable;
  episode_publishing: EpisodePublishingTable;
  member_credits: MemberCreditsTable;
  episode_consultants: EpisodeConsultantsTable;
  document_authors: DocumentAuthorsTable;
  music_assets: MusicAssetsTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  /** HMAC of the cookie token: a leaked table cannot be replayed as cookies. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  created_by: string;
  created_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitesTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string;
  max_uses: number | null;
  uses: number;
  revoked_at: string | null;
}

/** Decisions people need to be able to look back on: consent, roles, publication. */
export interface AuditEventsTable {
  id: string;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  detail: string;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  workspace_id: string;
  /** `timeline`: an episode's timeline (episodes.timeline_document_id), hidden from document lists and routes. */
  kind: 'publication' | 'script' | 'timeline';
  title: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** 0 or 1. */
  carers_can_edit: number;
}

/** The durable log of accepted Yjs updates, appended before any client sees them. */
export interface DocumentUpdatesTable {
  document_id: string;
  seq: number;
  data: Uint8Array;
  user_id: string | null;
  created_at: string;
}

/** The highest sequence number a document's update log has handed out (migration 012). */
export interface DocumentLogHeadsTable {
  document_id: string;
  last_seq: number;
}

/** A stored snapshot (blob) holding every update of its document with seq <= through_seq. */
export interface DocumentSnapshotsTable {
  document_id: string;
  through_seq: number;
  blob_key: string;
  size: number;
  created_at: string;
}

/** A named version (or, with a null name, an automatic checkpoint) of a document: its whole Yjs state in a blob. */
export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  /** Null for an automatic checkpoint. */
  name: string | null;
  /** Null for an automatic checkpoint. */
  created_by: string | null;
  created_at: string;
  blob_key: string;
  size: number;
}

/** A comment thread on a passage of a document; the passage carries only the thread id (the `comment` mark). */
export interface DocumentThreadsTable {
  id: string;
  document_id: string;
  workspace_id: string;
  created_by: string;
  /** The passage as it read when the thread was started. */
  quote: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** One comment in a thread: the first one starts it, the rest are replies. */
export interface DocumentThreadCommentsTable {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  /** JSON array of the mentioned members' user ids. */
  mentions: string;
  created_at: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** The durable job queue: a worker leases a row (locked_by/locked_until) while it runs it. */
export interface JobsTable {
  id: string;
  type: string;
  /** JSON, checked against the job definition's schema before it runs. */
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  progress: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface ClipsTable {
  id: string;
  workspace_id: string;
  contributor_id: string;
  title: string;
  /** `recording` while a browser recording's pieces arrive (see clip_recordings), then as for an upload. */
  status: 'recording' | 'queued' | 'processing' | 'ready' | 'failed';
  progress: number | null;
  failure_reason: string | null;
  original_filename: string;
  original_format: string;
  original_content_type: string;
  /** bigint: PostgreSQL hands it back as a string. */
  original_size: number | string;
  duration_seconds: number | null;
  codec: string | null;
  channels: number | null;
  sample_rate: number | null;
  bit_rate: number | null;
  loudness_lufs: number | null;
  loudness_range_lu: number | null;
  true_peak_dbfs: number | null;
  review_state: 'submitted' | 'in_review' | 'approved' | 'changes_requested';
  review_updated_by: string | null;
  review_updated_at: string | null;
  /** What the reviewer asked to be changed, while the clip is `changes_requested`. */
  review_note: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Every consent decision about a clip; the newest is in force. Booleans are 0 or 1. */
export interface ClipConsentsTable {
  id: string;
  clip_id: string;
  kind: 'given' | 'changed' | 'withdrawn';
  podcast: number;
  publication_quotes: number;
  audience: 'public' | 'internal';
  wording_version: number;
  recorded_by: string;
  created_at: string;
}

/** A thread starts at a time (or range) on the clip; replies point at the thread's first comment. */
export interface ClipCommentsTable {
  id: string;
  clip_id: string;
  parent_id: string | null;
  author_id: string;
  body: string;
  at_seconds: number | null;
  end_seconds: number | null;
  resolved_at: string | null;
  resolved_by: string | null;
  created_at: string;
}

/** A clip recorded in the browser: its pieces arrive one by one until it is finished (sent). */
export interface ClipRecordingsTable {
  clip_id: string;
  contributor_id: string;
  /** Chosen by the page, unique per person, so a repeated "start recording" request finds the same recording. */
  client_key: string;
  /** As MediaRecorder reported it, normalised (`audio/webm;codecs=opus`). */
  mime_type: string;
  /** The container recognised from the first piece's bytes (`webm`, `ogg`, `mp4`); null until it arrives. */
  format: string | null;
  next_seq: number;
  /** bigint: PostgreSQL hands it back as a string. */
  received_bytes: number | string;
  recorded_ms: number | null;
  last_chunk_at: string | null;
  /** Set while one request joins the pieces; no piece is accepted meanwhile. A lease, in case that server dies. */
  finishing_until: string | null;
  finished_at: string | null;
  created_at: string;
}

/** One stored piece of a recording, in order; its blob lives under the clip's prefix until the recording is finished. */
export interface RecordingChunksTable {
  clip_id: string;
  seq: number;
  blob_key: string;
  size: number;
  /** Hex SHA-256 of the piece, so a piece sent twice can be recognised. */
  sha256: string;
  created_at: string;
}

/** One podcast show per workspace: the channel fields Apple requires. `explicit` is 0 or 1. */
export interface ShowsTable {
  workspace_id: string;
  title: string;
  description: string;
  language: string;
  category: string;
  subcategory: string | null;
  explicit: number;
  author: string;
  owner_name: string;
  owner_email: string;
  /** Artwork hosted elsewhere (uploaded artwork is not built yet). */
  artwork_url: string | null;
  updated_at: string;
}

/** An episode; `timeline` is the validated JSON of `shared/contracts/episodes.ts`. */
export interface EpisodesTable {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  number: number | null;
  season: number | null;
  type: 'full' | 'trailer' | 'bonus';
  /** The last valid timeline; the live one is in the `timeline` document `timeline_document_id` (null only for a row written before it existed). */
  timeline: string;
  timeline_document_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** 1 when a clip it uses was withdrawn after it was published (`rerender_reason` says which). */
  needs_rerender: number;
  rerender_reason: string | null;
}

/** One render of an episode, kept as a version; loudness is measured on the encoded file. */
export interface EpisodeRendersTable {
  id: string;
  episode_id: string;
  workspace_id: string;
  status: 'queued' | 'rendering' | 'passed' | 'failing' | 'failed';
  progress: number | null;
  /** The timeline it was rendered from (JSON). */
  timeline: string;
  blob_key: string | null;
  /** bigint: PostgreSQL hands it back as a string. */
  size_bytes: number | string | null;
  duration_seconds: number | null;
  integrated_lufs: number | null;
  true_peak_dbtp: number | null;
  /** Gain of the corrective pass, when the first encode missed the target. */
  correction_db: number | null;
  failure_reason: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

/** A workspace's music (intros, outros, beds): the original as uploaded, measured by `music.process`. */
export interface MusicAssetsTable {
  id: string;
  workspace_id: string;
  title: string;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  failure_reason: string | null;
  original_filename: string;
  original_format: string;
  original_content_type: string;
  /** bigint: PostgreSQL hands it back as a string. */
  original_size: number | string;
  duration_seconds: number | null;
  /** Integrated loudness of the whole asset; null when it is silent. */
  loudness_lufs: number | null;
  true_peak_dbfs: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Uploaded square artwork; `owner_id` is the workspace id (its show) or an episode id. */
export interface ArtworksTable {
  owner_id: string;
  workspace_id: string;
  episode_id: string | null;
  blob_key: string;
  content_type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  size: number;
  /** Hex SHA-256 of the bytes: the public address carries part of it, so a new picture gets a new address. */
  sha256: string;
  updated_by: string;
  updated_at: string;
}

/** An episode's script document and uploaded transcript (a row appears when either is first set). */
export interface EpisodePublishingTable {
  episode_id: string;
  script_document_id: string | null;
  transcript_key: string | null;
  transcript_format: 'vtt' | 'srt' | null;
  transcript_size: number | null;
  transcript_sha256: string | null;
  updated_at: string;
}

/** A member's own choice to be credited by name in published episodes; no row means "do not name me". */
export interface MemberCreditsTable {
  workspace_id: string;
  user_id: string;
  credit_name: string;
  updated_at: string;
}

/** People an editor marked as consultants on an episode. */
export interface EpisodeConsultantsTable {
  episode_id: string;
  user_id: string;
  created_at: string;
}

/** Everyone who changed a document's text (kept because the update log is trimmed after snapshots). */
export interface DocumentAuthorsTable {
  document_id: string;
  user_id: string;
  first_edit_at: string;
}
