import { z } from 'zod';

/**
 * What an OpenAI-compatible `POST /v1/audio/transcriptions` answers with `response_format=verbose_json`, read as
 * untrusted input: only the fields Chorus uses, each list item checked on its own (a bad item is left out, not the
 * whole answer), and no more items than a recording could hold.
 *
 * Two shapes are in use:
 * - whisper.cpp's server: word timings inside each segment (`segments[].words`), as tokens that carry a leading
 *   space when they start a word (`" mother"`, `"."`, `" Chor"`, `"us"`);
 * - speaches and other faster-whisper servers (and OpenAI's own): a top-level `words` list beside `segments`.
 */

/** More than any recording Chorus accepts could hold; an answer past these is cut, not trusted further. */
export const answerLimits = { segments: 50_000, words: 500_000, tokenChars: 1_000, textChars: 2_000_000 } as const;

const seconds = z.number().nullish();

export const engineTokenSchema = z.object({
  /** whisper.cpp and speaches name it `word`; some servers `text`. */
  word: z.string().max(answerLimits.tokenChars).optional(),
  text: z.string().max(answerLimits.tokenChars).optional(),
  start: seconds,
  end: seconds,
});
export type EngineToken = z.infer<typeof engineTokenSchema>;

export const engineSegmentSchema = z.object({
  start: seconds,
  end: seconds,
  text: z.string().max(answerLimits.textChars).nullish(),
  /** whisper.cpp's shape; speaches sends null or leaves it out. */
  words: z.array(z.unknown()).nullish(),
});
export type EngineSegment = z.infer<typeof engineSegmentSchema>;

export const engineAnswerSchema = z.object({
  text: z.string().max(answerLimits.textChars).nullish(),
  language: z.string().nullish(),
  duration: z.number().nullish(),
  segments: z.array(z.unknown()).nullish(),
  /** speaches' (and OpenAI's) shape. */
  words: z.array(z.unknown()).nullish(),
});

export interface EngineAnswer {
  text: string | null;
  language: string | null;
  duration: number | null;
  segments: Array<{ start: number | null; end: number | null; text: string; words: EngineToken[] | null }>;
  words: EngineToken[] | null;
}

/** Thrown when the answer is no transcript at all: trying again with the same engine will not help. */
export class UnusableAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableAnswerError';
  }
}

const finiteOrNull = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? n : null;

function tokensOf(items: readonly unknown[] | null | undefined): EngineToken[] | null {
  if (!items) return null;
  return items.slice(0, answerLimits.words).flatMap((item) => {
    const parsed = engineTokenSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Reads a parsed JSON answer; throws UnusableAnswerError when it holds no transcript in either shape. */
export function readEngineAnswer(json: unknown): EngineAnswer {
  const parsed = engineAnswerSchema.safeParse(json);
  if (!parsed.success)
    throw new UnusableAnswerError(
      'The speech-recognition service answered, but not with a transcript in the OpenAI verbose_json form.',
    );
  const a = parsed.data;
  if (!a.segments && !a.words && typeof a.text !== 'string')
    throw new UnusableAnswerError(
      'The speech-recognition service answered without segments, words or text: it may not be an OpenAI-compatible transcription server.',
    );
  const segments = (a.segments ?? []).slice(0, answerLimits.segments).flatMap((item) => {
    const s = engineSegmentSchema.safeParse(item);
    if (!s.success) return [];
    return [
      {
        start: finiteOrNull(s.data.start),
        end: finiteOrNull(s.data.end),
        text: s.data.text ?? '',
        words: tokensOf(s.data.words),
      },
    ];
  });
  return {
    text: a.text ?? null,
    language: typeof a.language === 'string' ? a.language.slice(0, 32) : null,
    duration: finiteOrNull(a.duration),
    segments,
    words: tokensOf(a.words),
  };
}
