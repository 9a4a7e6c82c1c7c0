import type { Extensions } from '@tiptap/core';
import { Footnote, footnoteName } from '../../../../shared/editor/footnote';
import { editorExtensions } from '../../../../shared/editor/schema';

/**
 * A footnote as exports write it, once `numberFootnotes` has given each its `number`: in HTML a numbered link to
 * its note (`<sup><a href="#fn1" id="fnref1" role="doc-noteref">1</a></sup>`), in Markdown `[^1]`. The editor's
 * own footnote cannot know its number; this one is used only to write files.
 */
const NumberedFootnote = Footnote.extend({
  addAttributes() {
    return { ...this.parent?.(), number: { default: null, rendered: false } };
  },
  renderHTML({ node }) {
    const n = String(node.attrs.number);
    return [
      'sup',
      { class: 'footnote-ref' },
      ['a', { href: `#fn${n}`, id: `fnref${n}`, role: 'doc-noteref', 'aria-label': `Note ${n}` }, n],
    ];
  },
  renderMarkdown: (node) => `[^${String(node.attrs?.number)}]`,
});

/** The shared schema with numbered footnotes, for writing HTML and Markdown files. */
export const exportExtensions: Extensions = [
  ...editorExtensions.filter((e) => e.name !== footnoteName),
  NumberedFootnote,
];
