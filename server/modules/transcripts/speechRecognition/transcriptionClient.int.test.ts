import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscribeConfig } from '../../../config';
import { UnusableAnswerError } from './engineAnswer';
import { EngineRefusedError, requestTranscription } from './transcriptionClient';

/**
 * The client against a small HTTP server inside this test that answers the way a misbehaving transcription server
 * might: refusing, never answering, redirecting, or answering junk. (The documented answers themselves, in both
 * shapes, are exercised end to end in tests/integration/speechRecognition.test.ts.)
 */
let server: Server;
let base: string;
let dir: string;
let wav: string;
const hits: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-asr-client-'));
  wav = path.join(dir, 'speech.wav');
  await writeFile(wav, Buffer.from('RIFF....WAVEfmt '));
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    req.on('end', () => {
      if (req.url === '/refuse') res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad key"}');
      else if (req.url === '/busy') res.writeHead(503).end('loading model');
      else if (req.url === '/redirect') res.writeHead(302, { location: '/elsewhere' }).end();
      else if (req.url === '/junk') res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":1}');
      else if (req.url === '/silent')
        return; // never answers
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"","segments":[]}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

const config = (p: string, timeoutMs = 5_000): TranscribeConfig => ({
  endpoint: base + p,
  model: 'whisper-1',
  apiKey: undefined,
  timeoutMs,
});
const never = new AbortController().signal;

describe('asking a transcription server', () => {
  it('says a refusal cannot be helped by trying again, and a busy server can', async () => {
    await expect(requestTranscription(config('/refuse'), wav, never)).rejects.toThrow(EngineRefusedError);
    await expect(requestTranscription(config('/refuse'), wav, never)).rejects.toThrow(
      'The speech-recognition service answered 401: {"error":"bad key"}.',
    );
    const busy = requestTranscription(config('/busy'), wav, never);
    await expect(busy).rejects.toThrow('The speech-recognition service answered 503: loading model.');
    await expect(busy).rejects.not.toThrow(EngineRefusedError);
  });

  it('gives up after the timeout, and when the job is stopped', async () => {
    const started = Date.now();
    await expect(requestTranscription(config('/silent', 1_000), wav, never)).rejects.toThrow(
      'The speech-recognition service did not answer within 1 second.',
    );
    expect(Date.now() - started).toBeLessThan(4_000);
    const stop = new AbortController();
    const stopped = requestTranscription(config('/silent'), wav, stop.signal);
    setTimeout(() => stop.abort(new Error('the server is shutting down')), 100);
    await expect(stopped).rejects.toThrow('the server is shutting down');
  });

  it('follows no redirect, and refuses an answer that is no transcript', async () => {
    await expect(requestTranscription(config('/redirect'), wav, never)).rejects.toThrow(/could not be reached/);
    expect(hits).not.toContain('/elsewhere');
    await expect(requestTranscription(config('/junk'), wav, never)).rejects.toThrow(UnusableAnswerError);
    expect(await requestTranscription(config('/ok'), wav, never)).toMatchObject({ text: '', segments: [] });
  });
});
