// The show, episodes, renders, music, artwork and publishing.

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
  /** Set when the audio was deleted because a voice in it was withdrawn; the row stays to say why (410). */
  removed_at: string | null;
  removed_reason: string | null;
  /** The episode transcript assembled from the clip transcripts at render time (JSON); null before migration 020. */
  transcript: string | null;
  /** The ids of the clip redactions this render silenced (JSON array); null before migration 025 (none). */
  redactions: string | null;
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
