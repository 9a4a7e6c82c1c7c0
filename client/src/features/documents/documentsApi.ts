import {
  documentListSchema,
  documentSchema,
  type CreateDocumentBody,
  type DocumentInfo,
  type UpdateDocumentBody,
} from '../../../../shared/contracts/documents';
import { requestJson } from '../../api/http';

const inWorkspace = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/documents`;
const one = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const listDocuments = async (workspaceId: string, includeArchived: boolean): Promise<DocumentInfo[]> =>
  (
    await requestJson(
      'GET',
      `${inWorkspace(workspaceId)}${includeArchived ? '?archived=true' : ''}`,
      documentListSchema,
    )
  ).documents;

export const createDocument = (workspaceId: string, body: CreateDocumentBody): Promise<DocumentInfo> =>
  requestJson('POST', inWorkspace(workspaceId), documentSchema, body);

export const getDocument = (id: string): Promise<DocumentInfo> => requestJson('GET', one(id), documentSchema);

export const updateDocument = (id: string, body: UpdateDocumentBody): Promise<DocumentInfo> =>
  requestJson('PATCH', one(id), documentSchema, body);
