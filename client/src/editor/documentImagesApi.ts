import {
  documentImageSchema,
  type DocumentImage,
  type UploadDocumentImageFields,
} from '../../../shared/contracts/documentImages';
import { requestJson } from '../api/http';

/** Sends an image with its description (or the decoration box ticked): the fields first, then the file. */
export function uploadDocumentImage(
  documentId: string,
  file: File,
  fields: Pick<UploadDocumentImageFields, 'alt' | 'decorative'>,
): Promise<DocumentImage> {
  const form = new FormData();
  form.append('alt', fields.decorative ? '' : fields.alt);
  form.append('decorative', String(fields.decorative));
  form.append('image', file);
  return requestJson('POST', `/api/documents/${encodeURIComponent(documentId)}/images`, documentImageSchema, form);
}
