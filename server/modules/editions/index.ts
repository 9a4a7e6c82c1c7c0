import type { ChorusModule } from '../chorusModule';
import { advanceEdition } from './editionOperations';
import { editionRoutes } from './editionRoutes';
import { filesOf } from './editionRows';
import { deleteLateFiles, withdrawEditionsOnConsentLoss } from './editionWithdrawal';
import { publicationRoutes } from './publicationRoutes';

/**
 * Published editions of documents (issue 11 §4): numbered editions made from named versions by the export jobs,
 * signed off by the people quoted in them, public at `/publications/…` until unpublished or withdrawn.
 */
export const editionsModule: ChorusModule = {
  name: 'editions',
  setUp: ({ api, services, collab }) => {
    editionRoutes(api, services, collab);
    publicationRoutes(api, services);
    withdrawEditionsOnConsentLoss(services);
    // An edition moves on when one of its files is made (or could not be); GET moves it on too, should this be missed.
    services.bus.on('export:updated', (e) => {
      if (e.status !== 'ready' && e.status !== 'failed') return;
      void (async () => {
        for (const row of await services.editions.listForDocument(e.documentId)) {
          if (!Object.values(filesOf(row)).includes(e.exportId)) continue;
          if (row.status === 'withdrawn' || row.status === 'failed') await deleteLateFiles(services, row);
          else await advanceEdition(services, row);
        }
      })().catch((err: unknown) =>
        services.logger.error({ err, exportId: e.exportId }, 'could not move an edition on after its file was made'),
      );
    });
  },
};
