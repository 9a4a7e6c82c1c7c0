import { z } from 'zod';

export const searchQuerySchema = z.object({
  q: z
    .string({ message: 'Say what to look for: ?q=respite' })
    .trim()
    .min(1, { message: 'Say what to look for: ?q=respite' })
    .max(200, { message: 'A search can be at most 200 characters.' }),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchKinds = ['clip', 'document', 'episode'] as const;

export const searchResultSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  /** A few words around the first match, from the text itself. */
  snippet: z.string(),
  /** For a clip: where in the recording the matching words are said. */
  atSeconds: z.number().optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResultsSchema = z.object({ results: z.array(searchResultSchema) });
export type SearchResults = z.infer<typeof searchResultsSchema>;

/** The words of a search, as both databases' indexes split them (letters and digits; at most ten). */
export const searchTermsOf = (q: string): string[] => (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
