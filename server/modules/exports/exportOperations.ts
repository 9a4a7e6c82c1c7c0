import { randomUUID } from 'node:crypto';
import {
  availableExportFormats,
  exportFormatLabels,
  type CreateExportBody,
  type DocumentExport,
  type ExportFormat,
} from '../../../shared/contracts/exports';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';
import type { DocumentExportsTable } from '../../db/schema';
import { AppError, isAppError, notFound } from '../../errors';
import { authorizeDocumentVersion } from '../../policies/authorize';
import type { Services } from '../../services';
import { documentAccess, documentFacts } from '../documents/documentOperations';
import { exportDocumentJobSpec } from './exportDocumentJob';
import { exportFileName } from './exportFileName';
import { exportEvent } from './exportRealtime';
import { exportFormatters, type ExportFormatter } from './formats/index';

export const exportFileUrl = (id: string) => `/api/exports/${id}/file`;

export function presentExport(row: DocumentExportsTable): DocumentExport {
  return {
    id: row.id,
    documentId: row.document_id,
    versionId: row.version_id,
    format: row.format as ExportFormat,
    status: row.status,
    progress: row.progress,
    failureReason: row.failure_reason,
    url: row.status === 'ready' ? exportFileUrl(row.id) : null,
    fileName: row.file_name,
    createdAt: row.created_at,
  };
}

/** The formatter for `format`, or a 422 saying which formats can be had today. */
export function formatterFor(format: ExportFormat): ExportFormatter {
  const formatter = exportFormatters[format];
  if (!formatter) {
    throw new AppError(
      'unprocessable_content',
      `${exportFormatLabels[format]} exports are not available yet. Choose one of: ${availableExportFormats
        .map((f) => `${exportFormatLabels[f]} (“${f}”)`)
        .join(', ')}.`,
    );
  }
  return formatter;
}

/** Any member who may read the document may export it (or one of its versions); the file is made by a job. */
export async function startExport(
  services: Services,
  documentId: string,
  userId: string,
  body: CreateExportBody,
): Promise<{ id: string }> {
  const { row: doc, actor } = await documentAccess(services, documentId, userId);
  const formatter = formatterFor(body.format);
  let versionName: string | null = null;
  if (body.versionId) {
    authorizeDocumentVersion(actor, 'version.view', documentFacts(doc));
    const version = await services.documentVersions.find(doc.id, body.versionId);
    if (!version) throw notFound('version');
    versionName = version.name ?? `copy of ${version.created_at.slice(0, 16).replace('T', ' ')} UTC`;
  }
  const row: DocumentExportsTable = {
    id: randomUUID(),
    document_id: doc.id,
    workspace_id: doc.workspace_id,
    version_id: body.versionId ?? null,
    format: body.format,
    status: 'queued',
    progress: 0,
    failure_reason: null,
    file_name: exportFileName(doc.title, formatter.extension, versionName),
    blob_key: null,
    size_bytes: null,
    created_by: userId,
    created_at: nowIso(),
    finished_at: null,
  };
  await services.transaction((tx) => queueExport(services, row, tx));
  services.jobs.wake();
  services.bus.emit('export:updated', exportEvent(row));
  return { id: row.id };
}

/** Stores an export's row and queues the job that makes its file, in `tx` (another module's transaction too). */
export async function queueExport(services: Services, row: DocumentExportsTable, tx: Db): Promise<void> {
  await services.documentExports.create(row, tx);
  await services.jobs.enqueue(exportDocumentJobSpec, { exportId: row.id }, { db: tx });
}

/** An export, for anyone who may read its document; to everyone else it does not exist. */
export async function loadExport(services: Services, exportId: string, userId: string): Promise<DocumentExportsTable> {
  const row = await services.documentExports.find(exportId);
  if (!row) throw notFound('export');
  try {
    await documentAccess(services, row.document_id, userId);
  } catch (e) {
    if (isAppError(e) && (e.code === 'not_found' || e.code === 'forbidden')) throw notFound('export');
    throw e;
  }
  return row;
}
