import * as Y from 'yjs';
import { commentAttributeKey, isCommentAttribute } from '../../../shared/editor/commentMark';
import { documentFieldName } from '../../../shared/editor/schema';

/** A stretch of one Y.XmlText. */
interface TextRange {
  text: Y.XmlText;
  index: number;
  length: number;
}

/** A place in the body: the `offset`-th character of the `ordinal`-th text node, depth first. */
interface Point {
  ordinal: number;
  offset: number;
}

type Container = Y.XmlFragment | Y.XmlElement;

/** Every text node of the body in document order (depth first). */
function textsInOrder(root: Container): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const walk = (node: Container) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(root);
  return texts;
}

/** How many text nodes come before child `index` of `target` (null when `target` is not in the body). */
function textsBefore(root: Container, target: Y.AbstractType<unknown>, index: number): number | null {
  let count = 0;
  let found: number | null = null;
  const walk = (node: Container) => {
    const children = node.toArray();
    children.forEach((child, i) => {
      if (node === target && i === index) found = count;
      if (child instanceof Y.XmlText) count++;
      else if (child instanceof Y.XmlElement) walk(child);
    });
    if (node === target && index >= children.length) found = count;
  };
  walk(root);
  return found;
}

/**
 * Where a relative position now is, as a point in the text. A position between nodes (rare: the
 * editor anchors selections in text) becomes the start of the next text for `start`, the end of the
 * previous one for `end`.
 */
function pointOf(
  doc: Y.Doc,
  root: Container,
  texts: Y.XmlText[],
  encoded: Uint8Array,
  side: 'start' | 'end',
): Point | null {
  let abs: Y.AbsolutePosition | null;
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(encoded), doc);
  } catch {
    return null;
  }
  if (!abs) return null;
  if (abs.type instanceof Y.XmlText) {
    const ordinal = texts.indexOf(abs.type);
    return ordinal < 0 ? null : { ordinal, offset: Math.min(abs.index, abs.type.length) };
  }
  const before = textsBefore(root, abs.type, abs.index);
  if (before === null) return null;
  if (side === 'start') return before < texts.length ? { ordinal: before, offset: 0 } : null;
  return before > 0 ? { ordinal: before - 1, offset: texts[before - 1]!.length } : null;
}

/** The stretches of text between two points, skipping empty ones. */
function rangesBetween(texts: Y.XmlText[], from: Point, to: Point): TextRange[] {
  const ranges: TextRange[] = [];
  for (let ordinal = from.ordinal; ordinal <= to.ordinal; ordinal++) {
    const text = texts[ordinal]!;
    const start = ordinal === from.ordinal ? from.offset : 0;
    const end = ordinal === to.ordinal ? to.offset : text.length;
    if (end > start) ranges.push({ text, index: start, length: end - start });
  }
  return ranges;
}

/** A text node's characters, without formatting (anything that is not text counts as one character). */
const plain = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');

export const maxQuoteLength = 2000;

/** Raised when the chosen words are no longer in the document (deleted meanwhile, or never there). */
export class PassageGone extends Error {}

export interface MarkedPassage {
  /** The Yjs update that marks the passage; it must reach the live document through its update log. */
  update: Uint8Array;
  /** The passage's words as they read now (paragraphs joined by a line break). */
  quote: string;
}

/**
 * Marks the words between two relative positions with a thread's `comment` mark, on a scratch copy
 * of `state`: the returned update is an ordinary change (logged, applied and relayed like typing).
 * Relative positions stick to characters, so edits made since the selection was taken (before it,
 * inside it) do not shift which words are marked.
 */
export function markPassage(state: Uint8Array, from: Uint8Array, to: Uint8Array, threadId: string): MarkedPassage {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const root = doc.getXmlFragment(documentFieldName);
    const texts = textsInOrder(root);
    const start = pointOf(doc, root, texts, from, 'start');
    const end = pointOf(doc, root, texts, to, 'end');
    if (!start || !end) throw new PassageGone();
    const ranges = rangesBetween(texts, start, end);
    if (ranges.length === 0) throw new PassageGone();
    let quote = ranges.map((r) => plain(r.text).slice(r.index, r.index + r.length)).join('\n');
    if (quote.trim() === '') throw new PassageGone();
    if (quote.length > maxQuoteLength) quote = `${quote.slice(0, maxQuoteLength - 1)}…`;

    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    const key = commentAttributeKey(threadId);
    doc.transact(() => {
      for (const r of ranges) r.text.format(r.index, r.length, { [key]: { threadId } });
    });
    if (!update) throw new PassageGone();
    return { update, quote };
  } finally {
    doc.destroy();
  }
}

/**
 * Where each thread's passage starts, in characters from the start of the body, for the threads
 * whose mark is still in the document. A thread missing here lost all its words: it is orphaned.
 */
export function anchoredThreads(state: Y.Doc | Uint8Array): Map<string, number> {
  const doc = state instanceof Y.Doc ? state : new Y.Doc();
  try {
    if (!(state instanceof Y.Doc)) Y.applyUpdate(doc, state);
    const found = new Map<string, number>();
    let offset = 0;
    for (const text of textsInOrder(doc.getXmlFragment(documentFieldName))) {
      for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        for (const [name, value] of Object.entries(op.attributes ?? {})) {
          const threadId =
            isCommentAttribute(name) && typeof value === 'object' && value !== null
              ? (value as { threadId?: unknown }).threadId
              : undefined;
          if (typeof threadId === 'string' && !found.has(threadId)) found.set(threadId, offset);
        }
        offset += typeof op.insert === 'string' ? op.insert.length : 1;
      }
    }
    return found;
  } finally {
    if (!(state instanceof Y.Doc)) doc.destroy();
  }
}
