import { describe, expect, it } from 'vitest';
import { exportSample } from '../../../../tests/support/exportSample';
import { exportSourceOf, readableBody, textOf } from './readableBody';

describe('readableBody', () => {
  it('leaves comment anchors out and keeps the marks that change how text reads', () => {
    const body = JSON.stringify(readableBody(exportSample));
    expect(body).not.toContain('comment');
    expect(body).not.toContain('a-thread');
    expect(body).toContain('"italic"');
    expect(body).toContain('https://example.org/report');
  });

  it('keeps a node it does not know as its text: a paragraph for a block, plain text inline', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'clipQuote',
          attrs: { clipId: 'c' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We coped.' }] }],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'mention', content: [{ type: 'text', text: '@Ada' }] },
          ],
        },
        { type: 'mystery' },
      ],
    };
    expect(readableBody(doc)).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'We coped.' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'text', text: '@Ada' },
          ],
        },
      ],
    });
  });

  it('opens the body with the title as its heading, unless it already does', () => {
    const titled = exportSourceOf('Our report', 'en', exportSample);
    expect(titled.body.content?.[0]).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'Our report' }],
    });
    const again = exportSourceOf('Our report', 'en', titled.body);
    expect(again.body.content?.length).toBe(titled.body.content?.length);
    expect(textOf(again.body.content![0]!)).toBe('Our report');
  });
});
