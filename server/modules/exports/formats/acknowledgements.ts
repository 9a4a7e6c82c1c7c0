import type { JSONContent } from '@tiptap/core';

/**
 * The document with its generated acknowledgements at the end (issue 11 §2): a heading and one paragraph per
 * sentence, worded by the document's credits (named only with consent, the rest counted). Nothing is added when
 * nobody took part.
 */
export function withAcknowledgements(body: JSONContent, sentences: readonly string[] = []): JSONContent {
  if (sentences.length === 0) return body;
  return {
    ...body,
    content: [
      ...(body.content ?? []),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Acknowledgements' }] },
      ...sentences.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    ],
  };
}
