// Clips: recordings, consent decisions and timed comments.

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
  /** The comment is this voice comment (its audio and transcript live there); null for a written one. */
  voice_comment_id: string | null;
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

/**
 * A comment recorded instead of written. Its id is the id of the clip that carries its audio (processed like any
 * recording, with its own transcript); `place` and `comment_id` are set once it is sent as a comment.
 */
export interface VoiceCommentsTable {
  id: string;
  workspace_id: string;
  maker_id: string;
  /** `clip`: a comment or reply on a clip (`subject_id` the clip); `document`: on a passage (`subject_id` the document). */
  place: 'clip' | 'document' | null;
  subject_id: string | null;
  /** The clip comment's or the document thread comment's id. */
  comment_id: string | null;
  created_at: string;
  sent_at: string | null;
  deleted_at: string | null;
}
