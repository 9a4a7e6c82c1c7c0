import {
  titlePageSchema,
  type TitlePage,
  type TitlePageResponse,
  titlePageBodySchema,
} from '../../../shared/contracts/titlePage';
import type { z } from 'zod';
import { nowIso } from '../../clock';
import type { DocumentsTable, DocumentTitlePagesTable } from '../../db/schema';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { authorizeDocument } from '../../policies/authorize';
import { documentAccess, documentFacts, type WrittenDocumentRow } from '../documents/documentOperations';

/** Scripts are read aloud, not published: only a publication has a title page (docs/exports.md). */
function publicationOnly(row: WrittenDocumentRow): void {
  if (row.kind !== 'publication')
    throw new AppError(
      'unprocessable_content',
      'Only publications have a title page. A script is exported without one; its title is its cover.',
    );
}

const present = (row: DocumentTitlePagesTable): TitlePage =>
  titlePageSchema.parse({
    title: row.title,
    subtitle: row.subtitle,
    authors: JSON.parse(row.authors) as unknown,
    organisation: row.organisation,
    date: row.date,
    licence: row.licence,
    isbn: row.isbn,
    doi: row.doi,
    funder: row.funder,
  });

/** A title page nobody has filled in yet: the document's title, no date, CC BY 4.0 (what most funders ask for). */
const firstDraft = (title: string): TitlePage => titlePageSchema.parse({ ...titlePageBodySchema.parse({ title }) });

/** `GET /api/documents/:id/title-page`: any member (outsiders 404). */
export async function getTitlePage(services: Services, documentId: string, userId: string): Promise<TitlePageResponse> {
  const { row } = await documentAccess(services, documentId, userId);
  publicationOnly(row);
  const saved = await services.titlePages.find(row.id);
  return {
    documentId: row.id,
    saved: saved !== undefined,
    updatedAt: saved?.updated_at ?? null,
    titlePage: saved ? present(saved) : firstDraft(row.title),
  };
}

/** `PUT /api/documents/:id/title-page`: whoever may edit the document's text (403 with the reason otherwise). */
export async function saveTitlePage(
  services: Services,
  documentId: string,
  userId: string,
  body: z.output<typeof titlePageBodySchema>,
): Promise<TitlePageResponse> {
  const { row, actor } = await documentAccess(services, documentId, userId);
  publicationOnly(row);
  authorizeDocument(actor, 'document.edit', documentFacts(row));
  const updatedAt = nowIso();
  await services.titlePages.save({
    document_id: row.id,
    title: body.title,
    subtitle: body.subtitle,
    authors: JSON.stringify(body.authors),
    organisation: body.organisation,
    date: body.date,
    licence: body.licence,
    isbn: body.isbn,
    doi: body.doi,
    funder: body.funder,
    updated_by: userId,
    updated_at: updatedAt,
  });
  return { documentId: row.id, saved: true, updatedAt, titlePage: body };
}

/** The title page exports print: a publication's saved one, or null (scripts, and publications without one). */
export async function titlePageForExport(
  services: Services,
  row: Pick<DocumentsTable, 'id' | 'kind'>,
): Promise<TitlePage | null> {
  if (row.kind !== 'publication') return null;
  const saved = await services.titlePages.find(row.id);
  return saved ? present(saved) : null;
}
