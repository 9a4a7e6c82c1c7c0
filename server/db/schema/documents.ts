// Written documents and timelines: the update log, its heads and snapshots, versions and comment threads.

export interface DocumentsTable {
  id: string;
  workspace_id: string;
  /**
   * `timeline`: an episode's timeline (episodes.timeline_document_id); `transcript`: a clip's transcript
   * (clip_transcripts.document_id). Both are hidden from document lists and routes.
   */
  kind: 'publication' | 'script' | 'timeline' | 'transcript';
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
  /** The comment is this voice comment; null for a written one. */
  voice_comment_id: string | null;
}

/** Everyone who changed a document's text (kept because the update log is trimmed after snapshots). */
export interface DocumentAuthorsTable {
  document_id: string;
  user_id: string;
  first_edit_at: string;
}

/**
 * Who made each suggested change in a document's text. The text carries only the suggestion's id (the
 * `insertion`, `deletion` and `modification` marks); the server records the author from the sender of the
 * update that first carried the id, never from the client.
 */
export interface DocumentSuggestionsTable {
  document_id: string;
  /** The mark's `id`, keyed as `n:<number>` or `s:<string>` (the library allows both). */
  suggestion_id: string;
  author_id: string;
  created_at: string;
  /** `open` while the marks are in the text; `settled` once they are gone (accepted or rejected). */
  state: 'open' | 'settled';
}

/** A picture uploaded into a document (migration 030); its alt text lives in the document's `image` node. */
export interface DocumentImagesTable {
  id: string;
  document_id: string;
  workspace_id: string;
  uploaded_by: string;
  content_type: 'image/png' | 'image/jpeg' | 'image/webp';
  /** bigint: PostgreSQL hands it back as a string. */
  size_bytes: number | string;
  width: number;
  height: number;
  blob_key: string;
  created_at: string;
}
