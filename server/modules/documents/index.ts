import { documentKinds } from '../../../shared/contracts/documents';
import type { ChorusModule } from '../chorusModule';
import { writtenDocumentCollabAccess } from './documentOperations';
import { documentRoutes } from './documentRoutes';

/** Written documents (publications and scripts): their routes, and their rules for live editing on `/collab`. */
export const documentsModule: ChorusModule = {
  name: 'documents',
  setUp: ({ api, services, collab }) => {
    collab.kinds.register(documentKinds, writtenDocumentCollabAccess);
    documentRoutes(api, services, collab);
  },
};
