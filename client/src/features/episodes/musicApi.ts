import { musicAssetSchema, musicListSchema, type MusicAsset } from '../../../../shared/contracts/music';
import { ApiError } from '../../api/ApiError';
import { errorFromAnswer, requestJson } from '../../api/http';

const musicPath = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/music`;

export const listMusic = async (workspaceId: string): Promise<MusicAsset[]> => (await requestJson('GET', musicPath(workspaceId), musicListSchema)).music;

/** Sends a music file with its title first, as the server reads the fields before the file. */
export async function uploadMusic(workspaceId: string, title: string, file: File): Promise<MusicAsset> {
  const form = new FormData();
  form.append('title', title);
  form.append('audio', file, file.name);
  let response: Response;
  try {
    response = await fetch(musicPath(workspaceId), { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new ApiError('unavailable', 'We could not reach Chorus. Check your internet connection, then try again.', { status: 0, cause });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorFromAnswer(response.status, body);
  const parsed = musicAssetSchema.safeParse(body);
  if (!parsed.success) throw new ApiError('internal', 'Chorus sent an answer this page did not understand. Reload the page and try again.', { status: response.status });
  return parsed.data;
}
