import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { editorExtensions } from '../../../shared/editor/schema';
import { exportSample, exportSampleTitle } from '../../../tests/support/exportSample';
import { exportThread } from './exportThread';

const state = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(editorExtensions), exportSample, 'default'));
const thread = exportThread();
afterAll(() => thread.close());

describe('the export thread', () => {
  it(
    'makes the file on a worker thread from the Yjs state, and leaves the state it was given untouched',
    { timeout: 30_000 },
    async () => {
      const given = state.slice();
      const [md, pdf] = await Promise.all([
        thread.build({ state: given, format: 'md', title: exportSampleTitle, language: 'en', quotes: {} }),
        thread.build({ state: given, format: 'pdf', title: exportSampleTitle, language: 'en', quotes: {} }),
      ]);
      expect(Buffer.from(md).toString('utf8')).toMatch(/^# Caring at home: a report\n\n## What carers told us\n/);
      expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(given).toEqual(state);
    },
  );

  it('passes on a failure in words, and keeps working after it', async () => {
    await expect(
      thread.build({ state: new Uint8Array([1, 2, 3]), format: 'md', title: 'Broken', language: 'en', quotes: {} }),
    ).rejects.toThrow();
    const md = await thread.build({ state, format: 'md', title: exportSampleTitle, language: 'en', quotes: {} });
    expect(Buffer.from(md).toString('utf8')).toContain('Respite care');
  });

  // A fresh thread loads the editor schema again: seconds on a busy machine.
  it('starts again after being closed', { timeout: 30_000 }, async () => {
    await thread.close();
    const md = await thread.build({ state, format: 'md', title: exportSampleTitle, language: 'en', quotes: {} });
    expect(Buffer.from(md).toString('utf8')).toContain('# Caring at home: a report');
  });
});
