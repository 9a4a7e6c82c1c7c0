import type { EditionFormat } from '../../../shared/contracts/editions';
import type { EditionsTable } from '../../db/schema';

/** The public page of an edition (it answers only while the edition is published). */
export const publicationPath = (workspaceId: string, editionId: string) => `/publications/${workspaceId}/${editionId}`;

/** The export (a `document_exports` id) holding each of the edition's files. */
export const filesOf = (row: EditionsTable) => JSON.parse(row.files) as Record<EditionFormat, string>;

/** The recordings whose words the edition's files print. */
export const quotedClipIdsOf = (row: EditionsTable) => JSON.parse(row.quoted_clip_ids) as string[];
