import type { ChorusModule } from '../chorusModule';
import { exportDocumentJob } from './exportDocumentJob';
import { forwardExportEvents } from './exportRealtime';
import { exportRoutes } from './exportRoutes';

/** Exports of written documents to files (HTML, Markdown, DOCX): their job, routes and progress events. */
export const exportsModule: ChorusModule = {
  name: 'exports',
  setUp: ({ api, services, collab }) => {
    services.jobs.register(exportDocumentJob(services, collab));
    exportRoutes(api, services);
    return { attach: (io) => forwardExportEvents(io, services.bus) };
  },
};
