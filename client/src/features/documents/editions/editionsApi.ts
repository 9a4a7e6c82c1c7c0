import {
  editionListSchema,
  editionSchema,
  editionSignoffListSchema,
  myEditionSignoffSchema,
  type CreateEditionBody,
  type Edition,
  type MyEditionSignoff,
} from '../../../../../shared/contracts/editions';
import type { SignoffBody } from '../../../../../shared/contracts/signoffs';
import { requestJson } from '../../../api/http';

const editions = (docId: string) => `/api/documents/${encodeURIComponent(docId)}/editions`;
const one = (id: string) => `/api/editions/${encodeURIComponent(id)}`;

/** Newest first, with whether the caller may publish. */
export const listEditions = (docId: string) => requestJson('GET', editions(docId), editionListSchema);

export const publishEdition = (docId: string, body: CreateEditionBody): Promise<Edition> =>
  requestJson('POST', editions(docId), editionSchema, body);

export const unpublishEdition = (id: string): Promise<Edition> =>
  requestJson('POST', `${one(id)}/unpublish`, editionSchema);

export const mySignoff = (id: string): Promise<MyEditionSignoff> =>
  requestJson('GET', `${one(id)}/signoffs/me`, myEditionSignoffSchema);

export const decideSignoff = (id: string, body: SignoffBody) =>
  requestJson('POST', `${one(id)}/signoffs/me`, editionSignoffListSchema, body);
