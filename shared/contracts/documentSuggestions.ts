import { z } from 'zod';

/**
 * Suggested changes in a document's text (track changes). The text carries the marks (`insertion`,
 * `deletion`, `modification`) with the suggestion's id; who made it is recorded by the server.
 */
export const suggestionPersonSchema = z.object({ id: z.string(), name: z.string() });

export const documentSuggestionSchema = z.object({
  /** The mark's `id` as the editor holds it (a number or a string). */
  id: z.union([z.string(), z.number()]),
  /** What it changes: words added, words taken out, both (words replaced), or formatting. */
  kind: z.enum(['insertion', 'deletion', 'replacement', 'formatting']),
  /** The suggested new words (at most 200 characters), empty for a deletion. */
  inserted: z.string(),
  /** The words it would take out (at most 200 characters), empty for an insertion. */
  deleted: z.string(),
  /** Null when the server has no record of who made it (made before suggestions were recorded). */
  author: suggestionPersonSchema.nullable(),
  createdAt: z.string().nullable(),
});
export type DocumentSuggestion = z.infer<typeof documentSuggestionSchema>;

export const documentSuggestionListSchema = z.object({
  /** Open suggestions in the order they appear in the text. */
  suggestions: z.array(documentSuggestionSchema),
  /** Whether the caller may accept and reject them (those who may edit), and suggest (those who may comment). */
  abilities: z.object({ decide: z.boolean(), suggest: z.boolean() }),
});
export type DocumentSuggestionList = z.infer<typeof documentSuggestionListSchema>;
