import type { DocumentExportsTable } from '../../db/schema';
import type { Services } from '../../services';
import type { CopyFacts } from './formats/frontMatter';

/**
 * Which copy an export is, for "About this publication": an edition's file (the edition holding this export among
 * its files), a named version, or the text as it stood.
 */
export async function copyFactsOf(
  services: Services,
  row: Pick<DocumentExportsTable, 'id' | 'document_id' | 'version_id'>,
): Promise<CopyFacts> {
  const madeAt = new Date().toISOString();
  if (!row.version_id) return { madeAt };
  const [version, editions] = await Promise.all([
    services.documentVersions.find(row.document_id, row.version_id),
    services.editions.listForDocument(row.document_id),
  ]);
  const edition = editions.find((e) => Object.values(JSON.parse(e.files) as Record<string, string>).includes(row.id));
  return { madeAt, versionName: version?.name ?? null, edition: edition ? `edition ${edition.number}` : null };
}
