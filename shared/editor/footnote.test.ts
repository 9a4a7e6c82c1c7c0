import { describe, expect, it } from 'vitest';
import { numberFootnotes } from './footnote';
import { EDITOR_SCHEMA_VERSION, isCompatibleSchemaVersion } from './version';

const note = (text: string) => ({ type: 'footnote', attrs: { text } });
const para = (...content: object[]) => ({ type: 'paragraph', content });

describe('footnotes', () => {
  it('numbers notes from 1 in reading order, through lists and tables, and leaves empty ones out', () => {
    const doc = {
      type: 'doc',
      content: [
        para({ type: 'text', text: 'One' }, note(' First note. ')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [para(note(''), note('Second note.'))] }] },
        para({ type: 'text', text: 'Two' }, note('Third note.')),
      ],
    };
    const { doc: numbered, notes } = numberFootnotes(doc);
    expect(notes).toEqual([
      { number: 1, text: 'First note.' },
      { number: 2, text: 'Second note.' },
      { number: 3, text: 'Third note.' },
    ]);
    expect(numbered.content![0]!.content![1]).toEqual({ type: 'footnote', attrs: { text: 'First note.', number: 1 } });
    expect(numbered.content![1]!.content![0]!.content![0]!.content).toEqual([
      { type: 'footnote', attrs: { text: 'Second note.', number: 2 } },
    ]);
    // The input is left as it was.
    expect(doc.content[0]!.content![1]).toEqual(note(' First note. '));
  });

  it('needs schema 5 or later: editors from before footnotes are refused, so they cannot drop the notes', () => {
    expect(isCompatibleSchemaVersion(EDITOR_SCHEMA_VERSION)).toBe(true);
    expect(EDITOR_SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    expect(isCompatibleSchemaVersion(4)).toBe(false);
  });
});
