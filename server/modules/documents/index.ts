import { documentKinds } from '../../../shared/contracts/documents';
import type { CollabServer } from '../../collab/collabServer';
import type { Api } from '../../http/route';
import type { Services } from '../../services';
import { writtenDocumentCollabAccess } from './documentOperations';
import { documentRoutes } from './documentRoutes';

/** Written documents (publications and scripts): their routes, and their rules for live editing on `/collab`. */
export function setUpDocuments(services: Services, api: Api, collab: CollabServer): void {
  collab.kinds.register(documentKinds, writtenDocumentCollabAccess);
  documentRoutes(api, services, collab);
}
