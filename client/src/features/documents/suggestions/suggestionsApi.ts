import {
  documentSuggestionListSchema,
  type DocumentSuggestionList,
} from '../../../../../shared/contracts/documentSuggestions';
import { requestJson } from '../../../api/http';

export const listSuggestions = (documentId: string): Promise<DocumentSuggestionList> =>
  requestJson('GET', `/api/documents/${encodeURIComponent(documentId)}/suggestions`, documentSuggestionListSchema);
