import { z } from 'zod';
import { idSchema } from '../../../shared/contracts/common';
import type { ExportFormat } from '../../../shared/contracts/exports';
import { nowIso } from '../../clock';
import type { CollabServer } from '../../collab/collabServer';
import type { DocumentExportsTable } from '../../db/schema';
import { isAppError } from '../../errors';
import { defineJob, PermanentJobError, type JobSpec } from '../../jobs/jobTypes';
import type { Services } from '../../services';
import { documentExportKey } from '../../storage/keys';
import { versionState } from '../documents/versionOperations';
import { exportEvent } from './exportRealtime';
import { creditsOf } from '../documentCredits/documentCredits';
import { quoteBlocksForExport } from '../quotes/quotesForReaders';
import { imagesForExport } from '../documentImages/imagesForExport';
import type { ExportThread } from './exportThread';
import { exportFormatters } from './formats/index';
import { titlePageForExport } from '../titlePages/titlePageOperations';
import { copyFactsOf } from './copyFacts';

export const exportDocumentJobSpec: JobSpec<{ exportId: string }> = {
  name: 'document.export',
  payload: z.object({ exportId: idSchema }),
  retry: { maxAttempts: 2, baseDelayMs: 2_000, factor: 4, maxDelayMs: 30_000 },
};

/**
 * Documents carry no language of their own yet; exports say English, so screen readers pick a voice and
 * Word a dictionary. (When workspaces or documents get a language, it goes in ExportSource from here.)
 */
const EXPORT_LANGUAGE = 'en';

/**
 * `document.export`: read the document's Yjs state (as it is now, or the version asked for, read as the
 * person who asked), render it as ProseMirror JSON with the shared schema and make the file (both on the
 * export thread, off the main one), and store it. Progress goes to the row and, as `export:updated`, to the
 * workspace's sockets.
 */
export function exportDocumentJob(services: Services, collab: CollabServer, thread: ExportThread) {
  const exportsRepo = services.documentExports;
  const update = async (row: DocumentExportsTable, patch: Partial<DocumentExportsTable>) => {
    Object.assign(row, patch);
    await exportsRepo.update(row.id, patch);
    services.bus.emit('export:updated', exportEvent(row));
  };
  return defineJob({
    ...exportDocumentJobSpec,
    async run({ exportId }, job) {
      const row = await exportsRepo.find(exportId);
      if (!row || row.status === 'ready') return;
      const doc = await services.documents.findById(row.document_id);
      const formatter = exportFormatters[row.format as ExportFormat];
      if (!doc) return; // removed since; the row went with it
      if (!formatter) throw new PermanentJobError(`Exports to “${row.format}” are not made by this server.`);
      const step = async (progress: number) => {
        job.progress(progress);
        await update(row, { status: 'running', progress });
      };
      await step(0);
      const state = await (
        row.version_id
          ? versionState(services, collab, doc.id, row.version_id, row.created_by)
          : collab.readState(doc.id)
      ).catch((e: unknown) => {
        // No longer allowed to read it, or the version is gone: trying again cannot help.
        throw isAppError(e) && e.code !== 'unavailable' ? new PermanentJobError(e.message, { cause: e }) : e;
      });
      await step(0.2);
      const made = await thread.build({
        state,
        format: row.format as ExportFormat,
        title: row.title ?? doc.title,
        language: EXPORT_LANGUAGE,
        quotes: await quoteBlocksForExport(services, doc.id, doc.workspace_id),
        acknowledgements: (await creditsOf(services, doc)).acknowledgements,
        titlePage: await titlePageForExport(services, doc),
        copy: await copyFactsOf(services, row),
        images: await imagesForExport(services, doc.id, state),
      });
      const bytes = Buffer.from(made.buffer, made.byteOffset, made.byteLength);
      await step(0.8);
      const key = documentExportKey(row.workspace_id, row.document_id, row.id, formatter.extension);
      await services.blobs.put(key, bytes, { contentType: formatter.contentType });
      job.progress(1);
      await update(row, {
        status: 'ready',
        progress: 1,
        blob_key: key,
        size_bytes: bytes.length,
        failure_reason: null,
        finished_at: nowIso(),
      });
    },
    async onFinalFailure({ exportId }, reason) {
      const row = await exportsRepo.find(exportId);
      if (row) await update(row, { status: 'failed', progress: null, failure_reason: reason, finished_at: nowIso() });
    },
  });
}
