import type { Audience, ClipStatus, Consent, ReviewState } from '../../../../shared/contracts/clips';

/** Plain words for everything about a clip that would otherwise be a code. */

/** "0:05", "1:12", "1:02:03": a time in a recording, rounded down to the second. */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds + 1e-6));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "1 second", "2 minutes". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "45 seconds", "2 minutes 5 seconds", "1 hour 3 minutes": how long a recording is. */
export function lengthWords(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return [plural(h, 'hour'), m > 0 ? plural(m, 'minute') : ''].filter(Boolean).join(' ');
  if (m > 0) return [plural(m, 'minute'), s > 0 ? plural(s, 'second') : ''].filter(Boolean).join(' ');
  return plural(s, 'second');
}

/** Reads "1:12", "72" or "1:02:03" back into seconds; null when it is not a time. */
export function parseClockTime(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(trimmed)) return null;
  const parts = trimmed.split(':').map(Number);
  if (parts.slice(1).some((p) => p >= 60)) return null;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Where a clip's audio is up to, in words. `recording` is a recording still arriving from the browser,
 * `interrupted` one that stopped arriving before it was sent.
 */
export type StatusTone = 'busy' | 'done' | 'warning' | 'error' | 'withdrawn';

export function statusWords(clip: {
  status: ClipStatus | 'recording' | 'interrupted';
  progress: number | null;
  failureReason: string | null;
  withdrawn: boolean;
}): { text: string; tone: StatusTone } {
  if (clip.withdrawn) return { text: 'Audio deleted', tone: 'withdrawn' };
  switch (clip.status) {
    case 'recording':
      return { text: 'Recording…', tone: 'busy' };
    case 'interrupted':
      return { text: 'Interrupted: not sent yet', tone: 'warning' };
    case 'queued':
      return { text: 'Waiting to be processed', tone: 'busy' };
    case 'processing':
      return {
        text: clip.progress === null ? 'Processing' : `Processing ${Math.floor(clip.progress * 100)}%`,
        tone: 'busy',
      };
    case 'ready':
      return { text: 'Ready', tone: 'done' };
    case 'failed':
      return { text: `Could not be processed: ${clip.failureReason ?? 'the reason is not known.'}`, tone: 'error' };
    default:
      return { text: 'Processing', tone: 'busy' };
  }
}

export const reviewWords: Record<ReviewState, string> = {
  submitted: 'Waiting for review',
  in_review: 'In review',
  approved: 'Approved',
  changes_requested: 'Changes asked for',
};

/**
 * The same review states in the plain words of docs/words.md, for people who do not review (carers and experts):
 * "Being checked", "Ready to use". Editors and admins, who make the decisions, keep the words of their buttons.
 */
export const plainReviewWords: Record<ReviewState, string> = {
  submitted: 'Waiting to be checked',
  in_review: 'Being checked',
  approved: 'Ready to use',
  changes_requested: 'Changes asked for',
};

export const reviewWordsFor = (plain: boolean): Record<ReviewState, string> => (plain ? plainReviewWords : reviewWords);

const yesNo = (allowed: boolean) => (allowed ? 'yes' : 'no');

/**
 * The consent as a sentence (docs/words.md): "You said: podcast yes, written quotes no, anyone may hear it".
 * `who` is "You" for the person's own recording, their name otherwise.
 */
export function consentSentence(
  consent: Pick<Consent, 'podcast' | 'publicationQuotes' | 'audience'>,
  who: string,
): string {
  const hear = consent.audience === 'public' ? 'anyone may hear it' : 'only people in this project may hear it';
  return `${who} said: podcast ${yesNo(consent.podcast)}, written quotes ${yesNo(consent.publicationQuotes)}, ${hear}`;
}

export const audienceWords: Record<Audience, string> = {
  public: 'Public',
  internal: 'Workspace only',
};

/** The consent at a glance, item by item, for the list: "Podcast ✓ · Publication quotes ✗ · Public". */
export function consentGlance(
  consent: Pick<Consent, 'podcast' | 'publicationQuotes' | 'audience'>,
): Array<{ label: string; allowed: boolean | null }> {
  return [
    { label: 'Podcast', allowed: consent.podcast },
    { label: 'Publication quotes', allowed: consent.publicationQuotes },
    { label: audienceWords[consent.audience], allowed: null },
  ];
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "3 December 2025 at 2:05pm", as GOV.UK writes times. */
export function whenWords(iso: string): string {
  const part = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day} ${part.month} ${part.year} at ${part.hour}:${part.minute}${(part.dayPeriod ?? '').toLowerCase()}`;
}
/** "3 December 2025". */
export const dayWords = (iso: string): string => dateOnly.format(new Date(iso));

/** What withdrawing does, exactly (docs/consent-and-publishing.md, Withdrawal), said to the person it is about. */
export function withdrawalWords(whose: 'your' | 'their'): string {
  const them = whose === 'your' ? 'you' : 'them';
  return (
    `This deletes the recording and its written words for good. Any episode with ${whose} voice in it comes out of ` +
    `the podcast at once, its sound files with ${whose} voice are deleted, and the people making it are asked to make ` +
    `it again without ${them}. Where the project’s writing quotes ${them}, a note replaces the words, and any ` +
    `publication quoting ${them} is taken off its web page. The recording’s title stays in the list, with no sound.`
  );
}
