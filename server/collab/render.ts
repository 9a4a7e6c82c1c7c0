import { generateHTML } from '@tiptap/html/server';
import type * as Y from 'yjs';
import { editorExtensions } from '../../shared/editor/schema';
import { renderJson } from './renderJson';

// The JSON rendering lives on its own so that what needs only JSON (the export thread) does not load the
// server-side DOM the HTML rendering needs.
export { renderJson };

/** The document body as HTML (server-side DOM from happy-dom; links keep only allowed protocols). */
export function renderHtml(state: Y.Doc | Uint8Array): string {
  return generateHTML(renderJson(state), editorExtensions);
}
