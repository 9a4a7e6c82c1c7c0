/** The first Markdown table on a page (its lines starting with `|`): where the word list sits in docs/words.md. */
export function wordsTableIn(page: string): string {
  const lines = page.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  if (start === -1) return '';
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** The page with its first table replaced by `table`. */
export function replaceWordsTable(page: string, table: string): string {
  const old = wordsTableIn(page);
  if (!old) throw new Error('The page has no table to replace.');
  return page.replace(old, table);
}
