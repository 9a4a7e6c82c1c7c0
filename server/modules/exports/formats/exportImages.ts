import type { JSONContent } from '@tiptap/core';
import { altTextOf, documentImageName, type DocumentImageAttributes } from '../../../../shared/editor/documentImage';

/** One picture of the document, as the export thread is given it: its bytes, read by the job from storage. */
export interface ExportImage {
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The document's pictures by image id (only those of this document: `imagesForExport` looks them up within it). */
export type ExportImages = Record<string, ExportImage>;

const dataUrl = (image: ExportImage) =>
  `data:${image.contentType};base64,${Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64')}`;

/**
 * The body with each `image` node's `src` replaced by the picture itself as a `data:` URL, so every format is one
 * file that needs nothing from the server (and a `src` someone typed is never followed). Alt text is the node's,
 * empty for decoration. A picture whose bytes are not at hand becomes its alt text in brackets, so no words are lost.
 * Pure, so it runs on the export thread.
 */
export function withImages(body: JSONContent, images: ExportImages): JSONContent {
  return withImage(body, images) ?? { type: 'doc', content: [] };
}

function withImage(body: JSONContent, images: ExportImages): JSONContent | null {
  if (body.type === documentImageName) {
    const attrs = (body.attrs ?? {}) as Partial<DocumentImageAttributes>;
    const image = images[String(attrs.imageId ?? '')];
    const alt = altTextOf(attrs);
    if (!image) return alt ? { type: 'paragraph', content: [{ type: 'text', text: `[Picture: ${alt}]` }] } : null;
    return {
      type: documentImageName,
      attrs: {
        imageId: attrs.imageId,
        src: dataUrl(image),
        alt,
        decorative: attrs.decorative === true,
        width: image.width,
        height: image.height,
      },
    };
  }
  if (!body.content) return body;
  return {
    ...body,
    content: body.content.map((node) => withImage(node, images)).filter((n): n is JSONContent => n !== null),
  };
}

/** An `image` node's picture, back from its `data:` URL: what DOCX and PDF embed. */
export function imageFromNode(node: JSONContent): { contentType: string; bytes: Buffer } | null {
  const src = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
  const m = /^data:(image\/[a-z]+);base64,([a-z0-9+/=]+)$/i.exec(src);
  return m ? { contentType: m[1]!.toLowerCase(), bytes: Buffer.from(m[2]!, 'base64') } : null;
}
