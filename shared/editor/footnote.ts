import { mergeAttributes, Node, type JSONContent } from '@tiptap/core';

export const footnoteName = 'footnote';

/** The attributes of a `footnote` node, as the Yjs document holds them. */
export interface FootnoteAttributes {
  /** The note's words, plain text. */
  text: string;
}

/**
 * A footnote (issue 11 §2): an inline atom at the point the note refers to, holding the note's words in its
 * `text` attribute. An atom, not a node with content, because the note is written in a dialog and never typed
 * into in place: y-prosemirror keeps it as one Y.XmlElement whose attribute changes as a whole (two people
 * editing the same note: the last save wins, the text around it is untouched), the caret steps over it like
 * one character, and the suggestion marks can cover it like any inline node. The editor shows it as a
 * superscript number (a CSS counter, so it is always in order); exports number the notes in reading order
 * (`numberFootnotes`).
 */
export const Footnote = Node.create({
  name: footnoteName,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-footnote') ?? '',
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-footnote': String(attributes.text ?? '') }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { class: 'footnote' })];
  },
  renderText: ({ node }) => ` (${String(node.attrs.text ?? '')})`,
});

/** One note as exports print it: its number (from 1, in reading order) and its words. */
export interface NumberedFootnote {
  number: number;
  text: string;
}

/**
 * The notes of a document in reading order, numbered from 1, and the document with each `footnote` node given
 * its `number` attribute (for the exporters' own renderings). Empty notes are left out, and their nodes with them,
 * so no reader meets a number that leads nowhere. Nothing in the input is changed.
 */
export function numberFootnotes(doc: JSONContent): { doc: JSONContent; notes: NumberedFootnote[] } {
  const notes: NumberedFootnote[] = [];
  const walk = (node: JSONContent): JSONContent | null => {
    if (node.type === footnoteName) {
      const text = typeof node.attrs?.text === 'string' ? node.attrs.text.trim() : '';
      if (!text) return null;
      notes.push({ number: notes.length + 1, text });
      return { ...node, attrs: { ...node.attrs, text, number: notes.length } };
    }
    if (!node.content) return node;
    return { ...node, content: node.content.map(walk).filter((c): c is JSONContent => c !== null) };
  };
  return { doc: walk(doc) ?? { type: 'doc', content: [] }, notes };
}
