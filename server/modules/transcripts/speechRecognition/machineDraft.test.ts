import { describe, expect, it } from 'vitest';
import { readEngineAnswer, UnusableAnswerError } from './engineAnswer';
import { machineDraft, wordsFromTokens } from './machineDraft';

const draftOf = (json: unknown, clipSeconds: number | null = 10) => machineDraft(readEngineAnswer(json), clipSeconds);
const texts = (json: unknown, clipSeconds: number | null = 10) =>
  draftOf(json, clipSeconds).segments.map((s) => s.text);

/** whisper.cpp's server, `verbose_json`: word timings inside segments, tokens with leading spaces, sub-word pieces. */
const whisperCpp = {
  task: 'transcribe',
  language: 'english',
  duration: 4.2,
  text: ' I look after my mother. Chorus helps.',
  segments: [
    {
      id: 0,
      text: ' I look after my mother.',
      start: 0.0,
      end: 2.1,
      words: [
        { word: ' I', start: 0.0, end: 0.2, probability: 0.9 },
        { word: ' look', start: 0.2, end: 0.5, probability: 0.9 },
        { word: ' after', start: 0.5, end: 0.9, probability: 0.9 },
        { word: ' my', start: 0.9, end: 1.1, probability: 0.9 },
        { word: ' mother', start: 1.1, end: 1.8, probability: 0.9 },
        { word: '.', start: 1.8, end: 2.1, probability: 0.9 },
      ],
    },
    {
      id: 1,
      text: ' Chorus helps.',
      start: 2.1,
      end: 3.6,
      words: [
        { word: ' Chor', start: 2.2, end: 2.5 },
        { word: 'us', start: 2.5, end: 2.8 },
        { word: ' helps', start: 2.8, end: 3.4 },
        { word: '.', start: 3.4, end: 3.6 },
      ],
    },
  ],
};

/** speaches (faster-whisper): segments without words, and a top-level `words` list. */
const speaches = {
  task: 'transcribe',
  language: 'en',
  duration: 4.2,
  text: 'I look after my mother. Chorus helps.',
  segments: [
    { id: 1, start: 0.0, end: 2.1, text: ' I look after my mother.', words: null },
    { id: 2, start: 2.1, end: 3.6, text: ' Chorus helps.', words: null },
  ],
  words: [
    { start: 0.0, end: 0.2, word: ' I', probability: 0.9 },
    { start: 0.2, end: 0.5, word: ' look', probability: 0.9 },
    { start: 0.5, end: 0.9, word: ' after', probability: 0.9 },
    { start: 0.9, end: 1.1, word: ' my', probability: 0.9 },
    { start: 1.1, end: 2.1, word: ' mother.', probability: 0.9 },
    { start: 2.2, end: 2.8, word: ' Chorus', probability: 0.9 },
    { start: 2.8, end: 3.6, word: ' helps.', probability: 0.9 },
  ],
};

