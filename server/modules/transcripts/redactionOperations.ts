import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  maxRedactionsPerClip,
  type CreateRedactionBody,
  type Redaction,
  type Redactions,
} from '../../../shared/contracts/redactions';
import { updateAgainst } from '../../../shared/collab/updateAgainst';
import {
  overlaps,
  restoreToDoc,
  strikeFromDoc,
  struckText,
  type StruckSegment,
} from '../../../shared/transcripts/redaction';
import { nowIso } from '../../clock';
import type { CollabServer } from '../../collab/collabServer';
import type { ClipRedactionsTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { mayTranscript } from '../../policies/transcriptRules';
import type { Services } from '../../services';
import type { LiveTranscripts } from './liveTranscripts';
import { loadTranscriptFor } from './transcriptAccess';

export interface RedactionContext {
  services: Services;
  collab: CollabServer;
  transcripts: Pick<LiveTranscripts, 'linkOf'>;
}

/** How far past the recording's end a stretch may reach (its length is measured to the millisecond). */
const endTolerance = 0.05;

const parseStruck = (row: ClipRedactionsTable): StruckSegment[] => {
  try {
    const parsed: unknown = JSON.parse(row.struck);
    return Array.isArray(parsed) ? (parsed as StruckSegment[]) : [];
  } catch {
    return [];
  }
};

/** A redaction as the caller may see it: the struck words and who struck them only for the contributor and admins. */
export function presentRedaction(row: ClipRedactionsTable, withText: boolean): Redaction {
  return {
    id: row.id,
    clipId: row.clip_id,
    startSeconds: row.start_seconds,
    endSeconds: row.end_seconds,
    ...(withText ? { text: struckText(parseStruck(row)), ...(row.created_by ? { by: row.created_by } : {}) } : {}),
    at: row.created_at,
  };
}

/** The stretches struck out of a clip (contributor, editors, admins); the words only for the contributor and admins. */
export async function listRedactions(ctx: RedactionContext, clipId: string, userId: string): Promise<Redactions> {
  const { clip, actor, facts } = await loadTranscriptFor(ctx.services, clipId, userId, 'transcript.redactions');
  const canRedact = mayTranscript(actor, 'transcript.redact', facts);
  const rows = await ctx.services.clipRedactions.listForClip(clip.id);
  return { redactions: rows.map((r) => presentRedaction(r, canRedact)), canRedact };
}

const secondsText = (s: number) => `${Math.round(s * 100) / 100} s`;

/**
 * Strikes a stretch out (the contributor, or an admin acting for them): the row first (so every output leaves the
 * stretch out from now on), then one server change taking the words out of the live transcript, so they reach
 * nobody else's browser again. The struck words are kept in the row for the contributor's view and for undo.
 */
export async function createRedaction(
  ctx: RedactionContext,
  clipId: string,
  userId: string,
  body: CreateRedactionBody,
): Promise<Redaction> {
  const { services } = ctx;
  const { clip } = await loadTranscriptFor(services, clipId, userId, 'transcript.redact');
  if (clip.duration_seconds !== null && body.endSeconds > clip.duration_seconds + endTolerance)
    throw new AppError(
      'validation_failed',
      `Some details need fixing: endSeconds: The recording ends at ${secondsText(clip.duration_seconds)}; choose words inside it.`,
      {
        fields: [
          {
            path: 'endSeconds',
            message: `The recording ends at ${secondsText(clip.duration_seconds)}; choose words inside it.`,
          },
        ],
      },
    );
  const existing = await services.clipRedactions.listForClip(clip.id);
  if (existing.length >= maxRedactionsPerClip)
    throw new AppError(
      'conflict',
      `This recording already has ${maxRedactionsPerClip} stretches struck out, the most it can have. Undo some, or ask an admin to withdraw the recording instead.`,
    );
  const clash = existing.find((r) => overlaps({ startSeconds: r.start_seconds, endSeconds: r.end_seconds }, body));
  if (clash)
    throw new AppError(
      'conflict',
      `Some of these words are already struck out (${secondsText(clash.start_seconds)} to ${secondsText(clash.end_seconds)}). Undo that first, then strike out the whole stretch you want.`,
    );

  const link = await ctx.transcripts.linkOf(clip);
  const live = await ctx.collab.registry.open(link.document_id, clip.workspace_id);
  let struck: StruckSegment[] = [];
  const update = updateAgainst(Y.encodeStateAsUpdate(live.ydoc), (doc) => {
    struck = strikeFromDoc(doc, body);
  });
  const row: ClipRedactionsTable = {
    id: randomUUID(),
    clip_id: clip.id,
    workspace_id: clip.workspace_id,
    start_seconds: body.startSeconds,
    end_seconds: body.endSeconds,
    struck: JSON.stringify(struck),
    created_by: userId,
    created_at: nowIso(),
  };
  await services.clipRedactions.insert(row);
  if (struck.length > 0) await live.submitServerChange(update, userId);
  await changed(ctx, clip, userId, 'transcript.redacted', row);
  return presentRedaction(row, true);
}

/** Undo (the contributor, or an admin): the words go back into the live transcript first, then the row goes. */
export async function deleteRedaction(
  ctx: RedactionContext,
  clipId: string,
  redactionId: string,
  userId: string,
): Promise<void> {
  const { services } = ctx;
  const { clip } = await loadTranscriptFor(services, clipId, userId, 'transcript.redact');
  const row = await services.clipRedactions.find(redactionId);
  if (!row || row.clip_id !== clip.id) throw notFound('struck-out stretch');
  const struck = parseStruck(row);
  if (struck.length > 0) {
    const link = await ctx.transcripts.linkOf(clip);
    const live = await ctx.collab.registry.open(link.document_id, clip.workspace_id);
    await live.submitServerChange(
      updateAgainst(Y.encodeStateAsUpdate(live.ydoc), (doc) => restoreToDoc(doc, struck)),
      userId,
    );
  }
  await services.clipRedactions.delete(row.id);
  await changed(ctx, clip, userId, 'transcript.unredacted', row);
}

/** After either change: the audit trail (times only, never the words), the search index, and whoever listens. */
async function changed(
  ctx: RedactionContext,
  clip: { id: string; workspace_id: string },
  userId: string,
  action: 'transcript.redacted' | 'transcript.unredacted',
  row: ClipRedactionsTable,
) {
  const { services } = ctx;
  await services.audit.record({
    workspaceId: clip.workspace_id,
    actorId: userId,
    action,
    subjectId: clip.id,
    detail: { redactionId: row.id, startSeconds: row.start_seconds, endSeconds: row.end_seconds },
  });
  // Indexed again from the changed transcript before the next search.
  await services.search.forget(clip.id);
  services.bus.emit('clip:redactions', {
    workspaceId: clip.workspace_id,
    clipId: clip.id,
    change: action === 'transcript.redacted' ? 'added' : 'removed',
    redactionId: row.id,
    startSeconds: row.start_seconds,
    endSeconds: row.end_seconds,
  });
}
