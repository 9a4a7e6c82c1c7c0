import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptDraftEvent } from '../../shared/realtime/events';
import { joinedSocket, uploadAudio, waitForClip, workspaceWithPeople, type ClientSocket } from '../support/audioClips';
import {
  startFakeTranscriptionServer,
  wavFacts,
  type FakeTranscriptionServer,
} from '../support/fakeTranscriptionServer';
import type { TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import { startServer, type TestServer } from '../support/startServer';
import { carersClip, putTranscript, spokenWav, type Team } from '../support/transcripts';

/**
 * First drafts from a speech-recognition engine (TRANSCRIBE_URL). The engine is a small HTTP server started inside
 * this test (tests/support/fakeTranscriptionServer.ts): it speaks the documented OpenAI-compatible contract,
 * `POST /v1/audio/transcriptions` with `response_format=verbose_json` and word and segment timestamps, and answers
 * in whisper.cpp's shape (words inside segments, tokens with leading spaces) or in speaches' shape (a top-level
 * `words` list), fails and then succeeds, or answers junk. No hosted service, no model download.
 * Chorus itself is real: espeak-ng speech uploaded, processed by ffmpeg, the draft written through /collab.
 */
const sentence = 'I look after my mother. Some days are long, but the neighbours help.';

let speech: Awaited<ReturnType<typeof spokenWav>>;
beforeAll(async () => {
  speech = await spokenWav(sentence);
});
afterAll(() => speech?.cleanup());

async function transcriptWhen(client: TestClient, clipId: string, done: (t: any) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/clips/${clipId}/transcript`);
    if (res.status === 200 && done(res.body)) return res.body;
    if (Date.now() > deadline)
      throw new Error(`the transcript did not get there in ${timeoutMs} ms; last ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const settled = (t: any) => t.machineDraft && !['waiting', 'working'].includes(t.machineDraft.status);

describe.each(testDatabaseNames)('speech recognition with TRANSCRIBE_URL set, on %s', (database) => {
  let engine: FakeTranscriptionServer;
  let server: TestServer;
  let team: Team;
  let socket: ClientSocket;
  const events: TranscriptDraftEvent[] = [];

  beforeAll(async () => {
    engine = await startFakeTranscriptionServer();
    engine.sentence = sentence;
    server = await startServerOn(database, {
      env: { TRANSCRIBE_URL: engine.url, TRANSCRIBE_MODEL: 'ggml-base.en', TRANSCRIBE_API_KEY: 'local-key-1' },
    });
    team = await workspaceWithPeople(server.url);
    socket = await joinedSocket(server.url, team.people.editor, team.ws.id);
    socket.on('transcript:draft', (e) => events.push(e));
  });
  afterAll(async () => {
    socket?.close();
    await server?.stop();
    await engine?.close();
  });

  it('sends a 16 kHz mono WAV with the model and both timestamp granularities, and writes whisper.cpp’s answer as an unchecked machine draft', async () => {
    engine.mode = { kind: 'answer', shape: 'whisper.cpp' };
    const before = engine.received.length;
    const clip = await carersClip(team, speech.file, 'whisper.cpp');
    const t = await transcriptWhen(team.people.carer, clip.id, settled);

    const sent = engine.received.slice(before);
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request.path).toBe('/v1/audio/transcriptions');
    expect(request.authorization).toBe('Bearer local-key-1');
    expect(request.fields).toEqual({
      model: ['ggml-base.en'],
      response_format: ['verbose_json'],
      'timestamp_granularities[]': ['word', 'segment'],
    });
    expect(request.file!.type).toBe('audio/wav');
    const wav = wavFacts(request.file!.bytes);
    expect([wav.riff, wav.wave]).toEqual(['RIFF', 'WAVE']);
    expect(wav.format).toEqual({ codec: 1, channels: 1, sampleRate: 16_000, bitsPerSample: 16 });
    expect(wav.seconds).toBeCloseTo(clip.durationSeconds, 1);

    expect(t.machineDraft).toEqual({ status: 'written', progress: 1, failureReason: null });
    expect(t).toMatchObject({ source: 'machine', checked: false });
    expect(t.segments.map((s: any) => s.text)).toEqual([
      'I look after my mother.',
      'Some days are long, but the neighbours help.',
    ]);
    // Sub-word tokens (" mot" + "her") and the full stop joined into one word, with one timing.
    const mother = t.segments[0].words[4];
    expect(mother).toMatchObject({ text: 'mother.', checked: false });
    expect(mother.endSeconds).toBeGreaterThan(mother.startSeconds);
    const words = t.segments.flatMap((s: any) => s.words);
    expect(words).toHaveLength(13);
    for (let i = 1; i < words.length; i++)
      expect(words[i].startSeconds).toBeGreaterThanOrEqual(words[i - 1].endSeconds);
    expect(words.at(-1).endSeconds).toBeLessThanOrEqual(clip.durationSeconds);

    // Progress went out like processing's: waiting, working with figures, written.
    const mine = events.filter((e) => e.clipId === clip.id);
    expect(mine[0]!.status).toBe('waiting');
    expect(mine.some((e) => e.status === 'working' && e.progress !== null && e.progress > 0)).toBe(true);
    expect(mine.at(-1)).toMatchObject({ status: 'written', progress: 1 });
  });

  it('reads speaches’ shape (a top-level words list) into the same segments and word timings', async () => {
    engine.mode = { kind: 'answer', shape: 'speaches' };
    const clip = await carersClip(team, speech.file, 'speaches');
    const t = await transcriptWhen(team.people.carer, clip.id, settled);
    expect(t.machineDraft.status).toBe('written');
    expect(t.source).toBe('machine');
    expect(t.segments.map((s: any) => s.words.map((w: any) => w.text).join(' '))).toEqual([
      'I look after my mother.',
      'Some days are long, but the neighbours help.',
    ]);
    expect(t.segments[1].words[0].startSeconds).toBeGreaterThan(0);
  });

  it('keeps the draft unchanged beside the working copy: a correction makes the source mixed', async () => {
    engine.mode = { kind: 'answer', shape: 'speaches' };
    const clip = await carersClip(team, speech.file, 'corrected');
    const t = await transcriptWhen(team.people.carer, clip.id, settled);
    const corrected = {
      segments: t.segments.map((s: any, i: number) =>
        i === 0
          ? { startSeconds: s.startSeconds, endSeconds: s.endSeconds, text: 'I look after my mum.' }
          : { startSeconds: s.startSeconds, endSeconds: s.endSeconds, text: s.text, words: s.words },
      ),
      checked: true,
    };
    const put = await putTranscript(team.people.carer, clip.id, corrected);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ source: 'mixed', checked: true });
    // Putting the engine's words back reads as the machine draft again: the draft itself was never changed.
    const back = await putTranscript(team.people.carer, clip.id, {
      segments: t.segments.map(({ id: _id, ...s }: any) => ({
        ...s,
        words: s.words.map(({ checked: _c, ...w }: any) => w),
      })),
    });
    expect(back.body.source).toBe('machine');
  });

  it('never overwrites words a person wrote while the engine was working', async () => {
    engine.mode = { kind: 'held', shape: 'whisper.cpp' };
    const before = engine.received.length;
    const upload = await uploadAudio(team.people.carer, team.ws.id, speech.file, { title: 'typed first' });
    const clipId = upload.body.id as string;
    await waitForClip(team.people.carer, clipId, (c) => c.status === 'ready', 120_000);
    const deadline = Date.now() + 30_000;
    while (engine.received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(engine.received.length).toBe(before + 1);
    const typed = { segments: [{ startSeconds: 0, endSeconds: 1, text: 'My own words.' }] };
    expect((await putTranscript(team.people.carer, clipId, typed)).status).toBe(200);
    engine.release();
    const t = await transcriptWhen(team.people.carer, clipId, settled);
    expect(t.machineDraft).toEqual({ status: 'kept', progress: null, failureReason: null });
    expect(t.segments.map((s: any) => s.text)).toEqual(['My own words.']);
    expect(t.source).toBe('typed');
  });

  it('tries again after the engine fails, and writes the draft once it answers', async () => {
    engine.mode = { kind: 'flaky', shape: 'whisper.cpp', times: 1 };
    const before = engine.received.length;
    const clip = await carersClip(team, speech.file, 'flaky');
    const t = await transcriptWhen(team.people.carer, clip.id, settled);
    expect(t.machineDraft.status).toBe('written');
    expect(t.segments).toHaveLength(2);
    expect(engine.received.length - before).toBe(2);
  });

  it('reports in words when the engine answers with something that is no transcript; the clip stays ready', async () => {
    engine.mode = { kind: 'junk' };
    const clip = await carersClip(team, speech.file, 'junk');
    const t = await transcriptWhen(team.people.carer, clip.id, settled);
    expect(t.machineDraft.status).toBe('failed');
    expect(t.machineDraft.failureReason).toMatch(/answered, but not with JSON/);
    expect(t.segments).toEqual([]);
    expect(t.source).toBe('typed');
    expect((await team.people.carer.get(`/api/clips/${clip.id}`)).body.status).toBe('ready');
    const failed = events.filter((e) => e.clipId === clip.id).at(-1);
    expect(failed).toMatchObject({ status: 'failed', failureReason: t.machineDraft.failureReason });
  });
});

describe('speech recognition with TRANSCRIBE_URL unset', () => {
  let engine: FakeTranscriptionServer;
  let server: TestServer;

  beforeAll(async () => {
    engine = await startFakeTranscriptionServer();
    engine.sentence = sentence;
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
    await engine?.close();
  });

  it('sends nothing anywhere and leaves the transcript to people', async () => {
    const team = await workspaceWithPeople(server.url);
    const clip = await carersClip(team, speech.file, 'nothing sent');
    await new Promise((r) => setTimeout(r, 1_500));
    const t = await transcriptWhen(team.people.carer, clip.id, () => true);
    expect(t).toMatchObject({ segments: [], source: 'typed', machineDraft: null });
    expect(engine.received).toEqual([]);
    const jobs = await server.chorus.services.db.selectFrom('jobs').select('type').execute();
    expect(jobs.map((j) => j.type)).not.toContain('clip.transcribe');
  });
});
