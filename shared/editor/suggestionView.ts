import type { JSONContent } from '@tiptap/core';
import { isSuggestionMarkName, type SuggestionMarkName } from './suggestionMarks';

type Mark = NonNullable<JSONContent['marks']>[number];

/** A suggestion's id as the server keys it (the library allows numbers and strings). */
export const suggestionKey = (id: unknown): string => (typeof id === 'number' ? `n:${id}` : `s:${String(id)}`);

const ZERO_WIDTH_SPACE = /\u200B/g;

const markOf = (marks: readonly Mark[] | undefined, name: SuggestionMarkName) =>
  marks?.filter((m) => m.type === name) ?? [];

function withoutMark(marks: readonly Mark[] | undefined, drop: (m: Mark) => boolean): Mark[] | undefined {
  const kept = (marks ?? []).filter((m) => !drop(m));
  return kept.length > 0 ? kept : undefined;
}

/** A node as it was before its modification marks: the previous attribute, node mark or node type back. */
function revertModifications(node: JSONContent): JSONContent {
  const mods = markOf(node.marks, 'modification');
  if (mods.length === 0) return node;
  let out: JSONContent = { ...node, marks: withoutMark(node.marks, (m) => m.type === 'modification') };
  for (const mod of mods) {
    const attrs = mod.attrs ?? {};
    if (attrs.type === 'attr' && typeof attrs.attrName === 'string') {
      out = { ...out, attrs: { ...out.attrs, [attrs.attrName]: attrs.previousValue as unknown } };
    } else if (attrs.type === 'nodeType' && typeof attrs.previousValue === 'string') {
      out = { ...out, type: attrs.previousValue };
    } else if (attrs.type === 'mark') {
      const added = attrs.newValue as Mark | null;
      const previous = attrs.previousValue as Mark | null;
      const marks = withoutMark(out.marks, (m) => !!added && m.type === added.type);
      out = { ...out, marks: previous ? [...(marks ?? []), previous] : marks };
    }
  }
  return out;
}

const sameMarks = (a: readonly Mark[] | undefined, b: readonly Mark[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Joins neighbouring text nodes with the same marks, as ProseMirror would. */
function joinText(content: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of content) {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    } else out.push(node);
  }
  return out;
}

/**
 * The document with every suggestion rejected: suggested insertions taken out, suggested deletions kept as
 * plain text, modifications reverted to their recorded previous values, and the library's zero-width markers
 * dropped. A pure function of the JSON, so the server can compare two states without an editor.
 * (The library's `revertSuggestions` command also swallows a space next to a rejected insertion, which
 * would let a change to accepted spaces slip through a comparison; this one changes nothing else.)
 */
export function rejectedView(node: JSONContent): JSONContent | null {
  if (markOf(node.marks, 'insertion').length > 0) return null;
  if (node.content) node = { ...node, content: joinInsertedBreaks(node.content) };
  let out = revertModifications(node);
  out = { ...out, marks: withoutMark(out.marks, (m) => m.type === 'deletion') };
  if (!out.marks) delete out.marks;
  if (out.type === 'text') {
    const text = (out.text ?? '').replace(ZERO_WIDTH_SPACE, '');
    return text === '' ? null : { ...out, text };
  }
  if (out.content) {
    out = {
      ...out,
      content: joinText(out.content.map(rejectedView).filter((n): n is JSONContent => n !== null)),
    };
    if (out.content!.length === 0) delete out.content;
  }
  return out;
}

const insertionIdOf = (node: JSONContent | undefined): unknown =>
  node?.type === 'text' ? markOf(node.marks, 'insertion')[0]?.attrs?.id : undefined;

/**
 * A suggested paragraph break: the library marks the text on both sides of a split it suggests with the same
 * insertion (zero-width spaces when there is no text there), so rejecting it joins the two blocks again, as the
 * library's own `revertSuggestions` does.
 */
function joinInsertedBreaks(content: readonly JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of content) {
    const previous = out.at(-1);
    const id = insertionIdOf(previous?.content?.at(-1));
    if (previous && id !== undefined && insertionIdOf(node.content?.[0]) === id) {
      out[out.length - 1] = { ...previous, content: [...previous.content!, ...node.content!] };
    } else out.push(node);
  }
  return out;
}

/** True when two documents are the same once every suggestion in each is rejected. */
export function sameAcceptedText(before: JSONContent, after: JSONContent): boolean {
  return canonical(rejectedView(before)) === canonical(rejectedView(after));
}

/** JSON with object keys sorted, so attribute order never makes two equal documents differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** One suggestion as found in the text: its parts in text order. */
export interface SuggestionInText {
  key: string;
  id: string | number;
  kinds: Set<SuggestionMarkName>;
  /** Suggested insertion and deletion text, in order (zero-width markers left out). */
  inserted: string;
  deleted: string;
  /** Everything the suggestion covers, to tell whether it changed: each part's kind, text or node, and mark. */
  fingerprint: string;
}

/** Every suggestion in the document, in the order they first appear in the text. */
export function suggestionsInText(doc: JSONContent): SuggestionInText[] {
  const found = new Map<string, SuggestionInText>();
  const parts = new Map<string, { head: string; body: string }[]>();
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      if (!isSuggestionMarkName(mark.type)) continue;
      const id = mark.attrs?.id as string | number | undefined;
      if (id === undefined || id === null) continue;
      const key = suggestionKey(id);
      let entry = found.get(key);
      if (!entry) {
        entry = { key, id, kinds: new Set(), inserted: '', deleted: '', fingerprint: '' };
        found.set(key, entry);
        parts.set(key, []);
      }
      entry.kinds.add(mark.type);
      const text = node.type === 'text' ? (node.text ?? '').replace(ZERO_WIDTH_SPACE, '') : '';
      if (mark.type === 'insertion') entry.inserted += node.type === 'text' ? text : ' ';
      if (mark.type === 'deletion') entry.deleted += node.type === 'text' ? text : ' ';
      // Neighbouring pieces of text under the same marks count as one, however the text happens to be split.
      const list = parts.get(key)!;
      const head = node.type === 'text' ? canonical({ text: true, marks: node.marks }) : '';
      const last = list.at(-1);
      if (node.type === 'text' && last?.head === head) last.body += node.text ?? '';
      else list.push({ head: head || canonical({ mark, type: node.type, attrs: node.attrs }), body: node.text ?? '' });
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  for (const [key, entry] of found) entry.fingerprint = JSON.stringify(parts.get(key));
  return [...found.values()];
}
