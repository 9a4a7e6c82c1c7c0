import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFieldName, editorExtensions } from '../../../../shared/editor/schema';
import { buildExport } from './buildExport';

const schema = getSchema(editorExtensions);
const stateOf = (json: object) => Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, json, documentFieldName));
const text = (t: string, marks?: object[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('buildExport', () => {
  it('exports the accepted text: open suggestions are left out', async () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            text('Carers need '),
            text('more ', [{ type: 'insertion', attrs: { id: 'a1' } }]),
            text('respite', [{ type: 'deletion', attrs: { id: 'b2' } }]),
            text(' care.'),
          ],
        },
      ],
    };
    const markdown = Buffer.from(
      await buildExport({ state: stateOf(doc), format: 'md', title: 'Respite', language: 'en', quotes: {} }),
    ).toString('utf8');
    expect(markdown).toBe('# Respite\n\nCarers need respite care.\n');
  });

  it('prints the acknowledgements after the text, under their own heading', async () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [text('What we learned.')] }] };
    const acknowledgements = ['Writing: Ann (Practice expert or researcher).', 'With thanks also to two carers.'];
    const markdown = Buffer.from(
      await buildExport({
        state: stateOf(doc),
        format: 'md',
        title: 'Report',
        language: 'en',
        quotes: {},
        acknowledgements,
      }),
    ).toString('utf8');
    expect(markdown).toBe(
      '# Report\n\nWhat we learned.\n\n## Acknowledgements\n\nWriting: Ann (Practice expert or researcher).\n\nWith thanks also to two carers.\n',
    );
  });
});
