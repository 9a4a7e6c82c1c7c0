import {
  documentVersionContentSchema,
  documentVersionListSchema,
  documentVersionSchema,
  type DocumentVersion,
} from '../../../../../shared/contracts/documentVersions';
import { requestJson } from '../../../api/http';

const versions = (docId: string) => `/api/documents/${encodeURIComponent(docId)}/versions`;
const one = (docId: string, versionId: string) => `${versions(docId)}/${encodeURIComponent(versionId)}`;

/** Newest first. */
export const listVersions = async (docId: string): Promise<DocumentVersion[]> =>
  (await requestJson('GET', versions(docId), documentVersionListSchema)).versions;

export const saveVersion = (docId: string, name: string): Promise<DocumentVersion> =>
  requestJson('POST', versions(docId), documentVersionSchema, { name });

/** The version's body as ProseMirror JSON, rendered by the server with the shared schema. */
export async function versionBody(docId: string, versionId: string): Promise<Record<string, unknown>> {
  const content = await requestJson(
    'GET',
    `${one(docId, versionId)}/content?format=json`,
    documentVersionContentSchema,
  );
  return content.format === 'json' ? content.json : { type: 'doc', content: [] };
}

export const restoreVersion = (docId: string, versionId: string): Promise<DocumentVersion> =>
  requestJson('POST', `${one(docId, versionId)}/restore`, documentVersionSchema);
