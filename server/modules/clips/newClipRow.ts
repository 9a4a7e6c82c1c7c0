import type { ClipsTable } from '../../db/schema';

export interface NewClip {
  id: string;
  workspaceId: string;
  contributorId: string;
  title: string;
  status: ClipsTable['status'];
  original: { filename: string; format: ClipsTable['original_format']; contentType: string; size: number };
  now: string;
}

/** A clip as it first enters the database, whether uploaded whole or recorded piece by piece: nothing measured yet. */
export function newClipRow(c: NewClip): ClipsTable {
  return {
    id: c.id,
    workspace_id: c.workspaceId,
    contributor_id: c.contributorId,
    title: c.title,
    status: c.status,
    progress: null,
    failure_reason: null,
    original_filename: c.original.filename,
    original_format: c.original.format,
    original_content_type: c.original.contentType,
    original_size: c.original.size,
    duration_seconds: null,
    codec: null,
    channels: null,
    sample_rate: null,
    bit_rate: null,
    loudness_lufs: null,
    loudness_range_lu: null,
    true_peak_dbfs: null,
    review_state: 'submitted',
    review_updated_by: null,
    review_updated_at: null,
    review_note: null,
    withdrawn_at: null,
    withdrawn_by: null,
    created_at: c.now,
    updated_at: c.now,
  };
}
