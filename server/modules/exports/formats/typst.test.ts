import { describe, expect, it } from 'vitest';
import { exportSourceOf } from './readableBody';
import { typstDocument, typstLanguage, typstString } from './typst';

const docOf = (...content: object[]) => typstDocument(exportSourceOf('T', 'en', { type: 'doc', content }));

describe('Typst markup of a document', () => {
  it('puts every word in a string literal, escaped', () => {
    expect(typstString('a "b" \\ c\nd\u0007')).toBe('"a \\"b\\" \\\\ c\\nd"');
    const { markup } = docOf({ type: 'paragraph', content: [{ type: 'text', text: '#read("x") *y*' }] });
    expect(markup).toContain('#"#read(\\"x\\") *y*"');
    expect(markup).not.toContain('#read("x")');
  });

  it('reads the language and region from a BCP 47 tag', () => {
    expect(typstLanguage('en-GB')).toEqual({ lang: 'en', region: 'GB' });
    expect(typstLanguage('cy')).toEqual({ lang: 'cy', region: null });
    expect(typstLanguage('zh-Hant-TW')).toEqual({ lang: 'zh', region: 'TW' });
    expect(typstLanguage('??')).toEqual({ lang: 'en', region: null });
  });

  it('writes marks, links of safe kinds only, and tables with their header row and spans', () => {
    const { markup } = docOf(
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'italic' }] },
          { type: 'text', text: 'ok', marks: [{ type: 'link', attrs: { href: 'https://example.org/?a="1"' } }] },
          { type: 'text', text: 'js', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ],
      },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [] }] },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [] },
              { type: 'tableCell', content: [] },
            ],
          },
        ],
      },
    );
    expect(markup).toContain('#emph[#strong[#"b"]]');
    expect(markup).toContain('#link("https://example.org/?a=\\"1\\"")[#"ok"]');
    expect(markup).toContain('#"js"');
    expect(markup).not.toContain('javascript');
    expect(markup).toContain(
      '#table(columns: 2, table.header(repeat: true, table.cell(colspan: 2, rowspan: 1, [])), [], [])',
    );
  });

  it('embeds images from data URLs with their alt text, and shows an unreadable image as its alt text', () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
    const writer = typstDocument({
      title: 'T',
      language: 'en',
      body: {
        type: 'doc',
        content: [
          { type: 'image', attrs: { src: `data:image/png;base64,${png}`, alt: 'A carer, "smiling"' } },
          { type: 'image', attrs: { src: 'https://example.org/x.png', alt: 'A garden' } },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'x' },
              { type: 'footnote', attrs: { text: 'A note' } },
            ],
          },
        ],
      },
    });
    expect(writer.markup).toContain(
      '#align(center, box(width: 80%, image("/images/1.png", alt: "A carer, \\"smiling\\"", width: 100%)))',
    );
    expect([...writer.files.keys()]).toEqual(['/images/1.png']);
    expect(writer.markup).toContain('#emph[#"[Image: A garden]"]');
    expect(writer.markup).toContain('#"x"#footnote[#"A note"]');
  });
});
