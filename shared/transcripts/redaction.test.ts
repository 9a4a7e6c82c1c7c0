import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { redactSegments, restoreToDoc, strikeFromDoc, struckText } from './redaction';
import { readTranscriptDoc, replaceTranscript } from './transcriptDoc';

const w = (text: string, start: number) => ({ text, startSeconds: start, endSeconds: start + 0.4 });
const timedSegment = {
  id: 'a',
  startSeconds: 0,
  endSeconds: 2,
  text: 'Our neighbour Gwen helps',
  words: [w('Our', 0), w('neighbour', 0.5), w('Gwen', 1), w('helps', 1.5)],
};
const typedSegment: {
  id: string;
  startSeconds: number;
  endSeconds: number;
  text: string;
  words?: ReturnType<typeof w>[];
} = { id: 'b', startSeconds: 3, endSeconds: 5, text: 'She lives at number nine' };

describe('redacting segments', () => {
  it('leaves out exactly the timed words that overlap a stretch, and rewrites the text from the rest', () => {
    const [a, b] = redactSegments([timedSegment, typedSegment], [{ startSeconds: 1.1, endSeconds: 1.2 }]);
    expect(a!.text).toBe('Our neighbour helps');
    expect(a!.words!.map((x) => x.text)).toEqual(['Our', 'neighbour', 'helps']);
    expect(b).toBe(typedSegment);
  });

  it('does not count touching ends as overlap', () => {
    const out = redactSegments([timedSegment], [{ startSeconds: 1.4, endSeconds: 1.5 }]);
    expect(out[0]!.text).toBe('Our neighbour Gwen helps');
  });

  it('leaves out a segment without word timings whole when it overlaps, and one left with no words', () => {
    expect(redactSegments([typedSegment], [{ startSeconds: 4.9, endSeconds: 6 }])).toEqual([]);
    expect(redactSegments([timedSegment], [{ startSeconds: 0, endSeconds: 2 }])).toEqual([]);
  });

  it('answers a copy of the segments unchanged when nothing is struck', () => {
    const input = [timedSegment];
    const out = redactSegments(input, []);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });
});

describe('striking words from the live document and putting them back', () => {
  const docWith = () => {
    const doc = new Y.Doc();
    replaceTranscript(doc, { segments: [timedSegment, typedSegment], speakers: { c: 'Mary' } });
    return doc;
  };

  it('takes out the overlapping words, keeps them for the row, and undo restores the transcript as it was', () => {
    const doc = docWith();
    const before = readTranscriptDoc(doc);
    const struck = strikeFromDoc(doc, { startSeconds: 0.9, endSeconds: 1.2 });
    expect(struckText(struck)).toBe('Gwen');
    expect(readTranscriptDoc(doc).segments[0]!.text).toBe('Our neighbour helps');
    expect(JSON.stringify(Y.encodeStateAsUpdate(doc))).not.toContain('Gwen');
    restoreToDoc(doc, struck);
    expect(readTranscriptDoc(doc)).toEqual(before);
  });

  it('takes a typed segment out whole and puts it back, even after the segment was replaced meanwhile', () => {
    const doc = docWith();
    const struck = strikeFromDoc(doc, { startSeconds: 4, endSeconds: 4.5 });
    expect(struckText(struck)).toBe('She lives at number nine');
    expect(readTranscriptDoc(doc).segments[1]!.text).toBe('');
    replaceTranscript(doc, { segments: [timedSegment] });
    restoreToDoc(doc, struck);
    const after = readTranscriptDoc(doc).segments;
    expect(after.map((s) => s.text)).toEqual(['Our neighbour Gwen helps', 'She lives at number nine']);
    expect(after[1]!.startSeconds).toBe(3);
  });
});
