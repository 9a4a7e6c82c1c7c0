import { randomUUID } from 'node:crypto';
import {
  editionFormats,
  type CreateEditionBody,
  type Edition,
  type EditionFormat,
} from '../../../shared/contracts/editions';
import type { PublishBody } from '../../../shared/contracts/signoffs';
import { nowIso } from '../../clock';
import type { CollabServer } from '../../collab/collabServer';
import type { DocumentExportsTable, EditionsTable } from '../../db/schema';
import { AppError, isAppError, notFound } from '../../errors';
import { authorizeEdition, mayEdition, type Actor } from '../../policies/authorize';
import { consentFactsOf, editionMayBePublic } from '../../policies/consent';
import type { Services } from '../../services';
import { documentAccess } from '../documents/documentOperations';
import { versionState } from '../documents/versionOperations';
import { exportFileName } from '../exports/exportFileName';
import { exportFileUrl, formatterFor, queueExport } from '../exports/exportOperations';
import { exportEvent } from '../exports/exportRealtime';
import { quotesPrinted } from './editionQuotes';
import { filesOf, publicationPath, quotedClipIdsOf, editionAudit } from './editionRows';
import { deleteFiles, withdrawEdition } from './editionWithdrawal';

/** The editions a caller may see: any member of the document's workspace; to everyone else it does not exist. */
export async function loadEdition(
  services: Services,
  editionId: string,
  userId: string,
): Promise<{ row: EditionsTable; actor: Actor }> {
  const row = await services.editions.find(editionId);
  if (!row) throw notFound('edition');
  try {
    const { actor } = await documentAccess(services, row.document_id, userId);
    authorizeEdition(actor, 'edition.view');
    return { row, actor };
  } catch (e) {
    if (isAppError(e) && (e.code === 'not_found' || e.code === 'forbidden')) throw notFound('edition');
    throw e;
  }
}

export async function presentEdition(services: Services, row: EditionsTable): Promise<Edition> {
  const exportIds = filesOf(row);
  const exports = await Promise.all(editionFormats.map((f) => services.documentExports.find(exportIds[f])));
  const signoffs = await services.editions.signoffs(row.id);
  const published = row.status === 'published';
  const overrideBy = row.override_by ? await services.users.findById(row.override_by) : undefined;
  return {
    id: row.id,
    documentId: row.document_id,
    workspaceId: row.workspace_id,
    number: row.number,
    title: row.title,
    versionId: row.version_id,
    status: row.status,
    reason: row.reason,
    progress: exports.reduce((sum, e) => sum + (e?.status === 'ready' ? 1 : (e?.progress ?? 0)), 0) / 4,
    files: editionFormats.map((format, i) => {
      const ready = exports[i]?.status === 'ready' && exports[i]?.blob_key != null;
      return {
        format,
        ready,
        url: ready ? exportFileUrl(exportIds[format]) : null,
        publicUrl: published ? `${publicationPath(row.workspace_id, row.id)}/files/${format}` : null,
      };
    }),
    publicUrl: publicationPath(row.workspace_id, row.id),
    createdBy: row.created_by,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    signoffsWaiting: row.override_reason ? 0 : signoffs.filter((s) => s.state !== 'approved').length,
    override: row.override_reason ? { reason: row.override_reason, by: overrideBy?.name ?? 'an admin' } : null,
  };
}

/**
 * Publishes an edition of a document from one of its named versions (editors and admins): the edition is numbered,
 * its four files are made once by export jobs (the HTML, PDF, DOCX and EPUB exports of that version, printed with
 * the edition's title), and the people whose words it quotes are asked to approve them. It goes public once the
 * files are made and every one of them has approved (`advanceEdition`).
 */
