import {
  episodeListSchema,
  episodeSchema,
  renderListSchema,
  renderSchema,
  showSchema,
  timelineResponseSchema,
  type CreateEpisodeBody,
  type Episode,
  type Render,
  type Show,
  type ShowBody,
  type Timeline,
  type UpdateEpisodeBody,
} from '../../../../shared/contracts/episodes';
import { isApiError } from '../../api/ApiError';
import { requestJson } from '../../api/http';

const inWorkspace = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const one = (id: string) => `/api/episodes/${encodeURIComponent(id)}`;

/** The show, or null when nobody has set it up yet. */
export async function getShow(workspaceId: string): Promise<Show | null> {
  try {
    return await requestJson('GET', `${inWorkspace(workspaceId)}/show`, showSchema);
  } catch (e) {
    if (isApiError(e) && e.code === 'not_found') return null;
    throw e;
  }
}

export const putShow = (workspaceId: string, body: ShowBody): Promise<Show> =>
  requestJson('PUT', `${inWorkspace(workspaceId)}/show`, showSchema, body);

export const listEpisodes = async (workspaceId: string): Promise<Episode[]> =>
  (await requestJson('GET', `${inWorkspace(workspaceId)}/episodes`, episodeListSchema)).episodes;

export const createEpisode = (workspaceId: string, body: CreateEpisodeBody): Promise<Episode> =>
  requestJson('POST', `${inWorkspace(workspaceId)}/episodes`, episodeSchema, body);

export const getEpisode = (id: string): Promise<Episode> => requestJson('GET', one(id), episodeSchema);

export const updateEpisode = (id: string, body: UpdateEpisodeBody): Promise<Episode> =>
  requestJson('PATCH', one(id), episodeSchema, body);

export const getTimeline = (id: string): Promise<Timeline> =>
  requestJson('GET', `${one(id)}/timeline`, timelineResponseSchema);

export const putTimeline = (id: string, timeline: Timeline): Promise<Timeline> =>
  requestJson('PUT', `${one(id)}/timeline`, timelineResponseSchema, timeline);

export const startRender = (id: string): Promise<Render> => requestJson('POST', `${one(id)}/render`, renderSchema, {});

export const listRenders = async (id: string): Promise<Render[]> =>
  (await requestJson('GET', `${one(id)}/renders`, renderListSchema)).renders;

export const setPublished = (id: string, publish: boolean): Promise<Episode> =>
  requestJson('POST', `${one(id)}/${publish ? 'publish' : 'unpublish'}`, episodeSchema, {});
