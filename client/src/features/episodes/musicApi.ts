import { musicAssetSchema, musicListSchema, type MusicAsset } from '../../../../shared/contracts/music';
import { requestJson } from '../../api/http';

const musicPath = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/music`;

export const listMusic = async (workspaceId: string): Promise<MusicAsset[]> =>
  (await requestJson('GET', musicPath(workspaceId), musicListSchema)).music;

/** Sends a music file with its title first, as the server reads the fields before the file. */
export function uploadMusic(workspaceId: string, title: string, file: File): Promise<MusicAsset> {
  const form = new FormData();
  form.append('title', title);
  form.append('audio', file, file.name);
  return requestJson('POST', musicPath(workspaceId), musicAssetSchema, form);
}
