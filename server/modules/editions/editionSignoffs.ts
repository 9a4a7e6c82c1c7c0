import type { EditionSignoffList, MyEditionSignoff } from '../../../shared/contracts/editions';
import type { SignoffBody } from '../../../shared/contracts/signoffs';
import { nowIso } from '../../clock';
import type { CollabServer } from '../../collab/collabServer';
import type { EditionsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { mayEdition, type Actor } from '../../policies/authorize';
import { editionAudit } from './editionRows';
import type { Services } from '../../services';
import { versionState } from '../documents/versionOperations';
import { advanceEdition, loadEdition } from './editionOperations';
import { quotesInContext, quotesPrinted } from './editionQuotes';

async function signoffList(services: Services, row: EditionsTable, actor: Actor): Promise<EditionSignoffList> {
  const rows = await services.editions.signoffs(row.id);
  const enabled = await services.signoffs.enabledIn(row.workspace_id);
  const required = rows.map((s) => ({
    userId: s.user_id,
    name: s.name,
    state: s.state,
    note: s.note,
    at: s.decided_at,
  }));
  return {
    required,
    complete: !enabled || row.override_reason !== null || required.every((s) => s.state === 'approved'),
    enabled,
    abilities: { override: mayEdition(actor, 'edition.publishWithoutSignoff') },
  };
}

/** Everyone quoted in the edition and where their sign-off of their quotes stands (any member). */
export async function listEditionSignoffs(services: Services, editionId: string, userId: string) {
  const { row, actor } = await loadEdition(services, editionId, userId);
  return signoffList(services, row, actor);
}

/** The caller's own quotes in the edition, each with the passages around it, and their sign-off. */
export async function myEditionSignoff(
  services: Services,
  collab: CollabServer,
  editionId: string,
  userId: string,
): Promise<MyEditionSignoff> {
  const { row } = await loadEdition(services, editionId, userId);
  const mine = (await services.editions.signoffs(row.id)).find((s) => s.user_id === userId);
  const state = await versionState(services, collab, row.document_id, row.version_id, userId);
  const quotes = (await quotesPrinted(services, row.document_id, state)).filter(
    (q) => q.clip.contributor_id === userId,
  );
  return {
    edition: { id: row.id, title: row.title, number: row.number, documentId: row.document_id },
    quoted: mine !== undefined,
    quotes: mine ? quotesInContext(state, quotes) : [],
    signoff: mine ? { userId, name: mine.name, state: mine.state, note: mine.note, at: mine.decided_at } : null,
  };
}

/**
 * A quoted person approves their quotes in the edition, or asks for a change with a note (only the people asked;
 * others 403). Approval by the last of them makes the edition public, once its files are made.
 */
export async function decideEditionSignoff(
  services: Services,
  editionId: string,
  userId: string,
  body: SignoffBody,
): Promise<EditionSignoffList> {
  const { row, actor } = await loadEdition(services, editionId, userId);
  const mine = (await services.editions.signoffs(row.id)).find((s) => s.user_id === userId);
  if (!mine)
    throw new AppError('forbidden', 'Only the people quoted in this edition are asked to approve their quotes in it.');
  if (row.status !== 'preparing' && row.status !== 'pending_signoff')
    throw new AppError(
      'conflict',
      row.status === 'published'
        ? 'This edition is already public; your answer can no longer change it. Tell its editors if you want a change.'
        : 'This edition is no longer waiting for sign-off.',
    );
  const at = nowIso();
  await services.transaction(async (tx) => {
    await services.editions.decide(
      {
        edition_id: row.id,
        user_id: userId,
        workspace_id: row.workspace_id,
        state: body.decision,
        note: body.note ?? null,
        decided_at: at,
      },
      tx,
    );
    await services.audit.record(editionAudit(row, userId, 'edition.signoff', { decision: body.decision }), tx);
  });
  await advanceEdition(services, row);
  return signoffList(services, (await services.editions.find(row.id)) ?? row, actor);
}
