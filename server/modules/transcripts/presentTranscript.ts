import type { MachineDraftState, Transcript, TranscriptSegmentView } from '../../../shared/contracts/transcripts';
import type { ClipTranscriptsTable } from '../../db/schema';
import type { LiveSegment, LiveTranscript } from '../../../shared/transcripts/transcriptDoc';

interface StoredDraft {
  segments?: Array<{ startSeconds?: unknown; endSeconds?: unknown; text?: unknown }>;
}

/** A segment for the API: word timings only where every word has one; segments emptied by editing left out. */
export function presentSegments(segments: readonly LiveSegment[]): TranscriptSegmentView[] {
  return segments
    .filter((s) => s.text !== '')
    .map((s) => {
      const timed = s.words.every((w) => w.startSeconds !== null && w.endSeconds !== null);
      return {
        id: s.id,
        startSeconds: s.startSeconds,
        endSeconds: s.endSeconds,
        text: s.text,
        ...(s.speaker !== undefined ? { speaker: s.speaker } : {}),
        ...(timed && s.words.length > 0
          ? {
              words: s.words.map((w) => ({
                text: w.text,
                startSeconds: w.startSeconds!,
                endSeconds: w.endSeconds!,
                checked: w.checked,
              })),
            }
          : {}),
      };
    });
}

/** `typed` without a machine draft; `machine` while the working copy still reads as the draft; `mixed` after. */
export function sourceOf(
  segments: readonly TranscriptSegmentView[],
  machineDraft: string | null,
): Transcript['source'] {
  if (machineDraft === null) return 'typed';
  const draft = (JSON.parse(machineDraft) as StoredDraft).segments ?? [];
  const key = (s: { startSeconds?: unknown; endSeconds?: unknown; text?: unknown }) =>
    `${String(s.startSeconds)}|${String(s.endSeconds)}|${String(s.text).trim()}`;
  const same = draft.length === segments.length && draft.every((d, i) => key(d) === key(segments[i]!));
  return same ? 'machine' : 'mixed';
}

export function presentTranscript(
  ids: { clipId: string; documentId: string },
  live: LiveTranscript,
  extra: {
    machineDraft: string | null;
    draftState: MachineDraftState | null;
    updatedAt: string;
    canEdit: boolean;
  },
): Transcript {
  const segments = presentSegments(live.segments);
  return {
    ...ids,
    segments,
    speakers: live.speakers,
    checked: live.checked,
    source: sourceOf(segments, extra.machineDraft),
    machineDraft: extra.draftState,
    updatedAt: extra.updatedAt,
    canEdit: extra.canEdit,
  };
}

/** Where speech recognition's first draft stands, from the link row (null when none was asked for). */
export const draftStateOf = (
  link: Pick<ClipTranscriptsTable, 'draft_status' | 'draft_progress' | 'draft_failure'>,
): MachineDraftState | null =>
  link.draft_status === null
    ? null
    : { status: link.draft_status, progress: link.draft_progress, failureReason: link.draft_failure };
