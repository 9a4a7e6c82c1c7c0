import type { Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { ClipQuote } from './clipQuote';
import { CommentMark } from './commentMark';
import { Footnote } from './footnote';
import { DocumentImage } from './documentImage';
import { DeletionMark, InsertionMark, ModificationMark } from './suggestionMarks';

/**
 * The one list of Tiptap extensions that defines what a Chorus document may contain: headings,
 * bold/italic/underline/strike, lists, quotes, code, links, tables, the anchors of comment threads and quotes from
 * clips (`clipQuote`) and suggested changes (`insertion`, `deletion`, `modification`). The browser editor adds its
 * collaboration and UI extensions on top of this list; the server builds its schema from it to turn
 * a Yjs document into ProseMirror JSON or HTML without a browser. Changing it may need a bump of
 * `EDITOR_SCHEMA_VERSION` (./version.ts).
 */
export const editorExtensions: Extensions = [
  StarterKit.configure({
    // Yjs keeps the history; Tiptap's own undo would fight it.
    undoRedo: false,
    link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
  }),
  TableKit.configure({ table: { resizable: false } }),
  CommentMark,
  ClipQuote,
  InsertionMark,
  DeletionMark,
  ModificationMark,
  Footnote,
  // Pictures with their alt text (issue 11 §2).
  DocumentImage,
];

/** Tiptap's default Yjs field: the Y.XmlFragment that holds a document's body. */
export const documentFieldName = 'default';