export async function createEdition(
  services: Services,
  collab: CollabServer,
  documentId: string,
  userId: string,
  body: CreateEditionBody,
): Promise<Edition> {
  const { row: doc, actor } = await documentAccess(services, documentId, userId);
  authorizeEdition(actor, 'edition.publish');
  const version = await services.documentVersions.find(doc.id, body.versionId);
  if (!version)
    throw new AppError(
      'not_found',
      'We could not find that version of this document. Choose one of its named versions in the version history.',
    );
  if (!version.name)
    throw new AppError(
      'unprocessable_content',
      'An edition is made from a named version, and this one is an automatic copy. Name a version first, then publish it.',
    );
  const printed = await quotesPrinted(
    services,
    doc.id,
    await versionState(services, collab, doc.id, version.id, userId),
  );
  const quotedClipIds = [...new Set(printed.map((q) => q.clip.id))];
  const askEnabled = await services.signoffs.enabledIn(doc.workspace_id);
  // The publisher's publishing counts as approving their own quotes.
  const asked = askEnabled ? [...new Set(printed.map((q) => q.clip.contributor_id))].filter((id) => id !== userId) : [];

  const at = nowIso();
  const row: EditionsTable = {
    id: randomUUID(),
    document_id: doc.id,
    workspace_id: doc.workspace_id,
    number: 0,
    title: body.title,
    version_id: version.id,
    status: 'preparing',
    reason: null,
    files: '{}',
    quoted_clip_ids: JSON.stringify(quotedClipIds),
    override_reason: null,
    override_by: null,
    created_by: userId,
    created_at: at,
    published_at: null,
    ended_at: null,
  };
  const exports: DocumentExportsTable[] = [];
  await services.transaction(async (tx) => {
    row.number = await services.editions.nextNumber(doc.id, tx);
    const files = {} as Record<EditionFormat, string>;
    for (const format of editionFormats) {
      const formatter = formatterFor(format);
      const exp: DocumentExportsTable = {
        id: randomUUID(),
        document_id: doc.id,
        workspace_id: doc.workspace_id,
        version_id: version.id,
        format,
        status: 'queued',
        progress: 0,
        failure_reason: null,
        file_name: exportFileName(body.title, formatter.extension, `edition ${row.number}`),
        blob_key: null,
        size_bytes: null,
        created_by: userId,
        created_at: at,
        finished_at: null,
        title: body.title,
      };
      files[format] = exp.id;
      exports.push(exp);
    }
    row.files = JSON.stringify(files);
    await services.editions.insert(row, tx);
    for (const exp of exports) await queueExport(services, exp, tx);
    await services.editions.insertSignoffs(
      asked.map((id) => ({
        edition_id: row.id,
        user_id: id,
        workspace_id: row.workspace_id,
        state: 'pending' as const,
        note: null,
        decided_at: null,
      })),
      tx,
    );
    await services.audit.record(
      editionAudit(row, userId, 'edition.created', {
        documentId: doc.id,
        versionId: version.id,
        number: row.number,
        quotedClipIds,
        asked,
      }),
      tx,
    );
  });
  services.jobs.wake();
  for (const exp of exports) services.bus.emit('export:updated', exportEvent(exp));
  if (asked.length > 0)
    services.bus.emit('edition:signoffRequested', {
      workspaceId: row.workspace_id,
      editionId: row.id,
      userIds: asked,
    });
  return presentEdition(services, row);
}

export async function listEditions(services: Services, documentId: string, userId: string) {
  const { row: doc, actor } = await documentAccess(services, documentId, userId);
  authorizeEdition(actor, 'edition.view');
  const rows = await services.editions.listForDocument(doc.id);
  for (const row of rows) await advanceEdition(services, row);
  const editions = await Promise.all(
    (await services.editions.listForDocument(doc.id)).map((r) => presentEdition(services, r)),
  );
  return { editions, abilities: { publish: mayEdition(actor, 'edition.publish') } };
}

export async function getEdition(services: Services, editionId: string, userId: string): Promise<Edition> {
  const { row } = await loadEdition(services, editionId, userId);
  await advanceEdition(services, row);
  return presentEdition(services, (await services.editions.find(row.id)) ?? row);
}

/** The consent in force for each recording quoted in an edition. */
export async function quotedConsent(services: Services, row: EditionsTable) {
  const ids = quotedClipIdsOf(row);
  const [clips, consents] = await Promise.all([
    Promise.all(ids.map((id) => services.clips.findById(id))),
    services.clips.latestConsents(ids),
  ]);
  return clips.map((clip, i) => ({
    clipId: ids[i]!,
    clip,
    facts: clip ? consentFactsOf(consents.get(clip.id), clip.withdrawn_at) : undefined,
  }));
}

/**
 * Moves a preparing or waiting edition on as far as it may go: failed when a file could not be made; withdrawn when
 * a quoted voice may no longer be read by anyone (the consent rules); waiting for sign-off while a quoted person
 * has not approved (unless sign-off is off, or an admin overrode it); otherwise published.
 */
