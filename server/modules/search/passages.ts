import type { JSONContent } from '@tiptap/core';
import { altTextOf, documentImageName } from '../../../shared/editor/documentImage';
import type { LiveTranscript } from '../../../shared/transcripts/transcriptDoc';
import type { NewPassage } from './searchRepository';

/**
 * The text of each kind of source, cut into passages: a transcript segment each (with its time, so a result
 * plays from there), a few paragraphs of a document each, an episode's title and notes as one. The source's
 * title is indexed with its first passage only, so a title match finds the source once.
 */

/** About the length of a paragraph or two: short enough that a snippet is near what was found. */
const wordsPerPassage = 120;

const titled = (title: string, passages: NewPassage[]): NewPassage[] =>
  passages.length === 0
    ? [{ title, body: '', at_seconds: null }]
    : passages.map((p, i) => (i === 0 ? { ...p, title } : p));

export function transcriptPassages(title: string, transcript: LiveTranscript): NewPassage[] {
  return titled(
    title,
    transcript.segments
      .filter((s) => s.text !== '')
      .map((s) => ({ title: '', body: s.text, at_seconds: s.startSeconds })),
  );
}

/**
 * Every block's text, in reading order (a block's inline pieces run together; hard breaks become spaces). An image
 * counts as a block of its description, so an image is found by what it shows (decoration by nothing).
 */
export function blockTexts(node: JSONContent): string[] {
  const inline = (n: JSONContent): string =>
    n.type === 'text' ? (n.text ?? '') : n.type === 'hardBreak' ? ' ' : (n.content ?? []).map(inline).join('');
  const blocks: string[] = [];
  const walk = (n: JSONContent) => {
    const children = n.content ?? [];
    if (n.type === documentImageName) blocks.push(altTextOf(n.attrs));
    else if (children.some((c) => c.type === 'text' || c.type === 'hardBreak')) blocks.push(inline(n));
    else children.forEach(walk);
  };
  walk(node);
  return blocks.map((b) => b.replace(/\s+/g, ' ').trim()).filter((b) => b !== '');
}

export function documentPassages(title: string, body: JSONContent): NewPassage[] {
  const passages: NewPassage[] = [];
  let current: string[] = [];
  let count = 0;
  const flush = () => {
    if (current.length) passages.push({ title: '', body: current.join('\n'), at_seconds: null });
    current = [];
    count = 0;
  };
  for (const block of blockTexts(body)) {
    const words = block.split(' ').length;
    if (count > 0 && count + words > wordsPerPassage) flush();
    // A very long paragraph is cut on its own, so no passage is much longer than the rest.
    if (words > wordsPerPassage) {
      const split = block.split(' ');
      for (let i = 0; i < split.length; i += wordsPerPassage)
        passages.push({ title: '', body: split.slice(i, i + wordsPerPassage).join(' '), at_seconds: null });
      continue;
    }
    current.push(block);
    count += words;
  }
  flush();
  return titled(title, passages);
}

export const episodePassages = (title: string, description: string | null): NewPassage[] =>
  titled(title, description?.trim() ? [{ title: '', body: description.trim(), at_seconds: null }] : []);

/** A few words around the first word that matches a term (by its beginning, as the indexes' stemming roughly does). */
export function snippetOf(text: string, terms: readonly string[], before = 8, after = 16): string {
  const words = text.split(/\s+/).filter(Boolean);
  const stems = terms.map((t) => t.toLowerCase().slice(0, Math.max(3, t.length - 2)));
  const at = words.findIndex((w) => {
    const word = w.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
    return stems.some((s) => word.startsWith(s));
  });
  const from = Math.max(0, at < 0 ? 0 : at - before);
  const to = Math.min(words.length, from + before + after);
  return `${from > 0 ? '… ' : ''}${words.slice(from, to).join(' ')}${to < words.length ? ' …' : ''}`;
}
