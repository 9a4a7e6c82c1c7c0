import type { ExportFormat } from '../../../../shared/contracts/exports';
import type { ExportSource } from './readableBody';

/** How one format is made and offered. */
export interface ExportFormatter {
  extension: string;
  contentType: string;
  build(source: ExportSource): Promise<Uint8Array | string>;
}

// Each format's library is loaded when it is first used: the export thread then starts with only what the
// asked format needs (the HTML renderer's server-side DOM alone takes seconds to load on a busy machine).

/** The formats this server makes; a format missing here is answered with 422 and this list. */
export const exportFormatters: Partial<Record<ExportFormat, ExportFormatter>> = {
  html: {
    extension: 'html',
    contentType: 'text/html; charset=utf-8',
    build: async (s) => (await import('./html')).exportHtml(s),
  },
  md: {
    extension: 'md',
    contentType: 'text/markdown; charset=utf-8',
    build: async (s) => (await import('./markdown')).exportMarkdown(s),
  },
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    build: async (s) => (await import('./docx')).exportDocx(s),
  },
  pdf: { extension: 'pdf', contentType: 'application/pdf', build: async (s) => (await import('./pdf')).exportPdf(s) },
  epub: {
    extension: 'epub',
    contentType: 'application/epub+zip',
    build: async (s) => (await import('./epub')).exportEpub(s),
  },
};
