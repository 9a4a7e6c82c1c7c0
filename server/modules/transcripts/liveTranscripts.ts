import * as Y from 'yjs';
import type { PutTranscriptBody } from '../../../shared/contracts/transcripts';
import {
  readTranscriptDoc,
  transcriptReplacementUpdate,
  type LiveTranscript,
} from '../../../shared/transcripts/transcriptDoc';
import { redactSegments } from '../../../shared/transcripts/redaction';
import type { CollabServer } from '../../collab/collabServer';
import type { ClipsTable, ClipTranscriptsTable } from '../../db/schema';
import type { Services } from '../../services';

type ClipRef = Pick<ClipsTable, 'id' | 'workspace_id' | 'contributor_id'>;

/** A clip's transcript as its live document holds it, read and replaced through the collab engine. */
export interface LiveTranscripts {
  /** The link row (made, with an empty document, the first time). */
  linkOf(clip: ClipRef): Promise<ClipTranscriptsTable>;
  /**
   * The words as they may be read by anyone: every stretch the contributor struck out left out
   * (`redactSegments`), whatever the live document holds now. Every text output reads through here.
   */
  read(clip: ClipRef): Promise<LiveTranscript>;
  /** Replaces the content in one server change: logged, applied and relayed to everyone in the document. */
  replace(clip: ClipRef, body: PutTranscriptBody, userId: string): Promise<void>;
  /**
   * Writes `body` as one server change only if the transcript holds no words yet (never over people's work);
   * says whether it did. `before` runs just before, once the transcript is known to be empty.
   */
  fillIfEmpty(clip: ClipRef, body: PutTranscriptBody, before?: () => Promise<void>): Promise<boolean>;
}

/** Does the transcript hold any words? */
export const holdsWords = (t: LiveTranscript) => t.segments.some((s) => s.text.trim() !== '');

export function liveTranscripts(services: Services, collab: CollabServer): LiveTranscripts {
  const linkOf = (clip: ClipRef) => services.clipTranscripts.ensure(clip);
  return {
    linkOf,
    async read(clip) {
      const link = await linkOf(clip);
      const [state, struck] = await Promise.all([
        collab.readState(link.document_id),
        services.clipRedactions.listForClip(clip.id),
      ]);
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, state);
        return redactedTranscript(readTranscriptDoc(doc), struck);
      } finally {
        doc.destroy();
      }
    },
    async replace(clip, body, userId) {
      const link = await linkOf(clip);
      const live = await collab.registry.open(link.document_id, clip.workspace_id);
      // Built against the applied state and queued at once: one transaction, through the log, relayed to everyone.
      await live.submitServerChange(transcriptReplacementUpdate(Y.encodeStateAsUpdate(live.ydoc), body), userId);
    },
    async fillIfEmpty(clip, body, before) {
      const link = await linkOf(clip);
      const live = await collab.registry.open(link.document_id, clip.workspace_id);
      if (holdsWords(readTranscriptDoc(live.ydoc))) return false;
      await before?.();
      // Checked again against the applied state at the last moment; no author: nobody typed these words.
      if (holdsWords(readTranscriptDoc(live.ydoc))) return false;
      await live.submitServerChange(transcriptReplacementUpdate(Y.encodeStateAsUpdate(live.ydoc), body), '');
      return true;
    },
  };
}

/** A transcript with the struck stretches (rows of `clip_redactions`) left out. */
export const redactedTranscript = (
  live: LiveTranscript,
  struck: ReadonlyArray<{ start_seconds: number; end_seconds: number }>,
): LiveTranscript => ({
  ...live,
  segments: redactSegments(
    live.segments,
    struck.map((r) => ({ startSeconds: r.start_seconds, endSeconds: r.end_seconds })),
  ),
});
