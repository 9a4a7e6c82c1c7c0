import type { Clip, ClipStatus, ClipSummary, Comment, Consent } from '../../../shared/contracts/clips';
import { recordingIsIdle } from '../../../shared/contracts/recordings';
import { clipAbilitiesOf, type Actor } from '../../policies/authorize';
import type { ClipFacts } from '../../policies/rules';
import type { ClipsTable } from '../../db/schema';
import type { ClipRow, ConsentRow } from './clipRepository';
import type { CommentRow } from './commentRepository';

export const clipFacts = (clip: Pick<ClipsTable, 'contributor_id' | 'withdrawn_at'>): ClipFacts => ({
  contributorId: clip.contributor_id,
  withdrawn: clip.withdrawn_at !== null,
});

/** A browser recording nothing has arrived from for a while (each piece touches the clip) shows as interrupted. */
export const presentStatus = (row: Pick<ClipsTable, 'status' | 'updated_at'>): ClipStatus =>
  row.status === 'recording' && recordingIsIdle(row.updated_at) ? 'interrupted' : row.status;

export function presentConsent(row: ConsentRow | undefined): Consent | null {
  if (!row || row.kind === 'withdrawn') return null;
  return {
    podcast: row.podcast === 1,
    publicationQuotes: row.publication_quotes === 1,
    audience: row.audience,
    wordingVersion: row.wording_version,
    givenAt: row.created_at,
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
  };
}

function presentMedia(row: ClipsTable): Clip['media'] {
  if (row.duration_seconds === null || row.codec === null || row.channels === null || row.sample_rate === null)
    return null;
  return {
    durationSeconds: row.duration_seconds,
    codec: row.codec,
    channels: row.channels,
    sampleRate: row.sample_rate,
    bitRate: row.bit_rate,
    loudnessLufs: row.loudness_lufs,
    loudnessRangeLu: row.loudness_range_lu,
    truePeakDbfs: row.true_peak_dbfs,
  };
}

/** What a clip and its summary in a list both say (the fields the summary picks from the clip). */
function presentBasics(
  row: ClipRow,
  consent: ConsentRow | undefined,
): Omit<ClipSummary, 'durationSeconds' | 'reviewState' | 'openComments'> {
  const withdrawn = row.withdrawn_at !== null;
  return {
    id: row.id,
    title: row.title,
    contributor: { id: row.contributor_id, name: row.contributor_name },
    createdAt: row.created_at,
    status: presentStatus(row),
    progress: row.progress,
    failureReason: row.failure_reason,
    withdrawn,
    consent: withdrawn ? null : presentConsent(consent),
  };
}

/** `struck`: the fingerprint of the stretches silenced in what this person hears (null: none, or their own clip). */
export function presentClip(
  row: ClipRow,
  consent: ConsentRow | undefined,
  actor: Actor,
  struck: string | null = null,
): Clip {
  const basics = presentBasics(row, consent);
  return {
    ...basics,
    workspaceId: row.workspace_id,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy:
      row.withdrawn_by && row.withdrawer_name !== null ? { id: row.withdrawn_by, name: row.withdrawer_name } : null,
    original: {
      filename: row.original_filename,
      format: row.original_format,
      contentType: row.original_content_type,
      sizeBytes: Number(row.original_size),
    },
    media: presentMedia(row),
    review: {
      state: row.review_state,
      updatedBy:
        row.review_updated_by && row.reviewer_name ? { id: row.review_updated_by, name: row.reviewer_name } : null,
      updatedAt: row.review_updated_at,
      note: row.review_state === 'changes_requested' ? row.review_note : null,
    },
    urls: basics.withdrawn
      ? null
      : {
          audio: struck ? `/api/clips/${row.id}/audio?struck=${struck}` : `/api/clips/${row.id}/audio`,
          original: `/api/clips/${row.id}/original`,
          peaks: `/api/clips/${row.id}/peaks`,
        },
    abilities: clipAbilitiesOf(actor, clipFacts(row)),
  };
}

export function presentSummary(row: ClipRow, consent: ConsentRow | undefined, openComments: number): ClipSummary {
  return {
    ...presentBasics(row, consent),
    durationSeconds: row.duration_seconds,
    reviewState: row.review_state,
    openComments,
  };
}

export function presentComment(row: CommentRow): Comment {
  return {
    id: row.id,
    clipId: row.clip_id,
    parentId: row.parent_id,
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    atSeconds: row.at_seconds,
    endSeconds: row.end_seconds,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by && row.resolver_name ? { id: row.resolved_by, name: row.resolver_name } : null,
    voiceCommentId: row.voice_comment_id,
  };
}
