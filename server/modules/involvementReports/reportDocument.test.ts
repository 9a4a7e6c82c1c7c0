import { describe, expect, it } from 'vitest';
import type { Gripp2Evidence, ImpactEntry } from '../../../shared/contracts/involvementReports';
import { exportFormatters } from '../exports/formats/index';
import { exportSourceOf } from '../exports/formats/readableBody';
import { evidenceRows } from '../../../shared/contracts/involvementReports';
import { gripp2Document, gripp2Title, impactLogDocument } from './reportDocument';

const evidence: Gripp2Evidence = {
  involvement: { activities: 2, byRole: [{ role: 'carer', people: 2, hours: 4.5 }] },
  heard: [{ role: 'carer', seconds: 30 }],
  publishedEpisodes: 1,
  reflections: [{ role: 'expert', answers: 3 }],
  signoffs: [{ role: 'carer', approved: 1, changesRequested: 0 }],
};

const items = {
  aim: 'To hear carers first.\n\nAnd to change the plan.',
  methods: 'Monthly meetings.',
  results: '',
  discussion: 'A lot.',
  reflections: 'Start sooner.',
};

describe('reports as ProseMirror JSON', () => {
  it('opens with the title, has the five items in order, and splits paragraphs on blank lines', () => {
    const doc = gripp2Document('Carers Together', items, evidence);
    const headings = doc.content!.filter((n) => n.type === 'heading').map((n) => n.content?.[0]?.text);
    expect(headings).toEqual([
      gripp2Title,
      '1. Aim',
      '2. Methods',
      '3. Results',
      '4. Discussion and conclusions',
      '5. Reflections',
      'Evidence: numbers Chorus keeps',
    ]);
    const aimAt = doc.content!.findIndex((n) => n.content?.[0]?.text === '1. Aim');
    expect(doc.content![aimAt + 1]!.content![0]!.text).toBe('To hear carers first.');
    expect(doc.content![aimAt + 2]!.content![0]!.text).toBe('And to change the plan.');
    // An item not written says so, in italics.
    const resultsAt = doc.content!.findIndex((n) => n.content?.[0]?.text === '3. Results');
    expect(doc.content![resultsAt + 1]!.content![0]).toEqual({
      type: 'text',
      text: 'Not written yet.',
      marks: [{ type: 'italic' }],
    });
    const table = doc.content!.at(-1)!;
    expect(table.type).toBe('table');
    expect(table.content).toHaveLength(1 + evidenceRows(evidence).length);
  });

  it('counts by role, never by name', () => {
    expect(evidenceRows(evidence)).toEqual([
      ['Activities in the involvement log', 'Everyone', '2'],
      ['People who took part', 'Carer', '2'],
      ['Hours of involvement', 'Carer', '4.5'],
      ['Published episodes', 'Everyone', '1'],
      ['Seconds heard in published episodes', 'Carer', '30'],
      ['Reflection answers', 'Practice expert or researcher', '3'],
      ['Sign-offs: approved', 'Carer', '1'],
      ['Sign-offs: changes asked for', 'Carer', '0'],
    ]);
  });

  it('puts both sides’ views of each impact entry in the table, saying when one is not given', () => {
    const entry: ImpactEntry = {
      id: 'e1',
      occurredOn: '2026-03-14',
      activity: 'Advisory group',
      activityId: null,
      whatChanged: 'The leaflet was rewritten.',
      evidence: '',
      staffView: { text: 'Clearer now.', at: '2026-03-15T00:00:00.000Z', mine: false },
      carerView: null,
      createdAt: '2026-03-15T00:00:00.000Z',
    };
    const doc = impactLogDocument('Carers Together', [entry]);
    const row = doc.content!.at(-1)!.content![1]!;
    expect(row.content!.map((c) => c.content![0]!.content?.[0]?.text)).toEqual([
      '2026-03-14',
      'Advisory group',
      'The leaflet was rewritten.',
      '—',
      'Clearer now.',
      'Not given yet.',
    ]);
  });

  it('makes Markdown the formatters can read', async () => {
    const doc = gripp2Document('Carers Together', items, evidence);
    const md = String(await exportFormatters.md!.build(exportSourceOf(gripp2Title, 'en-GB', doc)));
    expect(md).toContain('## 1. Aim\n\nTo hear carers first.\n\nAnd to change the plan.');
  });
});
