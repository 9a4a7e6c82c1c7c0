import {
  exportSchema,
  exportStartedSchema,
  type CreateExportBody,
  type DocumentExport,
} from '../../../../../shared/contracts/exports';
import { requestJson } from '../../../api/http';

export const startExport = async (documentId: string, body: CreateExportBody): Promise<string> =>
  (await requestJson('POST', `/api/documents/${encodeURIComponent(documentId)}/exports`, exportStartedSchema, body)).id;

export const getExport = (id: string): Promise<DocumentExport> =>
  requestJson('GET', `/api/exports/${encodeURIComponent(id)}`, exportSchema);
