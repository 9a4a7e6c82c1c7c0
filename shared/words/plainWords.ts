/**
 * The word list (docs/words.md): what we say on a carer's screen, what we never say to a carer, and where. Kept
 * here as data so code can check its own words against it (notification texts, for one); the table in
 * docs/words.md is printed from this list (`npx tsx scripts/wordsTable.ts --write`) and a unit test keeps the two
 * the same (decision record 0024).
 */
export interface WordRule {
  say: string;
  /** The words as the page shows them in the "Not" column. */
  not: string;
  where: string;
  /**
   * What `jargonIn` looks for: whole words, case ignored; a trailing `*` takes any ending ("render*" finds
   * "rendering").
   */
  never: readonly string[];
}

export const wordRules: readonly WordRule[] = [
  {
    say: "recordings (everyone's), your recordings (your own), a recording",
    not: 'clips, a clip',
    where: "carers' screens (editors may say clip)",
    never: ['clip', 'clips'],
  },
  { say: 'being checked', not: 'in review', where: 'status of a recording', never: ['in review'] },
  {
    say: 'ready to use / not used',
    not: 'approved / rejected',
    where: 'review results shown to carers',
    never: ['approved', 'rejected'],
  },
  {
    say: 'you said: podcast yes, written quotes yes, anyone may hear it',
    not: 'Podcast ✓ · Publication quotes ✓ · Public',
    where: 'consent summary',
    never: ['✓'],
  },
  {
    say: 'take back your consent',
    not: 'withdraw, revoke',
    where: 'carers\' screens; "withdraw" is fine in the button once explained',
    never: ['withdraw*', 'revoke*'],
  },
  {
    say: 'needs your attention',
    not: 'flagged',
    where: 'an episode affected by a change of consent',
    never: ['flag*'],
  },
  {
    say: 'make the episode',
    not: 'render',
    where: 'carers\' screens; editors see "render" with "(make the sound file)" once',
    never: ['render*'],
  },
  {
    say: 'the podcast (in podcast apps)',
    not: 'the feed, RSS',
    where: "carers' screens; the feed address is for editors and the show's page",
    never: ['feed', 'feeds', 'RSS'],
  },
  { say: 'loudness', not: 'LUFS, dBTP', where: 'behind "More detail" on the render panel', never: ['LUFS', 'dBTP'] },
  {
    say: 'sound file',
    not: 'WAV, MP3, M4A/AAC, OGG/Opus',
    where: 'upload hints; the list of formats goes behind "More detail"',
    never: ['WAV', 'MP3', 'M4A', 'AAC', 'OGG', 'Opus'],
  },
  {
    say: 'captions file',
    not: 'WebVTT, SubRip, UTF-8',
    where: 'transcript upload',
    never: ['WebVTT', 'VTT', 'SubRip', 'UTF-8'],
  },
  {
    say: 'the words version you agreed to',
    not: 'consent wording version 1',
    where: 'consent panel',
    never: ['consent wording version'],
  },
  { say: 'people in this project', not: 'workspace members', where: "carers' screens", never: ['workspace members'] },
  {
    say: 'hide words; strike out — never heard or read; words removed',
    not: 'redact, redaction',
    where: 'transcript on the clip page (the API and code say redaction)',
    never: ['redact*'],
  },
  {
    say: 'describe the image; this image is only decoration',
    not: 'alt text, alternative text, decorative',
    where: 'the image dialog in the editor (the API and code say `alt` and `decorative`)',
    never: ['alt text', 'alternative text'],
  },
];

/** Never said to anyone, on any screen (the line under the table). */
export const neverSay: readonly string[] = ['user', 'users', 'asset', 'assets', 'content', 'submit*', 'invalid'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A never-say entry as a pattern: whole words (letters or digits on neither side), any case, `*` any ending. */
function patternOf(word: string): RegExp {
  const stem = word.endsWith('*');
  const body = escape(stem ? word.slice(0, -1) : word).replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${stem ? '[\\p{L}]*' : ''}(?![\\p{L}\\p{N}])`, 'iu');
}

const carerPatterns = [...wordRules.flatMap((r) => r.never), ...neverSay].map((w) => [w, patternOf(w)] as const);

/** The words of the list found in `text`, as the list writes them: empty when a carer may read it. */
export function jargonIn(text: string): string[] {
  return carerPatterns.filter(([, p]) => p.test(text)).map(([w]) => w);
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The table at the top of docs/words.md, as it is printed there. */
export function wordsTableMarkdown(): string {
  return [
    '| Say | Not | Where |',
    '|---|---|---|',
    ...wordRules.map((r) => `| ${cell(r.say)} | ${cell(r.not)} | ${cell(r.where)} |`),
  ].join('\n');
}
