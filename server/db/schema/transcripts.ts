import type { Generated } from 'kysely';
import type { MachineDraftStatus } from '../../../shared/contracts/transcripts';

// Clip transcripts and the search index.

/** Links a clip to its transcript document (kind `transcript`) and keeps the machine draft beside it. */
export interface ClipTranscriptsTable {
  clip_id: string;
  document_id: string;
  workspace_id: string;
  /** JSON `{ segments, speakers }` as the speech-recognition engine gave it; null when people typed it all. */
  machine_draft: string | null;
  created_at: string;
  /** Speech recognition's first draft (migration 026); null when none was asked for. */
  draft_status: MachineDraftStatus | null;
  /** 0…1 while `working`, or null when not known. */
  draft_progress: number | null;
  /** Why it failed, in words a person can read. */
  draft_failure: string | null;
  draft_updated_at: string | null;
}

/** Which version of a source (clip transcript, document, episode) its search passages were made from. */
export interface SearchSourcesTable {
  /** The clip, document or episode id. */
  item_id: string;
  workspace_id: string;
  kind: 'clip' | 'document' | 'episode';
  version: string;
}

/**
 * Something search reads in a workspace changed since the index last caught up (added by triggers; a catch-up marks
 * the rows it sees, then deletes them). `change_id` is the writing transaction on PostgreSQL, a count on SQLite.
 */
export interface SearchChangesTable {
  workspace_id: string;
  change_id: number | string;
  seen: Generated<boolean | number>;
}

/** A stretch of searchable text; full-text indexed by FTS5 (SQLite) or a generated tsvector (PostgreSQL). */
export interface SearchPassagesTable {
  id: Generated<number>;
  workspace_id: string;
  kind: 'clip' | 'document' | 'episode';
  item_id: string;
  title: string;
  body: string;
  at_seconds: number | null;
}

/** A quote of a clip's words in a document (the `clipQuote` node with the same `quoteId`). */
export interface DocumentQuotesTable {
  id: string;
  document_id: string;
  workspace_id: string;
  clip_id: string;
  start_seconds: number;
  end_seconds: number;
  /** The words quoted; emptied when they were taken out. */
  text: string;
  removed: 'withdrawn' | 'consent_changed' | null;
  created_by: string;
  created_at: string;
}

/** A stretch of a clip whose words must never be heard or read (issue 10 §1; migration 025). */
export interface ClipRedactionsTable {
  id: string;
  clip_id: string;
  workspace_id: string;
  start_seconds: number;
  end_seconds: number;
  /** JSON `StruckSegment[]` (shared/transcripts/redaction.ts): the words taken out of the live transcript. */
  struck: string;
  created_by: string | null;
  created_at: string;
}
