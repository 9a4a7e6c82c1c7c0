// `npx tsx scripts/wordsTable.ts`: prints the word list table of docs/words.md from shared/words/plainWords.ts;
// with `--write`, puts it into docs/words.md in place of the table there (the first one on the page).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { replaceWordsTable } from '../shared/words/wordsDoc';
import { wordsTableMarkdown } from '../shared/words/plainWords';

const page = fileURLToPath(new URL('../docs/words.md', import.meta.url));
if (process.argv.includes('--write')) {
  await writeFile(page, replaceWordsTable(await readFile(page, 'utf8'), wordsTableMarkdown()));
  console.log(`Wrote the word list table into ${page}.`);
} else console.log(wordsTableMarkdown());
