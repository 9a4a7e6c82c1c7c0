import type { ThreadPerson } from '../../../../../shared/contracts/documentThreads';

export interface MentionQuery {
  /** Where the "@" is. */
  start: number;
  /** What follows it, up to the caret. */
  query: string;
}

/** The "@name" being typed just before the caret, if any (an "@" inside a word, like an email address, is not one). */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Members whose name fits what was typed: names starting with it first, then names containing it. */
export function matchingPeople(people: ThreadPerson[], query: string, max = 6): ThreadPerson[] {
  const q = query.toLocaleLowerCase();
  const starts = people.filter((p) => p.name.toLocaleLowerCase().startsWith(q));
  const contains = people.filter((p) => !starts.includes(p) && p.name.toLocaleLowerCase().includes(q));
  return [...starts, ...contains].slice(0, max);
}

/** The text with "@query" replaced by "@Name ", and where the caret goes after it. */
export function insertMention(
  text: string,
  at: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, at.start) + inserted + text.slice(caret), caret: at.start + inserted.length };
}

/** The chosen people whose "@Name" is still in the text: a mention deleted from the text is no mention. */
export const stillMentioned = (text: string, chosen: ThreadPerson[]): string[] => [
  ...new Set(chosen.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id)),
];

/** A comment's text cut into plain parts and mentions, to show each "@Name" as a mention. */
export function bodyParts(body: string, mentions: ThreadPerson[]): { text: string; mention?: ThreadPerson }[] {
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const parts: { text: string; mention?: ThreadPerson }[] = [];
  let rest = body;
  while (rest.length > 0) {
    let best: { index: number; person: ThreadPerson } | null = null;
    for (const person of names) {
      const index = rest.indexOf(`@${person.name}`);
      if (index >= 0 && (best === null || index < best.index)) best = { index, person };
    }
    if (!best) {
      parts.push({ text: rest });
      break;
    }
    if (best.index > 0) parts.push({ text: rest.slice(0, best.index) });
    parts.push({ text: `@${best.person.name}`, mention: best.person });
    rest = rest.slice(best.index + best.person.name.length + 1);
  }
  return parts;
}
