import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFieldName } from '../../../shared/editor/schema';
import type { LiveTranscript } from '../../../shared/transcripts/transcriptDoc';
import { appendQuoteUpdate, insertQuoteUpdate, quoteElementsOf, takeOutQuotesUpdate } from './quoteDoc';
import { quoteWords } from './quoteWords';

const word = (text: string, start: number | null) => ({
  text,
  startSeconds: start,
  endSeconds: start === null ? null : start + 0.5,
  checked: false,
});
const transcript: LiveTranscript = {
  segments: [
    {
      id: 'a',
      startSeconds: 0,
      endSeconds: 2,
      speaker: 'mary',
      text: 'I look after mum.',
      words: [word('I', 0), word('look', 0.5), word('after', 1), word('mum.', 1.5)],
    },
    { id: 'b', startSeconds: 2.5, endSeconds: 4, text: 'typed', words: [word('typed', null)] },
  ],
  speakers: { mary: 'Mary' },
  checked: false,
};

describe('the words of a quote', () => {
  it('takes timed words by where most of each is heard, with the speaker of the first', () => {
    expect(quoteWords(transcript, 0.4, 2)).toEqual({ text: 'look after mum.', speakerKey: 'mary' });
    expect(quoteWords(transcript, 0.9, 1.4)).toEqual({ text: 'after', speakerKey: 'mary' });
  });

  it('takes a segment without word timings only whole, and nothing where nothing is written down', () => {
    expect(quoteWords(transcript, 2.5, 4).text).toBe('typed');
    expect(quoteWords(transcript, 3, 4).text).toBe('');
    expect(quoteWords(transcript, 5, 6)).toEqual({ text: '' });
  });
});

describe('quote nodes in a document body', () => {
  it('appends a quote and later empties it, as one update each, leaving other quotes alone', () => {
    const doc = new Y.Doc();
    const attrs = (quoteId: string) => ({
      quoteId,
      clipId: 'clip',
      startSeconds: 0.5,
      endSeconds: 2,
      text: 'look after mum.',
      speaker: 'Mary',
      removed: null,
    });
    Y.applyUpdate(doc, appendQuoteUpdate(Y.encodeStateAsUpdate(doc), attrs('q1')));
    Y.applyUpdate(doc, appendQuoteUpdate(Y.encodeStateAsUpdate(doc), attrs('q2')));
    expect(doc.getXmlFragment(documentFieldName).length).toBe(2);
    expect(takeOutQuotesUpdate(Y.encodeStateAsUpdate(doc), new Set(['elsewhere']), 'withdrawn')).toBeNull();
    Y.applyUpdate(doc, takeOutQuotesUpdate(Y.encodeStateAsUpdate(doc), new Set(['q1']), 'withdrawn')!);
    const [first, second] = quoteElementsOf(doc);
    expect(first!.getAttributes()).toMatchObject({ quoteId: 'q1', text: '', speaker: '', removed: 'withdrawn' });
    expect(second!.getAttributes()).toMatchObject({ quoteId: 'q2', text: 'look after mum.', speaker: 'Mary' });
    expect(second!.getAttribute('removed')).toBeUndefined();
  });

  it('puts a quote at a place by the caret, between blocks, and not at a place the document does not hold', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment(documentFieldName);
    body.insert(0, [new Y.XmlElement('paragraph'), new Y.XmlElement('paragraph')]);
    const attrs = {
      quoteId: 'q',
      clipId: 'c',
      startSeconds: 0,
      endSeconds: 1,
      text: 'mum',
      speaker: 'Mary',
      removed: null,
    };
    const between = Y.createRelativePositionFromTypeIndex(body, 1);
    Y.applyUpdate(doc, insertQuoteUpdate(Y.encodeStateAsUpdate(doc), attrs, between)!);
    expect(body.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual(['paragraph', 'clipQuote', 'paragraph']);
    // A block only another copy of the document has (not received here yet).
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(doc));
    const theirs = elsewhere.getXmlFragment(documentFieldName);
    theirs.insert(0, [new Y.XmlElement('paragraph')]);
    const unknown = Y.createRelativePositionFromTypeIndex(theirs, 0);
    expect(insertQuoteUpdate(Y.encodeStateAsUpdate(doc), attrs, unknown)).toBeNull();
  });
});
