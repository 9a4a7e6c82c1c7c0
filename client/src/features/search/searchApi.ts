import { searchResultsSchema, type SearchResult } from '../../../../shared/contracts/search';
import { requestJson } from '../../api/http';

export const searchWorkspace = async (workspaceId: string, q: string): Promise<SearchResult[]> =>
  (
    await requestJson(
      'GET',
      `/api/workspaces/${encodeURIComponent(workspaceId)}/search?q=${encodeURIComponent(q)}`,
      searchResultsSchema,
    )
  ).results;
