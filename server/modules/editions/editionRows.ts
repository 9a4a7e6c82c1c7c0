import type { EditionFormat } from '../../../shared/contracts/editions';
import type { EditionsTable } from '../../db/schema';
import type { AuditEntry } from '../audit/auditRepository';

/** The public page of an edition (it answers only while the edition is published). */
export const publicationPath = (workspaceId: string, editionId: string) => `/publications/${workspaceId}/${editionId}`;

/** The export (a `document_exports` id) holding each of the edition's files. */
export const filesOf = (row: EditionsTable) => JSON.parse(row.files) as Record<EditionFormat, string>;

/** The recordings whose words the edition's files print. */
export const quotedClipIdsOf = (row: EditionsTable) => JSON.parse(row.quoted_clip_ids) as string[];

/** The audit entry of something that happened to an edition; `actorId` is null when Chorus did it on its own. */
export const editionAudit = (
  row: EditionsTable,
  actorId: string | null,
  action: string,
  detail: Record<string, unknown>,
): AuditEntry => ({ workspaceId: row.workspace_id, actorId, action, subjectId: row.id, detail });
