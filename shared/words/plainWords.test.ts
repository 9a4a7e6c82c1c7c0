import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { jargonIn, wordsTableMarkdown } from './plainWords';
import { wordsTableIn } from './wordsDoc';

describe('the word list', () => {
  it('is the table docs/words.md shows', async () => {
    const page = await readFile(new URL('../../docs/words.md', import.meta.url), 'utf8');
    expect(wordsTableIn(page), 'run `npx tsx scripts/wordsTable.ts --write` to print the list into the page').toBe(
      wordsTableMarkdown(),
    );
  });

  it('finds the words we never say to a carer, whole words in any case, with their endings where asked', () => {
    expect(jargonIn('Your clip was flagged after the render.')).toEqual(['clip', 'flag*', 'render*']);
    expect(jargonIn('The episode has finished RENDERING.')).toEqual(['render*']);
    expect(jargonIn('It is In  Review and goes in the feed at -16 LUFS')).toEqual(['in review', 'feed', 'LUFS']);
    expect(jargonIn('Submitted by a user; invalid content')).toEqual(['user', 'content', 'submit*', 'invalid']);
    expect(jargonIn('Upload a WebVTT file (UTF-8)')).toEqual(['WebVTT', 'UTF-8']);
    // Plain words, and words that only contain a listed one, pass.
    expect(jargonIn('Your recording is being checked. Copy it to the clipboard; she felt contented.')).toEqual([]);
    expect(jargonIn('Only people in this project may hear it; the feedback was kind.')).toEqual([]);
  });
});
