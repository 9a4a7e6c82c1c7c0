import type { z } from 'zod';
import { episodeSchema, showSchema, type Episode, type Show } from '../../../../../shared/contracts/episodes';
import { creditListSchema, type Credit } from '../../../../../shared/contracts/publishing';
import { requestJson } from '../../../api/http';

const one = (id: string) => `/api/episodes/${encodeURIComponent(id)}`;

/** PUTs one file as a multipart form (what the server's upload routes read) and checks the answer. */
function putFile<T>(path: string, field: string, file: File, schema: z.ZodType<T>): Promise<T> {
  const form = new FormData();
  form.append(field, file, file.name);
  return requestJson('PUT', path, schema, form);
}

export const uploadShowArtwork = (workspaceId: string, file: File): Promise<Show> =>
  putFile(`/api/workspaces/${encodeURIComponent(workspaceId)}/show/artwork`, 'image', file, showSchema);
export const uploadEpisodeArtwork = (episodeId: string, file: File): Promise<Episode> =>
  putFile(`${one(episodeId)}/artwork`, 'image', file, episodeSchema);
export const uploadTranscript = (episodeId: string, file: File): Promise<Episode> =>
  putFile(`${one(episodeId)}/transcript`, 'file', file, episodeSchema);
export const removeTranscript = (episodeId: string): Promise<Episode> =>
  requestJson('DELETE', `${one(episodeId)}/transcript`, episodeSchema);
export const linkScriptDocument = (episodeId: string, scriptDocumentId: string | null): Promise<Episode> =>
  requestJson('PATCH', one(episodeId), episodeSchema, { scriptDocumentId });
export const getCredits = async (episodeId: string): Promise<Credit[]> =>
  (await requestJson('GET', `${one(episodeId)}/credits`, creditListSchema)).credits;
