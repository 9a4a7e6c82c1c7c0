import { describe, expect, it } from 'vitest';
import { blockTexts, documentPassages, episodePassages, snippetOf, transcriptPassages } from './passages';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('search passages', () => {
  it('reads an image as its description, and decoration as nothing', () => {
    const image = (alt: string, decorative = false) => ({ type: 'image', attrs: { imageId: 'i', alt, decorative } });
    const doc = {
      type: 'doc',
      content: [
        paragraph('Before.'),
        image('Four carers around a kitchen table'),
        image('a border', true),
        paragraph('After.'),
      ],
    };
    expect(blockTexts(doc)).toEqual(['Before.', 'Four carers around a kitchen table', 'After.']);
  });

  it('reads each block of a document, inline pieces run together and breaks as spaces', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'Respite' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'One ' },
            { type: 'text', text: 'two', marks: [] },
            { type: 'hardBreak' },
            { type: 'text', text: 'three' },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('A point')] }] },
      ],
    };
    expect(blockTexts(doc)).toEqual(['Respite', 'One two three', 'A point']);
  });

  it('cuts a document into passages of about 120 words, titled once', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
    const passages = documentPassages('Chapter', {
      type: 'doc',
      content: [paragraph(words(100, 'a')), paragraph(words(100, 'b')), paragraph(words(300, 'c'))],
    });
    expect(passages.map((p) => p.body.split(/\s+/).length)).toEqual([100, 100, 120, 120, 60]);
    expect(passages.map((p) => p.title)).toEqual(['Chapter', '', '', '', '']);
    expect(documentPassages('Empty', { type: 'doc', content: [] })).toEqual([
      { title: 'Empty', body: '', at_seconds: null },
    ]);
  });

  it('keeps each transcript segment with its start, and an episode as one passage', () => {
    const transcript = {
      segments: [
        { id: 'a', startSeconds: 0, endSeconds: 2, text: 'Hello there', words: [] },
        { id: 'b', startSeconds: 2.5, endSeconds: 3, text: '', words: [] },
        { id: 'c', startSeconds: 4, endSeconds: 6, text: 'Respite helps', words: [] },
      ],
      speakers: {},
      checked: false,
    };
    expect(transcriptPassages('Mornings', transcript)).toEqual([
      { title: 'Mornings', body: 'Hello there', at_seconds: 0 },
      { title: '', body: 'Respite helps', at_seconds: 4 },
    ]);
    expect(episodePassages('Finding a break', '  notes ')).toEqual([
      { title: 'Finding a break', body: 'notes', at_seconds: null },
    ]);
  });

  it('cuts a snippet around the first word that starts like a term', () => {
    const text = Array.from({ length: 40 }, (_, i) => `w${i}`)
      .join(' ')
      .replace('w20', 'Neighbours,');
    expect(snippetOf(text, ['neighbour'])).toBe(
      `… ${Array.from({ length: 8 }, (_, i) => `w${12 + i}`).join(' ')} Neighbours, ${Array.from({ length: 15 }, (_, i) => `w${21 + i}`).join(' ')} …`,
    );
    expect(snippetOf('short text', ['absent'])).toBe('short text');
  });
});
