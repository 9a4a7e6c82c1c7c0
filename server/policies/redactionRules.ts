/**
 * Redaction (issue 10 §1): words a contributor struck out are never heard or read again. Who may strike and read the
 * struck words is in transcriptRules (`transcript.redact`, `transcript.redactions`); this is the rule for audio made
 * before a stretch was struck, asked by everything that serves a render (the feed, the public pages, publishing and
 * members' playback, through renderConsent).
 */

/** The redactions of a render's clips it did not silence: while any is left, nobody may hear the render. */
export function unsilencedRedactions(
  silenced: readonly string[] | null,
  current: ReadonlyArray<{ id: string }>,
): string[] {
  const done = new Set(silenced ?? []);
  return current.filter((r) => !done.has(r.id)).map((r) => r.id);
}

/** What a person is told about such a render. */
export const struckSinceRenderRefusal = (clipTitle: string): string =>
  `The person who made “${clipTitle}” struck out words in it after this render was made, so it can no longer be played or published. Render the episode again: the new render leaves those words silent.`;

/** The ids a render's row says it silenced (its `redactions` column, JSON), defensively. */
export function silencedIdsOf(stored: string | null): string[] | null {
  if (stored === null) return null;
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
