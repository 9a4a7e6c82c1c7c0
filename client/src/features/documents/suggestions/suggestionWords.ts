import type { DocumentSuggestion } from '../../../../../shared/contracts/documentSuggestions';

const quoted = (text: string) => `“${text.trim() || text}”`;

/** What a suggestion would do, in words: "add “x”", "take out “y”", "replace “y” with “x”". */
export function suggestionWords(s: Pick<DocumentSuggestion, 'kind' | 'inserted' | 'deleted'>): string {
  switch (s.kind) {
    case 'insertion':
      return `add ${quoted(s.inserted)}`;
    case 'deletion':
      return `take out ${quoted(s.deleted)}`;
    case 'replacement':
      return `replace ${quoted(s.deleted)} with ${quoted(s.inserted)}`;
    case 'formatting':
      return 'change the formatting';
  }
}

/** Who suggested it, as a name ("Someone" when the server has no record). */
export const suggesterName = (s: Pick<DocumentSuggestion, 'author'>, myId: string): string =>
  s.author ? (s.author.id === myId ? 'You' : s.author.name) : 'Someone';
