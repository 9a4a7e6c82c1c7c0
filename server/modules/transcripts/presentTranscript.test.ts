import { describe, expect, it } from 'vitest';
import { presentSegments, sourceOf } from './presentTranscript';
import { transcriptDocumentId } from './transcriptDocumentId';

const word = (text: string, start: number | null) => ({
  text,
  startSeconds: start,
  endSeconds: start === null ? null : start + 0.5,
  checked: false,
});

describe('presenting a transcript', () => {
  it('gives word timings only where every word has one, and leaves out segments emptied by editing', () => {
    const segments = presentSegments([
      { id: 'a', startSeconds: 0, endSeconds: 1, text: 'Hi there', words: [word('Hi', 0), word('there', 0.5)] },
      {
        id: 'b',
        startSeconds: 1,
        endSeconds: 2,
        text: 'typed words',
        words: [word('typed', null), word('words', null)],
      },
      { id: 'c', startSeconds: 2, endSeconds: 3, text: '', words: [] },
    ]);
    expect(segments.map((s) => s.id)).toEqual(['a', 'b']);
    expect(segments[0]!.words).toHaveLength(2);
    expect(segments[1]).not.toHaveProperty('words');
  });

  it('says typed without a machine draft, machine while it reads as the draft, mixed after', () => {
    const draft = JSON.stringify({ segments: [{ startSeconds: 0, endSeconds: 1, text: 'Hi there' }] });
    const asDrafted = [{ id: 'x', startSeconds: 0, endSeconds: 1, text: 'Hi there' }];
    expect(sourceOf(asDrafted, null)).toBe('typed');
    expect(sourceOf(asDrafted, draft)).toBe('machine');
    expect(sourceOf([{ ...asDrafted[0]!, text: 'Hi their' }], draft)).toBe('mixed');
  });

  it('derives one transcript document id per clip, as a UUID', () => {
    const id = transcriptDocumentId('7a1f0c2e-8d4b-4e6a-9c3d-2b1a0f9e8d7c');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(transcriptDocumentId('7A1F0C2E-8D4B-4E6A-9C3D-2B1A0F9E8D7C')).toBe(id);
    expect(transcriptDocumentId('0a1f0c2e-8d4b-4e6a-9c3d-2b1a0f9e8d7c')).not.toBe(id);
  });
});
