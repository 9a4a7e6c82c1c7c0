import * as Y from 'yjs';
import { documentImageName } from '../../../shared/editor/documentImage';
import { documentFieldName } from '../../../shared/editor/schema';
import { isAppError } from '../../errors';
import type { Services } from '../../services';
import type { ExportImages } from '../exports/formats/exportImages';

/** The image ids the `image` nodes of a Yjs state name (suggested ones too: the export thread drops those itself). */
export function imageIdsIn(state: Uint8Array): string[] {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    const ids = new Set<string>();
    const visit = (node: Y.XmlElement | Y.XmlFragment) => {
      for (const child of node.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue;
        if (child.nodeName === documentImageName) {
          const id = child.getAttribute('imageId') as unknown;
          if (typeof id === 'string') ids.add(id);
        } else visit(child);
      }
    };
    visit(doc.getXmlFragment(documentFieldName));
    return [...ids];
  } finally {
    doc.destroy();
  }
}

/**
 * The pictures an export of this state shows, read from storage before the export thread starts: only pictures
 * of this document, so a node naming another document's picture exports nothing of it. A picture whose file is
 * gone is left out (the export prints its alt text instead).
 */
export async function imagesForExport(
  services: Services,
  documentId: string,
  state: Uint8Array,
): Promise<ExportImages> {
  const rows = await services.documentImages.findMany(documentId, imageIdsIn(state));
  const images: ExportImages = {};
  for (const row of rows) {
    // A file that is gone is left out; storage that does not answer fails the try (the job tries again later).
    const read = await services.blobs
      .get(row.blob_key)
      .catch((e: unknown) => (isAppError(e) && e.code === 'not_found' ? null : Promise.reject(e)));
    if (!read) continue;
    const bytes = Buffer.concat((await read.body.toArray()) as Buffer[]);
    images[row.id] = { contentType: row.content_type, bytes, width: row.width, height: row.height };
  }
  return images;
}