describe('the machine draft from an engine’s answer', () => {
  it('reads whisper.cpp’s shape: leading spaces trimmed, sub-word tokens and punctuation joined to their word', () => {
    const draft = draftOf(whisperCpp);
    expect(draft.segments.map((s) => s.text)).toEqual(['I look after my mother.', 'Chorus helps.']);
    expect(draft.segments[0]!.words!.at(-1)).toEqual({ text: 'mother.', startSeconds: 1.1, endSeconds: 2.1 });
    expect(draft.segments[1]).toMatchObject({ id: 'machine-2', startSeconds: 2.2, endSeconds: 3.6 });
    expect(draft.segments[1]!.words![0]).toEqual({ text: 'Chorus', startSeconds: 2.2, endSeconds: 2.8 });
  });

  it('reads speaches’ shape: the top-level words shared out to the segments they fall in', () => {
    const draft = draftOf(speaches);
    expect(draft.segments.map((s) => s.text)).toEqual(['I look after my mother.', 'Chorus helps.']);
    expect(draft.segments.map((s) => s.words!.map((w) => w.text))).toEqual([
      ['I', 'look', 'after', 'my', 'mother.'],
      ['Chorus', 'helps.'],
    ]);
    // Both shapes of the same speech give the same segments and timings.
    expect(draft.segments.map((s) => [s.startSeconds, s.endSeconds])).toEqual(
      draftOf(whisperCpp).segments.map((s) => [s.startSeconds, s.endSeconds]),
    );
  });

  it('repairs timings that go backwards, ends before starts, and anything past the clip’s end', () => {
    const draft = draftOf(
      {
        segments: [
          {
            start: 0,
            end: 3,
            text: ' one two three',
            words: [
              { word: ' one', start: 1.0, end: 1.5 },
              { word: ' two', start: 0.4, end: 0.2 }, // backwards, and ending before it starts
              { word: ' three', start: 2.0, end: 2.5 },
            ],
          },
          {
            start: 2.0, // starts before the segment above ends
            end: 9,
            text: ' four five',
            words: [
              { word: ' four', start: 2.2, end: 3.2 },
              { word: ' five', start: 3.4, end: 9 }, // past the clip's end (4 s)
            ],
          },
        ],
      },
      4,
    );
    const words = draft.segments.flatMap((s) => s.words!);
    expect(words.map((w) => [w.text, w.startSeconds, w.endSeconds])).toEqual([
      ['one', 1, 1.5],
      ['two', 1.5, 1.5],
      ['three', 2, 2.5],
      ['four', 2.5, 3.2],
      ['five', 3.4, 4],
    ]);
    expect(draft.segments.map((s) => [s.startSeconds, s.endSeconds])).toEqual([
      [1, 2.5],
      [2.5, 4],
    ]);
  });

  it('leaves out empty segments, special tokens and segments that start at the clip’s very end', () => {
    expect(
      texts(
        {
          segments: [
            { start: 0, end: 1, text: '   ', words: [] },
            {
              start: 1,
              end: 2,
              text: ' hello',
              words: [
                { word: '[_BEG_]', start: 1, end: 1 },
                { word: ' hello', start: 1, end: 2 },
              ],
            },
            { start: 2, end: 3, text: ' ', words: [{ word: ' ', start: 2, end: 3 }] },
            { start: 5, end: 6, text: ' after the end', words: [{ word: ' after', start: 5, end: 6 }] },
          ],
        },
        4,
      ),
    ).toEqual(['hello']);
  });

  it('takes each token as a word when an engine trims them all', () => {
    expect(
      wordsFromTokens([
        { word: 'I', start: 0, end: 0.2 },
        { word: 'care', start: 0.2, end: 0.6 },
      ]).map((w) => w.text),
    ).toEqual(['I', 'care']);
  });

  it('splits a token holding several words, their time shared evenly', () => {
    expect(wordsFromTokens([{ word: ' good morning', start: 1, end: 2 }])).toEqual([
      { text: 'good', start: 1, end: 1.5 },
      { text: 'morning', start: 1.5, end: 2 },
    ]);
  });

  it('makes segments from a bare word list, and keeps text-only segments without word timings', () => {
    const bare = draftOf({
      words: [
        { word: ' Hello.', start: 0, end: 0.5 },
        { word: ' It', start: 0.6, end: 0.8 },
        { word: ' rains', start: 3, end: 3.5 },
      ],
    });
    expect(bare.segments.map((s) => s.text)).toEqual(['Hello.', 'It', 'rains']);
    const plain = draftOf({ segments: [{ start: 0.5, end: 2, text: '  Some   days are long. ' }] });
    expect(plain.segments).toEqual([
      { id: 'machine-1', startSeconds: 0.5, endSeconds: 2, text: 'Some days are long.' },
    ]);
    expect(draftOf({ text: 'Just text.', duration: 3 }, null).segments).toEqual([
      { id: 'machine-1', startSeconds: 0, endSeconds: 3, text: 'Just text.' },
    ]);
  });

  it('leaves out items that are not what the contract says, and refuses an answer that is no transcript', () => {
    expect(
      texts({
        segments: [
          { start: 'zero', text: 5 },
          { start: 0, end: 1, text: ' kept', words: [{ word: 7 }, { word: ' kept', start: 0, end: 1 }] },
        ],
      }),
    ).toEqual(['kept']);
    expect(() => readEngineAnswer('<html>Not found</html>')).toThrow(UnusableAnswerError);
    expect(() => readEngineAnswer({ error: { message: 'model not loaded' } })).toThrow(
      /without segments, words or text/,
    );
    expect(() => readEngineAnswer({ segments: 'many' })).toThrow(UnusableAnswerError);
    expect(draftOf({ text: '', segments: [] }).segments).toEqual([]);
  });

  it('keeps the contract’s size limits', () => {
    const many = Array.from({ length: 6_000 }, (_, i) => ({ word: ' w', start: i / 1000, end: (i + 1) / 1000 }));
    const draft = draftOf({ segments: [{ start: 0, end: 6, text: '', words: many }] });
    expect(draft.segments[0]!.words).toHaveLength(5_000);
    const long = draftOf({
      segments: [{ start: 0, end: 1, text: '', words: [{ word: ` ${'a'.repeat(500)}`, start: 0, end: 1 }] }],
    });
    expect(long.segments[0]!.text).toHaveLength(200);
  });
});
