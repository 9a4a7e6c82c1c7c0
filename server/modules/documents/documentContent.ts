import type { DocumentContent } from '../../../shared/contracts/documents';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/editor/version';
import { renderHtml, renderJson } from '../../collab/render';

/** A document's body (live, or one of its versions) rendered on the server in the format asked for. */
export function documentContent(id: string, state: Uint8Array, format: DocumentContent['format']): DocumentContent {
  return format === 'html'
    ? { id, schemaVersion: EDITOR_SCHEMA_VERSION, format: 'html', html: renderHtml(state) }
    : { id, schemaVersion: EDITOR_SCHEMA_VERSION, format: 'json', json: renderJson(state) as Record<string, unknown> };
}
