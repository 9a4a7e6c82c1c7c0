import {
  strengthsListSchema,
  taskOfferSchema,
  type GrantableAbility,
  type OfferBody,
  type StrengthsBody,
  type StrengthsList,
  type TaskOffer,
} from '../../../../shared/contracts/strengths';
import { requestJson } from '../../api/http';

const member = (id: string, userId: string) =>
  `/api/workspaces/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`;

export const getStrengths = (id: string): Promise<StrengthsList> =>
  requestJson('GET', `/api/workspaces/${encodeURIComponent(id)}/strengths`, strengthsListSchema);

export const saveMyStrengths = (id: string, myId: string, body: StrengthsBody): Promise<StrengthsList> =>
  requestJson('PUT', `${member(id, myId)}/strengths`, strengthsListSchema, body);

export const offerTask = (id: string, userId: string, body: OfferBody): Promise<TaskOffer> =>
  requestJson('POST', `${member(id, userId)}/offers`, taskOfferSchema, body);

export const answerOffer = (offerId: string, answer: 'accepted' | 'declined'): Promise<TaskOffer> =>
  requestJson('POST', `/api/offers/${encodeURIComponent(offerId)}/answer`, taskOfferSchema, { answer });

export const setGrant = (
  id: string,
  userId: string,
  ability: GrantableAbility,
  give: boolean,
): Promise<StrengthsList> =>
  requestJson(give ? 'PUT' : 'DELETE', `${member(id, userId)}/grants/${ability}`, strengthsListSchema);
