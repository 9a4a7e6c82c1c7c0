import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { AppError } from '../errors';

/**
 * How hard a new password is to guess, by zxcvbn-ts (the maintained TypeScript port of Dropbox's estimator)
 * with its common-password and English dictionaries. NIST SP 800-63B: no rules about character classes and
 * no forced changes; refuse what is known to be common or guessable from the person's own details.
 *
 * The bar: at least 8 characters (the contract checks that) and a score of 3 or more, about 10^8 guesses,
 * which with scrypt and the sign-in rate limit is far beyond an online attack and costly offline. A score
 * rather than a fixed 12 characters, because length alone lets "passwordpassword" through and turns away a
 * strong short one; a few ordinary words together ("kettle on the windowsill") pass easily.
 */
export const minimumScore = 3;

// Loaded on first use: building the dictionaries takes most of a second and 40 MB, which most test servers never need.
let estimator: Promise<ZxcvbnFactory> | undefined;
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [core, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new core.ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
  })();
  return estimator;
}

/** The person's own details, in the pieces a password might be made of: the email, its parts, the name's words. */
export function personalWords(person: { email: string; name: string }): string[] {
  const local = person.email.split('@')[0] ?? '';
  const words = [
    person.email,
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    person.name,
    ...person.name.split(/[^\p{L}\p{N}]+/u),
    person.name.replace(/[^\p{L}\p{N}]+/gu, ''),
  ];
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= 3))];
}

const advice =
  'Try a few ordinary words that only you would put together, like a short sentence. No need for symbols or capitals.';

/**
 * The password with every longer piece of the person's details taken out (short ones such as "Eve" are found
 * inside ordinary words too often), or null when none was in it.
 */
function withoutPersonalWords(password: string, words: string[]): string | null {
  const lower = password.toLowerCase();
  let rest = lower;
  for (const w of words.filter((x) => x.length >= 4).sort((a, b) => b.length - a.length))
    rest = rest.split(w).join(' ');
  return rest === lower ? null : rest.trim();
}

const isCommon = (result: ZxcvbnResult) =>
  result.sequence.some((m) => m.pattern === 'dictionary' && String(m.dictionaryName).startsWith('passwords'));
const usesPersonalWords = (result: ZxcvbnResult) =>
  result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');

/** Why this password would be refused, in words a person can act on; null when it is fine. */
export async function passwordProblem(
  password: string,
  person: { email: string; name: string },
): Promise<string | null> {
  const estimate = await zxcvbn();
  const words = personalWords(person);
  // The estimator's cost grows with length; a password this long that is not a repetition is strong anyway.
  const checked = password.slice(0, 100);
  const result = estimate.check(checked, words);
  // What is left after the name or email must be strong on its own: "carolsmith1960" is only "1960".
  const rest = withoutPersonalWords(checked, words);
  const weakWithoutThem = rest !== null && estimate.check(rest).score < minimumScore;
  if (weakWithoutThem || (result.score < minimumScore && usesPersonalWords(result))) {
    return `This password is built from your name or email address, which other people could guess. Choose one without them. ${advice}`;
  }
  if (result.score >= minimumScore) return null;
  const why = isCommon(result)
    ? 'This password is one of the most common ones, so it is among the first that people try.'
    : 'This password would be quick to guess.';
  return `${why} ${advice}`;
}

/** Refuses a new password that is too easy to guess, as a problem with the form's `password` field. */
export async function assertStrongPassword(password: string, person: { email: string; name: string }): Promise<void> {
  const problem = await passwordProblem(password, person);
  if (problem) {
    throw new AppError('validation_failed', problem, { fields: [{ path: 'password', message: problem }] });
  }
}
