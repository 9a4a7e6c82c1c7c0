import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../../../../shared/editor/schema';
import { exportSample, exportSampleTitle } from '../../../../tests/support/exportSample';
import { exportMarkdown, markdownManager } from './markdown';
import { exportSourceOf } from './readableBody';

const schema = getSchema(editorExtensions);
/** What a document reads as, whatever attributes a round trip fills in or leaves out (link targets, column widths). */
const shape = (json: object): unknown => {
  const node = schema.nodeFromJSON(json);
  const out: unknown[] = [];
  node.descendants((n) => {
    if (n.isText)
      out.push([n.text, n.marks.map((m) => (m.type.name === 'link' ? `link:${m.attrs.href}` : m.type.name))]);
    else out.push(n.type.name === 'heading' ? `heading${n.attrs.level}` : n.type.name);
  });
  return out;
};

describe('Markdown export (@tiptap/markdown)', () => {
  const source = exportSourceOf(exportSampleTitle, 'en', exportSample);
  const markdown = exportMarkdown(source);

  it('writes headings, lists, a quote, a GFM table and links', () => {
    expect(markdown).toContain(`# ${exportSampleTitle}\n`);
    expect(markdown).toContain('## What carers told us\n');
    expect(markdown).toMatch(/^- Respite care\n {2}- Overnight stays\n- Someone to talk to$/m);
    expect(markdown).toMatch(/^1\. Listen first\n2\. Act together$/m);
    expect(markdown).toContain('> Nobody asked me before.');
    expect(markdown).toMatch(/^\| Theme +\| Carers \|$/m);
    expect(markdown).toContain('[full report](https://example.org/report)');
    expect(markdown).not.toContain('a-thread');
  });

  it('parses back with the same library into the same headings, lists, links and table', () => {
    const parsed = markdownManager().parse(markdown);
    expect(shape(parsed)).toEqual(shape(source.body));
  });
});
