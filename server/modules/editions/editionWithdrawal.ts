import { nowIso } from '../../clock';
import type { EditionsTable } from '../../db/schema';
import type { Services } from '../../services';
import { filesOf, quotedClipIdsOf, editionAudit } from './editionRows';

/** What editors read on an edition withdrawn because of a quoted voice. */
function withdrawalReason(clipTitle: string, withdrawn: boolean): string {
  const clip = `“${clipTitle}”`;
  const why = withdrawn
    ? `${clip}, quoted in this edition, was withdrawn by the person who made it`
    : `The person who made ${clip}, quoted in this edition, no longer agrees to anyone reading their words`;
  return `${why}, so the edition was taken off its public page and its files were deleted. Take the quote out, name a new version and publish a new edition.`;
}

/** Deletes the stored files of an edition; their export rows say why, so asking for them explains it. */
export async function deleteFiles(services: Services, row: EditionsTable, reason: string): Promise<void> {
  for (const exportId of Object.values(filesOf(row))) {
    const exp = await services.documentExports.find(exportId);
    if (!exp) continue;
    if (exp.blob_key) await services.blobs.delete(exp.blob_key);
    if (exp.blob_key || exp.status !== 'failed')
      await services.documentExports.update(exp.id, {
        status: 'failed',
        blob_key: null,
        size_bytes: null,
        progress: null,
        failure_reason: reason,
        finished_at: exp.finished_at ?? nowIso(),
      });
  }
}

/**
 * Withdraws an edition because a quoted voice may no longer be read by anyone: off its public page at once (the
 * status is what the page reads), its files deleted from storage, its editors told (`edition:withdrawn`) and the
 * audit trail records it. A new edition is needed.
 */
export async function withdrawEdition(
  services: Services,
  row: EditionsTable,
  clipTitle: string,
  withdrawn: boolean,
): Promise<void> {
  const reason = withdrawalReason(clipTitle, withdrawn);
  const moved = await services.editions.move(row.id, ['preparing', 'pending_signoff', 'published', 'unpublished'], {
    status: 'withdrawn',
    reason,
    ended_at: nowIso(),
  });
  if (!moved) return;
  await deleteFiles(services, row, reason);
  await services.audit.record(
    editionAudit(row, null, 'edition.withdrawn', {
      documentId: row.document_id,
      number: row.number,
      wasPublished: row.status === 'published',
      clipTitle,
    }),
  );
  services.bus.emit('edition:withdrawn', {
    workspaceId: row.workspace_id,
    editionId: row.id,
    documentId: row.document_id,
    title: row.title,
    number: row.number,
    reason,
  });
}

/**
 * A change of consent that takes away `quote.publish` (withdrawal, quotes off, members only): every edition whose
 * files print the clip's words is withdrawn. The public page and files also ask the consent rules at each request.
 */
export function withdrawEditionsOnConsentLoss(services: Services): void {
  const act = (workspaceId: string, clipId: string, withdrawn: boolean) =>
    void (async () => {
      const clip = await services.clips.findById(clipId);
      for (const row of await services.editions.listHoldingFiles(workspaceId)) {
        if (quotedClipIdsOf(row).includes(clipId))
          await withdrawEdition(services, row, clip?.title ?? 'A recording', withdrawn);
      }
    })().catch((err: unknown) =>
      services.logger.error({ err, clipId }, 'could not withdraw the editions quoting a clip'),
    );
  services.bus.on('clip:withdrawn', ({ workspaceId, clipId }) => act(workspaceId, clipId, true));
  services.bus.on('clip:consentLost', ({ workspaceId, clipId, lost }) => {
    if (lost.includes('quote.publish')) act(workspaceId, clipId, false);
  });
}

/** An export of a withdrawn or failed edition that finished after all the same: its file is deleted too. */
export function deleteLateFiles(services: Services, row: EditionsTable): Promise<void> {
  return deleteFiles(services, row, row.reason ?? 'This edition was withdrawn, so its files were deleted.');
}
