import type { ChorusModule } from '../chorusModule';
import { exportDocumentJob } from './exportDocumentJob';
import { exportThread } from './exportThread';
import { forwardExportEvents } from './exportRealtime';
import { exportRoutes } from './exportRoutes';

/** Exports of written documents to files (HTML, Markdown, DOCX, PDF, EPUB): their job, routes and progress events. */
export const exportsModule: ChorusModule = {
  name: 'exports',
  setUp: ({ api, services, collab }) => {
    const thread = exportThread();
    services.jobs.register(exportDocumentJob(services, collab, thread));
    exportRoutes(api, services);
    return { attach: (io) => forwardExportEvents(io, services.bus), close: thread.close };
  },
};
