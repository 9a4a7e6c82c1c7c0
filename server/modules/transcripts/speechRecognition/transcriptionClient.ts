import { readFile } from 'node:fs/promises';
import type { TranscribeConfig } from '../../../config';
import { readEngineAnswer, UnusableAnswerError, type EngineAnswer } from './engineAnswer';

/** Larger answers are not read: a verbose_json transcript of the longest recording is a few megabytes. */
export const maxAnswerBytes = 50 * 1024 * 1024;

/** The engine refused in a way trying again will not change (wrong address, key or model; audio refused). */
export class EngineRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineRefusedError';
  }
}

/** Statuses that say the request itself is wrong; anything else (5xx, 408, 429, no answer) is worth another try. */
const refusals = new Set([400, 401, 403, 404, 405, 413, 415, 422]);

/**
 * Sends a WAV file to an OpenAI-compatible `POST …/v1/audio/transcriptions` (multipart: `file`, `model`,
 * `response_format=verbose_json`, `timestamp_granularities[]=word` and `=segment`) and reads the answer as
 * untrusted input. Gives up after `config.timeoutMs`, or when `signal` is aborted (the job was stopped).
 *
 * Throws EngineRefusedError or UnusableAnswerError when trying again cannot help; any other error may pass.
 */
export async function requestTranscription(
  config: TranscribeConfig,
  wavPath: string,
  signal: AbortSignal,
): Promise<EngineAnswer> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(wavPath)], { type: 'audio/wav' }), 'recording.wav');
  form.append('model', config.model);
  form.append('response_format', 'verbose_json');
  form.append('timestamp_granularities[]', 'word');
  form.append('timestamp_granularities[]', 'segment');

  const timeout = AbortSignal.timeout(config.timeoutMs);
  let res: Response;
  try {
    res = await fetch(config.endpoint, {
      method: 'POST',
      body: form,
      headers: {
        accept: 'application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      signal: AbortSignal.any([signal, timeout]),
      redirect: 'error',
    });
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    if (timeout.aborted) {
      const seconds = Math.round(config.timeoutMs / 1000);
      throw new Error(
        `The speech-recognition service did not answer within ${seconds} second${seconds === 1 ? '' : 's'}.`,
        { cause: e },
      );
    }
    throw new Error(`The speech-recognition service could not be reached (${(e as Error).message}).`, { cause: e });
  }
  const body = await readCapped(res);
  if (!res.ok) {
    const said = body.replace(/\s+/g, ' ').trim().slice(0, 200);
    const message = `The speech-recognition service answered ${res.status}${said ? `: ${said}` : ''}.`;
    throw refusals.has(res.status) ? new EngineRefusedError(message) : new Error(message);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UnusableAnswerError(
      'The speech-recognition service answered, but not with JSON: it may not be an OpenAI-compatible transcription server.',
    );
  }
  return readEngineAnswer(json);
}

async function readCapped(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxAnswerBytes) {
    await res.body?.cancel();
    throw new UnusableAnswerError('The speech-recognition service’s answer was larger than any transcript could be.');
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxAnswerBytes) {
      await res.body.cancel().catch(() => undefined);
      throw new UnusableAnswerError('The speech-recognition service’s answer was larger than any transcript could be.');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
