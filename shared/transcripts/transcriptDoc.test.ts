import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { putTranscriptBodySchema } from '../contracts/transcripts';
import { findSegment, insertSegment, readTranscriptDoc, replaceTranscript } from './transcriptDoc';
import { changedSpan, editSegmentText, segmentBase } from './wordEdits';

const timed = {
  id: 's1',
  startSeconds: 0,
  endSeconds: 3,
  text: 'I look after my mother',
  speaker: 'ann',
  words: [
    { text: 'I', startSeconds: 0, endSeconds: 0.3 },
    { text: 'look', startSeconds: 0.3, endSeconds: 0.7 },
    { text: 'after', startSeconds: 0.7, endSeconds: 1.2 },
    { text: 'my', startSeconds: 1.2, endSeconds: 1.5 },
    { text: 'mother', startSeconds: 1.5, endSeconds: 2.4 },
  ],
};

function transcriptDoc() {
  const doc = new Y.Doc();
  replaceTranscript(doc, { segments: [timed], speakers: { ann: 'Ann' }, checked: false });
  return doc;
}

/** Two replicas that exchange every change, as two browsers through the server would. */
function pair() {
  const a = transcriptDoc();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b, sync: () => (Y.applyUpdate(a, Y.encodeStateAsUpdate(b)), Y.applyUpdate(b, Y.encodeStateAsUpdate(a))) };
}

describe('the transcript document', () => {
  it('reads back what was written, words and timings included', () => {
    const t = readTranscriptDoc(transcriptDoc());
    expect(t.speakers).toEqual({ ann: 'Ann' });
    expect(t.segments[0]).toMatchObject({ id: 's1', text: 'I look after my mother', speaker: 'ann' });
    expect(t.segments[0]!.words[4]).toEqual({ text: 'mother', startSeconds: 1.5, endSeconds: 2.4, checked: false });
  });

  it('keeps the timings of the words around a corrected word, and marks it checked', () => {
    const doc = transcriptDoc();
    const segment = findSegment(doc, 's1')!;
    editSegmentText(segment, segmentBase(segment), 'I look after my brother');
    const words = readTranscriptDoc(doc).segments[0]!.words;
    expect(words.map((w) => w.text)).toEqual(['I', 'look', 'after', 'my', 'brother']);
    expect(words[4]).toEqual({ text: 'brother', startSeconds: 1.5, endSeconds: 2.4, checked: true });
    expect(words[3]).toEqual({ text: 'my', startSeconds: 1.2, endSeconds: 1.5, checked: false });
  });

  it('gives an inserted word the time between its neighbours, and a removed word takes its own away', () => {
    const doc = transcriptDoc();
    const segment = findSegment(doc, 's1')!;
    const base = editSegmentText(segment, segmentBase(segment), 'I look after my dear mother');
    const words = readTranscriptDoc(doc).segments[0]!.words;
    expect(words[4]).toEqual({ text: 'dear', startSeconds: 1.5, endSeconds: 1.5, checked: true });
    expect(words[5]).toMatchObject({ text: 'mother', startSeconds: 1.5, endSeconds: 2.4 });
    editSegmentText(segment, base, 'I look after mother');
    expect(readTranscriptDoc(doc).segments[0]!.text).toBe('I look after mother');
    expect(readTranscriptDoc(doc).segments[0]!.words[2]).toMatchObject({ text: 'after', endSeconds: 1.2 });
  });

  it('converges when two people correct different words of one segment at once, keeping both', () => {
    const { a, b, sync } = pair();
    const sa = findSegment(a, 's1')!;
    const sb = findSegment(b, 's1')!;
    editSegmentText(sa, segmentBase(sa), 'We look after my mother');
    editSegmentText(sb, segmentBase(sb), 'I look after my brother');
    sync();
    expect(readTranscriptDoc(a)).toEqual(readTranscriptDoc(b));
    expect(readTranscriptDoc(a).segments[0]!.text).toBe('We look after my brother');
  });

  it('converges when two people correct the same word at once', () => {
    const { a, b, sync } = pair();
    const sa = findSegment(a, 's1')!;
    const sb = findSegment(b, 's1')!;
    editSegmentText(sa, segmentBase(sa), 'I look after my mum');
    editSegmentText(sb, segmentBase(sb), 'I look after my mam');
    sync();
    expect(readTranscriptDoc(a)).toEqual(readTranscriptDoc(b));
    expect(['mum', 'mam']).toContain(readTranscriptDoc(a).segments[0]!.words[4]!.text);
  });

  it('edits from a stale base leave words someone else changed meanwhile alone', () => {
    const { a, b, sync } = pair();
    const sa = findSegment(a, 's1')!;
    const base = segmentBase(sa);
    const sb = findSegment(b, 's1')!;
    editSegmentText(sb, segmentBase(sb), 'We look after my mother');
    sync();
    // The person on `a` still sees "I …" in their box and changes the last word.
    editSegmentText(sa, base, 'I look after my father');
    sync();
    expect(readTranscriptDoc(b).segments[0]!.text).toBe('We look after my father');
  });

  it('puts a new segment where its start time belongs, with untimed words', () => {
    const doc = transcriptDoc();
    insertSegment(doc, { startSeconds: 5, endSeconds: 7, text: 'Then lunch.' });
    const id = insertSegment(doc, { startSeconds: 3.5, endSeconds: 4, text: 'Breakfast first' });
    const t = readTranscriptDoc(doc);
    expect(t.segments.map((s) => s.text)).toEqual(['I look after my mother', 'Breakfast first', 'Then lunch.']);
    expect(t.segments[1]).toMatchObject({ id, words: [{ text: 'Breakfast', startSeconds: null }, {}] });
  });
});

describe('changedSpan', () => {
  it('finds the words between the common start and end', () => {
    expect(changedSpan(['a', 'b', 'c'], ['a', 'x', 'y', 'c'])).toEqual({ head: 1, removed: ['b'], added: ['x', 'y'] });
    expect(changedSpan(['a', 'a'], ['a'])).toEqual({ head: 1, removed: ['a'], added: [] });
  });
});

describe('the PUT body', () => {
  const problemsOf = (body: unknown) =>
    putTranscriptBodySchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('lists every problem with its path, empty text and overlaps together', () => {
    const problems = problemsOf({
      segments: [
        { startSeconds: 0, endSeconds: 4, text: 'One' },
        { startSeconds: 3, endSeconds: 5, text: '   ' },
        { startSeconds: 1, endSeconds: 2, text: 'Three' },
        { startSeconds: 6, endSeconds: 7, text: 'a b', words: [{ text: 'a', startSeconds: 6, endSeconds: 6.5 }] },
      ],
    });
    expect(problems).toEqual([
      'segments.1.text: This segment has no words. Write what is said, or leave the segment out.',
      'segments.1.startSeconds: This segment overlaps the one above it, which ends at 4 s.',
      'segments.2.startSeconds: Segments must be in time order: this one starts before the one above it.',
      'segments.3.words: The words must spell out the segment’s text, in order.',
    ]);
  });

  it('names a speaker missing from the speakers map', () => {
    expect(
      problemsOf({ segments: [{ startSeconds: 0, endSeconds: 1, text: 'Hi', speaker: 'x' }], speakers: { a: 'A' } }),
    ).toEqual(['segments.0.speaker: There is no speaker “x” in speakers; add them there or leave this out.']);
  });
});
