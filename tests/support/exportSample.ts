import type { JSONContent } from '@tiptap/core';

const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
});
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const heading = (level: number, t: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const cell = (type: 'tableCell' | 'tableHeader', t: string): JSONContent => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [para(text(t))],
});
const link = (href: string) => [
  { type: 'link', attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } },
];

/**
 * A publication using every block the editor offers (headings, marks, nested and numbered lists, a quote,
 * code, a table, a link) and a comment anchor, which exports leave out. Its readable text, in order, is
 * `exportSampleText`.
 */
export const exportSample: JSONContent = {
  type: 'doc',
  content: [
    heading(2, 'What carers told us'),
    para(
      text('Carers said '),
      text('time off', [{ type: 'bold' }]),
      text(' matters, and '),
      text('being heard', [{ type: 'italic' }, { type: 'comment', attrs: { threadId: 'a-thread' } }]),
      text(' matters more.'),
    ),
    {
      type: 'bulletList',
      content: [
        item(para(text('Respite care')), { type: 'bulletList', content: [item(para(text('Overnight stays')))] }),
        item(para(text('Someone to talk to'))),
      ],
    },
    heading(3, 'What we will do'),
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [item(para(text('Listen first'))), item(para(text('Act together')))],
    },
    { type: 'blockquote', content: [para(text('Nobody asked me before.'))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Theme'), cell('tableHeader', 'Carers')] },
        { type: 'tableRow', content: [cell('tableCell', 'Respite'), cell('tableCell', '12')] },
      ],
    },
    para(text('Read the '), text('full report', link('https://example.org/report')), text(' online.')),
  ],
};

export const exportSampleTitle = 'Caring at home: a report';

/** The words of the sample in reading order (the title first), as a reader of any export meets them. */
export const exportSampleText = [
  'Caring at home: a report',
  'What carers told us',
  'Carers said time off matters, and being heard matters more.',
  'Respite care',
  'Overnight stays',
  'Someone to talk to',
  'What we will do',
  'Listen first',
  'Act together',
  'Nobody asked me before.',
  'Theme',
  'Carers',
  'Respite',
  '12',
  'Read the full report online.',
];

/** A title page for the sample, with every field filled in. */
export const exportSampleTitlePage = {
  title: 'Caring at home',
  subtitle: 'What carers told us',
  authors: ['Ann Lee', 'Bob Roe'],
  organisation: 'Chorus Lab',
  date: '2027-03-01',
  licence: 'cc-by-4.0' as const,
  isbn: '9781402894626',
  doi: '10.1234/chorus.1',
  funder: 'Funded by the National Institute for Health and Care Research.',
};

/** The sample with a footnote after its first paragraph. */
export const exportSampleWithFootnote: JSONContent = {
  ...exportSample,
  content: exportSample.content!.map((block, i) =>
    i === 1
      ? { ...block, content: [...block.content!, { type: 'footnote', attrs: { text: 'Time off: a week or more.' } }] }
      : block,
  ),
};
