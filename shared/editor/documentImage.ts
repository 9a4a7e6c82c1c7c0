import { mergeAttributes, Node } from '@tiptap/core';

export const documentImageName = 'image';

/** The attributes of an `image` node, as the Yjs document holds them. The node is the only home of the alt text. */
export interface DocumentImageAttributes {
  /** The `document_images` row; the server serves and exports an image only by this id, within its document. */
  imageId: string | null;
  /** Where the editor loads it from (`/api/documents/:id/images/:imageId`); exports never follow it. */
  src: string | null;
  /** What the picture shows, for people who cannot see it. Empty only when `decorative`. */
  alt: string;
  /** Only decoration: screen readers pass over it (empty alt in every format). */
  decorative: boolean;
  width: number | null;
  height: number | null;
}

/** The alt text a reader gets: none for decoration, the words otherwise. */
export const altTextOf = (attrs: Partial<DocumentImageAttributes> | undefined): string =>
  attrs?.decorative ? '' : typeof attrs?.alt === 'string' ? attrs.alt.trim() : '';

const asNumber = (s: string | null) => (s === null || s === '' || !Number.isFinite(Number(s)) ? null : Number(s));

/**
 * A picture in a document (issue 11 §2): uploaded with `POST /api/documents/:id/images`, then inserted as this
 * block node, which every editor receives through `/collab` like any other change. Nobody can keep one without
 * saying what it shows or that it is only decoration: the dialog and the upload both insist.
 */
export const DocumentImage = Node.create({
  name: documentImageName,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      imageId: { default: null, parseHTML: (el) => el.getAttribute('data-image-id') },
      src: { default: null, parseHTML: (el) => el.getAttribute('src') },
      alt: { default: '', parseHTML: (el) => el.getAttribute('alt') ?? '' },
      decorative: { default: false, parseHTML: (el) => el.getAttribute('data-decorative') === 'true' },
      width: { default: null, parseHTML: (el) => asNumber(el.getAttribute('width')) },
      height: { default: null, parseHTML: (el) => asNumber(el.getAttribute('height')) },
    };
  },
  parseHTML() {
    return [{ tag: 'img[data-image-id]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as DocumentImageAttributes;
    // Attributes are written here, not one by one, so decorative images get alt="" and no words.
    void HTMLAttributes;
    return [
      'img',
      mergeAttributes({
        ...(a.imageId ? { 'data-image-id': a.imageId } : {}),
        ...(a.src ? { src: a.src } : {}),
        alt: altTextOf(a),
        ...(a.decorative ? { 'data-decorative': 'true', role: 'presentation' } : {}),
        ...(a.width ? { width: String(a.width) } : {}),
        ...(a.height ? { height: String(a.height) } : {}),
        class: 'document-image',
      }),
    ];
  },
  renderMarkdown: (node: { attrs?: Partial<DocumentImageAttributes> }) => {
    const alt = altTextOf(node.attrs).replace(/[[\]\\]/g, (c) => `\\${c}`);
    const src = typeof node.attrs?.src === 'string' ? node.attrs.src.replace(/[()\s]/g, encodeURIComponent) : '';
    return src ? `![${alt}](${src})` : '';
  },
});
