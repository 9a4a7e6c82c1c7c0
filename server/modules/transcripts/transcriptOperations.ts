import type { PutTranscriptBody, Transcript } from '../../../shared/contracts/transcripts';
import type { FieldProblem } from '../../../shared/errors';
import { AppError } from '../../errors';
import { mayTranscript } from '../../policies/transcriptRules';
import type { Services } from '../../services';
import type { LiveTranscripts } from './liveTranscripts';
import { draftStateOf, presentTranscript } from './presentTranscript';
import { loadTranscriptFor } from './transcriptAccess';

export interface TranscriptContext {
  services: Services;
  transcripts: LiveTranscripts;
}

/** How far past the recording's end a segment may reach (its length is measured to the millisecond). */
const endTolerance = 0.05;

export async function getTranscript(ctx: TranscriptContext, clipId: string, userId: string): Promise<Transcript> {
  const { clip, actor, facts } = await loadTranscriptFor(ctx.services, clipId, userId, 'transcript.view');
  const link = await ctx.transcripts.linkOf(clip);
  const [live, changedAt] = await Promise.all([
    ctx.transcripts.read(clip),
    ctx.services.clipTranscripts.lastChangedAt(link.document_id),
  ]);
  return presentTranscript({ clipId: clip.id, documentId: link.document_id }, live, {
    machineDraft: link.machine_draft,
    draftState: draftStateOf(link),
    updatedAt: changedAt ?? link.created_at,
    canEdit: mayTranscript(actor, 'transcript.edit', facts),
  });
}

/** Replaces the whole transcript (contributor, editors, admins), in one change everyone editing sees. */
export async function putTranscript(
  ctx: TranscriptContext,
  clipId: string,
  userId: string,
  body: PutTranscriptBody,
): Promise<Transcript> {
  const { clip } = await loadTranscriptFor(ctx.services, clipId, userId, 'transcript.edit');
  const problems = pastTheEnd(body, clip.duration_seconds);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      `Some details need fixing: ${problems.map((p) => `${p.path}: ${p.message}`).join(' ')}`,
      { fields: problems },
    );
  await ctx.transcripts.replace(clip, body, userId);
  return getTranscript(ctx, clipId, userId);
}

/** Segments that end after the recording does (known once it has been processed). */
function pastTheEnd(body: PutTranscriptBody, durationSeconds: number | null): FieldProblem[] {
  if (durationSeconds === null) return [];
  return body.segments.flatMap((s, i) =>
    s.endSeconds > durationSeconds + endTolerance
      ? [
          {
            path: `segments.${i}.endSeconds`,
            message: `This segment ends at ${s.endSeconds} s, after the recording does (${durationSeconds.toFixed(2)} s).`,
          },
        ]
      : [],
  );
}
