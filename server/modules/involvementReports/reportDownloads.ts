import type { JSONContent } from '@tiptap/core';
import { exportFormatters } from '../exports/formats/index';
import { exportSourceOf } from '../exports/formats/readableBody';
import type { Services } from '../../services';
import { getGripp2, getImpactLog } from './reportOperations';
import { gripp2Document, gripp2Title, impactLogDocument, impactLogTitle } from './reportDocument';

export type ReportKind = 'gripp2' | 'impact-log';
export type ReportFormat = 'md' | 'docx' | 'pdf';

export interface ReportFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * A report as a file, made by the export formatters from the report's ProseMirror JSON. The export thread takes
 * a document's Yjs state, not JSON, so the formatter is called here directly (a report is a few pages; a PDF of
 * it typesets in a moment).
 */
export async function reportFile(
  services: Services,
  workspaceId: string,
  userId: string,
  kind: ReportKind,
  format: ReportFormat,
): Promise<ReportFile> {
  let json: JSONContent;
  let title: string;
  const workspace = async () => (await services.workspaces.findById(workspaceId))?.name ?? 'This workspace';
  if (kind === 'gripp2') {
    const report = await getGripp2(services, workspaceId, userId);
    json = gripp2Document(await workspace(), report.items, report.evidence);
    title = gripp2Title;
  } else {
    const log = await getImpactLog(services, workspaceId, userId);
    json = impactLogDocument(await workspace(), log.entries);
    title = impactLogTitle;
  }
  const formatter = exportFormatters[format];
  if (!formatter) throw new Error(`Reports as “${format}” are not made by this server.`);
  const made = await formatter.build(exportSourceOf(title, 'en-GB', json));
  return {
    bytes: typeof made === 'string' ? Buffer.from(made, 'utf8') : Buffer.from(made),
    contentType: formatter.contentType,
    fileName: `${kind === 'gripp2' ? 'involvement-report-gripp2' : 'impact-log'}.${formatter.extension}`,
  };
}
