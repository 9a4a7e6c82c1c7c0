import type { JSONContent } from '@tiptap/core';
import {
  evidenceRows,
  gripp2ItemLabels,
  gripp2Items,
  type Gripp2Body,
  type Gripp2Evidence,
  type ImpactEntry,
} from '../../../shared/contracts/involvementReports';

/**
 * The reports as ProseMirror JSON of the shared editor schema (headings, paragraphs, tables), so the export
 * formatters make them into Markdown, DOCX and PDF as they do documents. Nobody is named: numbers are by role.
 */

const text = (t: string): JSONContent[] => (t ? [{ type: 'text', text: t }] : []);
const heading = (level: number, t: string): JSONContent => ({ type: 'heading', attrs: { level }, content: text(t) });
const paragraph = (t: string): JSONContent => ({ type: 'paragraph', content: text(t) });
/** Paragraphs of a text, one per blank-line-separated part; a note in italics when nothing is written. */
const paragraphs = (t: string, empty: string): JSONContent[] => {
  const parts = t
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length
    ? parts.map(paragraph)
    : [{ type: 'paragraph', content: [{ type: 'text', text: empty, marks: [{ type: 'italic' }] }] }];
};
const cell = (type: 'tableHeader' | 'tableCell', t: string): JSONContent => ({
  type,
  content: [paragraph(t)],
});
const table = (header: string[], rows: string[][]): JSONContent => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
    ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => cell('tableCell', c)) })),
  ],
});

export const gripp2Title = 'Involvement report (GRIPP2 short form)';
export const impactLogTitle = 'Impact log: what changed because of involvement';

/** The GRIPP2 short-form report: the five items, then the numbers Chorus keeps as evidence. */
export function gripp2Document(workspaceName: string, items: Gripp2Body, evidence: Gripp2Evidence): JSONContent {
  return {
    type: 'doc',
    content: [
      heading(1, gripp2Title),
      paragraph(`${workspaceName}. Written by the team, following the GRIPP2 short form (Staniszewska et al., 2017).`),
      ...gripp2Items.flatMap((item) => [
        heading(2, gripp2ItemLabels[item].heading),
        ...paragraphs(items[item], 'Not written yet.'),
      ]),
      heading(2, 'Evidence: numbers Chorus keeps'),
      paragraph('Counted by role; nobody is named.'),
      table(['What', 'Role', 'Number'], evidenceRows(evidence)),
    ],
  };
}

/** The impact log: a table of entries, then each entry with both sides' views. */
export function impactLogDocument(workspaceName: string, entries: readonly ImpactEntry[]): JSONContent {
  const view = (v: ImpactEntry['staffView']) => v?.text ?? 'Not given yet.';
  return {
    type: 'doc',
    content: [
      heading(1, impactLogTitle),
      paragraph(`${workspaceName}. Each entry is answered by both sides: staff and carers.`),
      ...(entries.length === 0
        ? [paragraph('No entries yet.')]
        : [
            table(
              ['Date', 'What involvement happened', 'What changed', 'Evidence', 'Staff view', 'Carers’ view'],
              entries.map((e) => [
                e.occurredOn,
                e.activity,
                e.whatChanged,
                e.evidence || '—',
                view(e.staffView),
                view(e.carerView),
              ]),
            ),
          ]),
    ],
  };
}
