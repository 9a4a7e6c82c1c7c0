import { episodeSchema, type Episode } from '../../../../../shared/contracts/episodes';
import {
  mySignoffSchema,
  signoffListSchema,
  signoffSettingSchema,
  type MySignoff,
  type SignoffBody,
  type SignoffList,
  type SignoffSetting,
} from '../../../../../shared/contracts/signoffs';
import { requestJson } from '../../../api/http';

const signoffs = (episodeId: string) => `/api/episodes/${encodeURIComponent(episodeId)}/signoffs`;

export const getSignoffs = (episodeId: string): Promise<SignoffList> =>
  requestJson('GET', signoffs(episodeId), signoffListSchema);

export const getMySignoff = (episodeId: string): Promise<MySignoff> =>
  requestJson('GET', `${signoffs(episodeId)}/me`, mySignoffSchema);

export const decideSignoff = (episodeId: string, body: SignoffBody): Promise<SignoffList> =>
  requestJson('POST', `${signoffs(episodeId)}/me`, signoffListSchema, body);

/** An admin publishes before everyone heard has signed off, giving the reason. */
export const publishWithoutSignoff = (episodeId: string, reason: string): Promise<Episode> =>
  requestJson('POST', `/api/episodes/${encodeURIComponent(episodeId)}/publish`, episodeSchema, {
    override: { reason },
  });

export const putSignoffSetting = (workspaceId: string, enabled: boolean): Promise<SignoffSetting> =>
  requestJson('PUT', `/api/workspaces/${encodeURIComponent(workspaceId)}/signoff-setting`, signoffSettingSchema, {
    enabled,
  });
