import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small speech-recognition server that lives inside the test suite. It speaks the documented OpenAI-compatible
 * contract, `POST /v1/audio/transcriptions` (multipart `file`, `model`, `response_format=verbose_json`,
 * `timestamp_granularities[]`), the API whisper.cpp's server and speaches serve, and answers in either shape in use:
 *
 * - `whisper.cpp`: word timings inside each segment (`segments[].words`), tokens with leading spaces, a word split
 *   into sub-word tokens and punctuation as tokens of its own, as whisper.cpp's server gives them;
 * - `speaches`: segments without words, and a top-level `words` list, as speaches (faster-whisper) gives them.
 *
 * It recognises nothing: it answers with the words it is given, spread over the length of the WAV it received.
 * No hosted service, no model.
 */

export type EngineShape = 'whisper.cpp' | 'speaches';
export type EngineMode =
  | { kind: 'answer'; shape: EngineShape }
  /** Fails with a 500 `times` more times, then answers. */
  | { kind: 'flaky'; shape: EngineShape; times: number }
  /** Answers 200 with something that is no transcript. */
  | { kind: 'junk' }
  /** Waits for `release()` before answering. */
  | { kind: 'held'; shape: EngineShape };

export interface ReceivedRequest {
  path: string;
  authorization: string | undefined;
  fields: Record<string, string[]>;
  file: { name: string; type: string; bytes: Buffer } | null;
}

export interface FakeTranscriptionServer {
  url: string;
  received: ReceivedRequest[];
  mode: EngineMode;
  /** The words answered, in order; split into sentences at each full stop. */
  sentence: string;
  /** Lets a held answer go. */
  release(): void;
  close(): Promise<void>;
}

/** WAV length from its header: the `data` chunk's size over the byte rate (16-bit mono 16 kHz: 32000 bytes/s). */
export function wavFacts(bytes: Buffer) {
  const riff = bytes.toString('ascii', 0, 4);
  const wave = bytes.toString('ascii', 8, 12);
  let offset = 12;
  let format: { channels: number; sampleRate: number; bitsPerSample: number; codec: number } | null = null;
  let dataBytes = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ')
      format = {
        codec: bytes.readUInt16LE(offset + 8),
        channels: bytes.readUInt16LE(offset + 10),
        sampleRate: bytes.readUInt32LE(offset + 12),
        bitsPerSample: bytes.readUInt16LE(offset + 22),
      };
    if (id === 'data') {
      dataBytes = Math.min(size, bytes.length - offset - 8);
      break;
    }
    offset += 8 + size + (size % 2);
  }
  const seconds = format ? dataBytes / (format.sampleRate * format.channels * (format.bitsPerSample / 8)) : 0;
  return { riff, wave, format, seconds };
}

function timedWords(sentence: string, seconds: number) {
  const words = sentence.split(/\s+/).filter(Boolean);
  const step = (seconds * 0.9) / words.length;
  return words.map((word, i) => ({
    word,
    start: Math.round(i * step * 100) / 100,
    end: Math.round((i + 1) * step * 100) / 100,
  }));
}

function sentencesOf(words: ReturnType<typeof timedWords>) {
  const out: (typeof words)[] = [[]];
  for (const w of words) {
    out.at(-1)!.push(w);
    if (w.word.endsWith('.')) out.push([]);
  }
  return out.filter((s) => s.length > 0);
}

export function answerFor(shape: EngineShape, sentence: string, seconds: number) {
  const words = timedWords(sentence, seconds);
  const sentences = sentencesOf(words);
  const text = ' ' + words.map((w) => w.word).join(' ');
  if (shape === 'speaches')
    return {
      task: 'transcribe',
      language: 'en',
      duration: seconds,
      text: text.trim(),
      segments: sentences.map((s, id) => ({
        id,
        seek: 0,
        start: s[0]!.start,
        end: s.at(-1)!.end,
        text: ' ' + s.map((w) => w.word).join(' '),
        tokens: [],
        temperature: 0,
        avg_logprob: -0.2,
        compression_ratio: 1.2,
        no_speech_prob: 0.01,
        words: null,
      })),
      words: words.map((w) => ({ start: w.start, end: w.end, word: ' ' + w.word, probability: 0.9 })),
    };
  // whisper.cpp: each word a token with a leading space; a full stop its own token; longer words in two pieces.
  const tokensOf = (w: (typeof words)[number]) => {
    const bare = w.word.replace(/\.$/, '');
    const mid = Math.round(((w.start + w.end) / 2) * 100) / 100;
    const pieces =
      bare.length > 5
        ? [
            { word: ' ' + bare.slice(0, 3), start: w.start, end: mid },
            { word: bare.slice(3), start: mid, end: w.end },
          ]
        : [{ word: ' ' + bare, start: w.start, end: w.end }];
    return w.word.endsWith('.') ? [...pieces, { word: '.', start: w.end, end: w.end }] : pieces;
  };
  return {
    task: 'transcribe',
    language: 'english',
    duration: seconds,
    text,
    segments: sentences.map((s, id) => ({
      id,
      text: ' ' + s.map((w) => w.word).join(' '),
      start: s[0]!.start,
      end: s.at(-1)!.end,
      tokens: [],
      words: s.flatMap(tokensOf).map((t) => ({ ...t, t_dtw: -1, probability: 0.9 })),
      temperature: 0,
      avg_logprob: -0.2,
      no_speech_prob: 0.01,
    })),
  };
}

export async function startFakeTranscriptionServer(): Promise<FakeTranscriptionServer> {
  let releaseHeld: () => void = () => undefined;
  let held = new Promise<void>((r) => (releaseHeld = r));
  const state: FakeTranscriptionServer = {
    url: '',
    received: [],
    mode: { kind: 'answer', shape: 'whisper.cpp' },
    sentence: '',
    release: () => {
      releaseHeld();
      held = new Promise<void>((r) => (releaseHeld = r));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        // The multipart body parsed by the platform's own parser (undici), as any server would parse it.
        const form = await new Response(body, {
          headers: { 'content-type': req.headers['content-type'] ?? '' },
        })
          .formData()
          .catch(() => null);
        const fields: Record<string, string[]> = {};
        let file: ReceivedRequest['file'] = null;
        for (const [name, value] of form?.entries() ?? []) {
          if (typeof value === 'string') (fields[name] ??= []).push(value);
          else file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
        }
        state.received.push({ path: req.url ?? '', authorization: req.headers.authorization, fields, file });

        if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
        if (!file) {
          res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"no file"}}');
          return;
        }
        const mode = state.mode;
        if (mode.kind === 'junk') {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>It works!</body></html>');
          return;
        }
        if (mode.kind === 'flaky' && mode.times > 0) {
          mode.times--;
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"model is loading"}}');
          return;
        }
        if (mode.kind === 'held') await held;
        const answer = answerFor(mode.shape, state.sentence, wavFacts(file.bytes).seconds);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
