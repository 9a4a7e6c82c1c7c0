import {
  titlePageResponseSchema,
  type TitlePageBody,
  type TitlePageResponse,
} from '../../../../../shared/contracts/titlePage';
import { requestJson } from '../../../api/http';

const path = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/title-page`;

export const getTitlePage = (documentId: string): Promise<TitlePageResponse> =>
  requestJson('GET', path(documentId), titlePageResponseSchema);

export const saveTitlePage = (documentId: string, body: TitlePageBody): Promise<TitlePageResponse> =>
  requestJson('PUT', path(documentId), titlePageResponseSchema, body);
