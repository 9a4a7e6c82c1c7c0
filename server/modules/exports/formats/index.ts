import type { ExportFormat } from '../../../../shared/contracts/exports';
import { exportDocx } from './docx';
import { exportEpub } from './epub';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { exportPdf } from './pdf';
import type { ExportSource } from './readableBody';

/** How one format is made and offered. */
export interface ExportFormatter {
  extension: string;
  contentType: string;
  build(source: ExportSource): Promise<Uint8Array | string>;
}

/** The formats this server makes; a format missing here is answered with 422 and this list. */
export const exportFormatters: Partial<Record<ExportFormat, ExportFormatter>> = {
  html: { extension: 'html', contentType: 'text/html; charset=utf-8', build: async (s) => exportHtml(s) },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8', build: async (s) => exportMarkdown(s) },
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    build: exportDocx,
  },
  pdf: { extension: 'pdf', contentType: 'application/pdf', build: exportPdf },
  epub: { extension: 'epub', contentType: 'application/epub+zip', build: exportEpub },
};