export async function advanceEdition(services: Services, row: EditionsTable): Promise<void> {
  if (row.status !== 'preparing' && row.status !== 'pending_signoff') return;
  const exportIds = filesOf(row);
  const exports = await Promise.all(editionFormats.map((f) => services.documentExports.find(exportIds[f])));
  const failed = exports.find((e) => !e || e.status === 'failed');
  if (failed) {
    const reason = `The ${failed?.format.toUpperCase() ?? ''} file of this edition could not be made${failed?.failure_reason ? `: ${failed.failure_reason}` : ''}. Publish a new edition.`;
    if (await services.editions.move(row.id, ['preparing'], { status: 'failed', reason, ended_at: nowIso() })) {
      await deleteFiles(services, row, reason);
      await services.audit.record(editionAudit(row, null, 'edition.failed', { reason }));
    }
    return;
  }
  if (exports.some((e) => e!.status !== 'ready')) return;
  const consent = await quotedConsent(services, row);
  if (!editionMayBePublic(consent.map((c) => c.facts))) {
    const lost = consent.find((c) => !editionMayBePublic([c.facts]));
    await withdrawEdition(services, row, lost?.clip?.title ?? 'A recording', lost?.facts?.withdrawn ?? true);
    return;
  }
  const waiting =
    row.override_reason === null && (await services.signoffs.enabledIn(row.workspace_id))
      ? (await services.editions.signoffs(row.id)).filter((s) => s.state !== 'approved')
      : [];
  if (waiting.length > 0) {
    if (row.status === 'preparing')
      await services.editions.move(row.id, ['preparing'], {
        status: 'pending_signoff',
        reason: 'Waiting for the people quoted in it to approve their quotes.',
      });
    return;
  }
  const at = nowIso();
  if (
    await services.editions.move(row.id, ['preparing', 'pending_signoff'], {
      status: 'published',
      reason: null,
      published_at: at,
    })
  ) {
    await services.audit.record(
      editionAudit(row, null, 'edition.published', { documentId: row.document_id, number: row.number }),
    );
  }
}

/** Takes an edition off its public page (editors and admins); its files are kept for members. */
export async function unpublishEdition(services: Services, editionId: string, userId: string): Promise<Edition> {
  const { row, actor } = await loadEdition(services, editionId, userId);
  authorizeEdition(actor, 'edition.publish');
  const moved = await services.editions.move(row.id, ['preparing', 'pending_signoff', 'published'], {
    status: 'unpublished',
    reason: null,
    ended_at: nowIso(),
  });
  if (!moved)
    throw new AppError(
      'conflict',
      row.status === 'unpublished'
        ? 'This edition is already unpublished.'
        : 'This edition is not public and cannot be again. Publish a new edition instead.',
    );
  await services.audit.record(
    editionAudit(row, userId, 'edition.unpublished', { documentId: row.document_id, number: row.number }),
  );
  return presentEdition(services, (await services.editions.find(row.id))!);
}

/**
 * An admin makes an edition public before everyone quoted in it has approved, giving a reason (audited). Without an
 * override, this only says who is waited for (409 `signoff_pending`).
 */
export async function publishEdition(
  services: Services,
  editionId: string,
  userId: string,
  body: PublishBody,
): Promise<Edition> {
  const { row, actor } = await loadEdition(services, editionId, userId);
  authorizeEdition(actor, 'edition.publish');
  if (row.status !== 'preparing' && row.status !== 'pending_signoff')
    throw new AppError(
      'conflict',
      row.status === 'published'
        ? 'This edition is already public.'
        : 'This edition cannot be made public again. Publish a new edition instead.',
    );
  const waiting = (await services.editions.signoffs(row.id)).filter((s) => s.state !== 'approved');
  if (waiting.length > 0 && row.override_reason === null && (await services.signoffs.enabledIn(row.workspace_id))) {
    if (!body.override)
      throw new AppError(
        'signoff_pending',
        `Not everyone quoted in this edition has approved their quotes: ${waiting.map((w) => w.name).join(', ')}. ` +
          'Ask them to look at their quotes on the edition’s sign-off page. An admin can publish without their sign-off, giving a reason.',
        { fields: waiting.map((w) => ({ path: `signoffs.${w.user_id}`, message: `${w.name}: ${w.state}` })) },
      );
    authorizeEdition(actor, 'edition.publishWithoutSignoff');
    await services.transaction(async (tx) => {
      await services.editions.move(
        row.id,
        ['preparing', 'pending_signoff'],
        { override_reason: body.override!.reason, override_by: userId },
        tx,
      );
      await services.audit.record(
        editionAudit(row, userId, 'edition.signoffOverridden', {
          reason: body.override!.reason,
          waitingFor: waiting.map((w) => ({ userId: w.user_id, state: w.state })),
        }),
        tx,
      );
    });
  }
  const fresh = (await services.editions.find(row.id))!;
  await advanceEdition(services, fresh);
  return presentEdition(services, (await services.editions.find(row.id))!);
}
