import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, ffprobe, measureLoudness } from '../support/audio';
import { getBytes, uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServer, type TestServer } from '../support/startServer';

const run = promisify(execFile);

/**
 * Music assets end to end on the real server with real ffmpeg: upload and processing, who may do what,
 * timeline checks, and a render with an intro, a bed and an outro around two espeak-ng clips, measured HERE
 * with ffmpeg (ebur128 for loudness, a narrow band-pass around the bed's tone for its level with and without
 * speech), not with server code.
 */

/** The bed is a low tone: espeak-ng's voice has next to nothing this low, so a band-pass hears the bed alone. */
const BED_HZ = 55;

async function uploadMusic(
  client: TestClient,
  workspaceId: string,
  file: string | Buffer,
  title = 'Theme',
  filename = 'music.wav',
) {
  const bytes = typeof file === 'string' ? await readFile(file) : file;
  const form = new FormData();
  form.append('title', title);
  form.append('audio', new Blob([new Uint8Array(bytes)]), filename);
  const res = await fetch(`${client.baseUrl}/api/workspaces/${workspaceId}/music`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function waitForMusic(client: TestClient, id: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await client.get(`/api/music/${id}`);
    if (res.status === 200 && (res.body.status === 'ready' || res.body.status === 'failed')) return res.body;
    if (Date.now() > deadline) throw new Error(`music ${id} not processed: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** RMS level (dBFS) of the rendered file between `from` and `to` seconds, through a narrow band-pass at the bed's tone. */
async function toneLevel(file: string, from: number, to: number): Promise<number> {
  const bandpass = `bandpass=f=${BED_HZ}:width_type=h:w=8`;
  const log = await ffmpeg([
    '-ss',
    String(from),
    '-t',
    String(to - from),
    '-i',
    file,
    '-af',
    `${bandpass},${bandpass},astats=measure_perchannel=none:measure_overall=RMS_level`,
    '-f',
    'null',
    '-',
  ]);
  const m = /RMS level dB:\s*(-?[\d.]+|-inf)/.exec(log.slice(log.lastIndexOf('Overall')));
  if (!m) throw new Error(`no astats in ${log.slice(-800)}`);
  return m[1] === '-inf' ? -Infinity : Number(m[1]);
}

describe('music assets and their place in the render', () => {
  let server: TestServer;
  let dir: string;
  let ctx: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let chordFile = '';
  let toneFile = '';
  const clips: Array<{ id: string; duration: number }> = [];
  let chord: any;
  let tone: any;

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-music-'))]);
    ctx = await workspaceWithPeople(server.url);
    chordFile = path.join(dir, 'chord.wav');
    toneFile = path.join(dir, 'tone.flac');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'aevalsrc=0.2*sin(2*PI*220*t)+0.15*sin(2*PI*277.2*t)+0.12*sin(2*PI*329.6*t):s=44100:d=12',
      '-ac',
      '2',
      '-c:a',
      'pcm_s16le',
      chordFile,
    ]);
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      `sine=f=${BED_HZ}:r=44100:d=40`,
      '-af',
      'volume=-6dB',
      '-ac',
      '2',
      '-c:a',
      'flac',
      toneFile,
    ]);
    const words = [
      'I look after my mother. Some days are long, but the neighbours help, and I have learned to ask for help.',
      'We meet on Tuesdays at the library, and it is the best hour of my week.',
    ];
    for (const [i, text] of words.entries()) {
      const raw = path.join(dir, `speech-${i}.wav`);
      await run('espeak-ng', ['-w', raw, text]);
      const res = await uploadAudio(ctx.people.carer, ctx.ws.id, raw, {
        title: `Story ${i + 1}`,
        fields: { podcast: 'true', audience: 'public' },
      });
      expect(res.status).toBe(201);
      const ready = await waitForClip(ctx.people.carer, res.body.id, undefined, 30_000);
      expect(ready.status).toBe('ready');
      expect((await ctx.people.editor.post(`/api/clips/${ready.id}/review`, { state: 'approved' })).status).toBe(200);
      clips.push({ id: ready.id, duration: ready.media.durationSeconds });
    }
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets editors upload music, measures its length and loudness as a job, and serves it with Range', async () => {
    const { people, ws } = ctx;
    const up = await uploadMusic(people.editor, ws.id, chordFile, 'Opening chord', 'chord.wav');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      title: 'Opening chord',
      status: 'queued',
      workspaceId: ws.id,
      original: { filename: 'chord.wav', format: 'wav' },
      abilities: { delete: true },
    });
    chord = await waitForMusic(people.editor, up.body.id);
    expect(chord.status).toBe('ready');
    expect(chord.durationSeconds).toBeCloseTo(12, 1);
    expect(chord.loudnessLufs).toBeLessThan(-5);
    expect(chord.loudnessLufs).toBeGreaterThan(-25);

    const upTone = await uploadMusic(people.admin, ws.id, toneFile, 'Low bed', 'tone.flac');
    expect(upTone.status).toBe(201);
    tone = await waitForMusic(people.admin, upTone.body.id);
    expect(tone).toMatchObject({ status: 'ready', original: { format: 'flac' } });

    // Everyone in the workspace may see and hear it; only admins and editors may remove it.
    const listed = await people.carer.get(`/api/workspaces/${ws.id}/music`);
    expect(listed.status).toBe(200);
    expect(listed.body.music.map((m: any) => m.title)).toEqual(['Low bed', 'Opening chord']);
    expect(listed.body.music[0].abilities).toEqual({ delete: false });
    const bytes = await getBytes(people.carer, chord.audioUrl, { range: 'bytes=0-99' });
    expect(bytes.status).toBe(206);
    expect(bytes.headers.get('content-range')).toBe(`bytes 0-99/${chord.original.sizeBytes}`);
    expect(bytes.bytes.equals((await readFile(chordFile)).subarray(0, 100))).toBe(true);
    expect((await getBytes(people.carer, chord.audioUrl)).bytes.length).toBe(chord.original.sizeBytes);
  });

  it('refuses a file that is not audio (415), carers (403), and outsiders and other workspaces (404)', async () => {
    const { people, ws } = ctx;
    const text = await uploadMusic(
      people.editor,
      ws.id,
      Buffer.from('This is a shopping list, not music. '.repeat(20)),
      'List',
      'list.wav',
    );
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/not a sound recording/);

    const carer = await uploadMusic(people.carer, ws.id, chordFile);
    expect(carer.status).toBe(403);
    expect(carer.body.error.message).toMatch(/Only admins and editors can add or remove music/);
    expect((await people.carer.request('DELETE', `/api/music/${chord.id}`)).status).toBe(403);

    const outsider = (await signedUp(server.url, 'Olly Outsider')).client;
    expect((await uploadMusic(outsider, ws.id, chordFile)).status).toBe(404);
    expect((await outsider.get(`/api/music/${chord.id}`)).status).toBe(404);
    expect((await getBytes(outsider, chord.audioUrl)).status).toBe(404);
    expect((await outsider.get(`/api/workspaces/${ws.id}/music`)).status).toBe(404);
    expect((await outsider.request('DELETE', `/api/music/${chord.id}`)).status).toBe(404);
    expect((await people.editor.get(`/api/music/${ws.id}`)).status).toBe(404);
  });

  it('checks music on a timeline: its workspace, its processing and its trims, every problem with its path', async () => {
    const { people, ws } = ctx;
    const other = await workspaceWithPeople(server.url);
    const foreignUp = await uploadMusic(other.people.editor, other.ws.id, chordFile, 'Theirs');
    const foreign = await waitForMusic(other.people.editor, foreignUp.body.id);
    // Looks like a WAV file to the sniffer, but ffprobe cannot read it: processing fails for good.
    const broken = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(400, 7)]);
    const brokenUp = await uploadMusic(people.editor, ws.id, broken, 'Broken', 'broken.wav');
    expect(brokenUp.status).toBe(201);
    const failed = await waitForMusic(people.editor, brokenUp.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toBeTruthy();

    const episode = (await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Checks' })).body;
    const res = await people.editor.request('PUT', `/api/episodes/${episode.id}/timeline`, {
      items: [
        { kind: 'music', assetId: foreign.id, role: 'intro', inSeconds: 0, outSeconds: 5 },
        { kind: 'music', assetId: failed.id, role: 'bed', inSeconds: 0, outSeconds: 5 },
        { kind: 'music', assetId: chord.id, role: 'outro', inSeconds: 2, outSeconds: 30 },
      ],
      chapters: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'items.0.assetId', message: expect.stringMatching(/no such music in this workspace/) },
      { path: 'items.1.assetId', message: expect.stringMatching(/“Broken” could not be processed/) },
      { path: 'items.2.outSeconds', message: expect.stringMatching(/after the end of “Opening chord” \(0:12\.0\)/) },
    ]);
    const shape = await people.editor.request('PUT', `/api/episodes/${episode.id}/timeline`, {
      items: [{ kind: 'music', assetId: chord.id, role: 'jingle', inSeconds: 0, outSeconds: 5 }],
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.fields[0].path).toBe('items.0.role');
  });

  it('renders intro, bed and outro around speech: −16 ±1 LUFS, ≤ −1 dBTP, the timeline’s length, the bed ducked under speech', async () => {
    const { people, ws } = ctx;
    const [a, b] = clips as [(typeof clips)[number], (typeof clips)[number]];
    const lead = 4;
    const items = [
      { kind: 'music', assetId: chord.id, role: 'intro', inSeconds: 0, outSeconds: 6, gainDb: 0, crossfadeSeconds: 0 },
      {
        kind: 'music',
        assetId: tone.id,
        role: 'bed',
        inSeconds: 0,
        outSeconds: 40,
        gainDb: 0,
        crossfadeSeconds: 1,
        leadSeconds: lead,
        duckDb: 12,
      },
      { kind: 'clip', clipId: a.id, inSeconds: 0, outSeconds: a.duration, gainDb: 0, crossfadeSeconds: 0 },
      { kind: 'clip', clipId: b.id, inSeconds: 0, outSeconds: b.duration, gainDb: 0, crossfadeSeconds: 0.5 },
      { kind: 'music', assetId: chord.id, role: 'outro', inSeconds: 4, outSeconds: 12, gainDb: 0, crossfadeSeconds: 1 },
    ];
    // Intro, the bed's lead, both clips and the outro in sequence, less the two crossfades; the bed adds only its lead.
    const expected = 6 + lead + a.duration + b.duration - 0.5 + 8 - 1;
    const speechStart = 6 + lead;
    const speechEnd = speechStart + a.duration + b.duration - 0.5;

    const episode = (await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'With music' })).body;
    const saved = await people.editor.request('PUT', `/api/episodes/${episode.id}/timeline`, { items, chapters: [] });
    expect(saved.status).toBe(200);
    expect(saved.body.totalSeconds).toBeCloseTo(expected, 2);
    expect(saved.body.items[1]).toMatchObject({ kind: 'music', role: 'bed', leadSeconds: lead, duckDb: 12 });
    expect((await people.editor.request('DELETE', `/api/music/${tone.id}`)).status).toBe(409);

    const started = await people.editor.post(`/api/episodes/${episode.id}/render`);
    expect(started.status).toBe(202);
    let render: any;
    const deadline = Date.now() + 60_000;
    for (;;) {
      render = (await people.editor.get(`/api/episodes/${episode.id}/renders`)).body.renders[0];
      if (['passed', 'failing', 'failed'].includes(render.status)) break;
      if (Date.now() > deadline) throw new Error(`render not finished: ${JSON.stringify(render)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(render).toMatchObject({ status: 'passed', failureReason: null });
    const file = path.join(dir, 'with-music.mp3');
    await writeFile(file, (await getBytes(people.editor, render.audioUrl)).bytes);

    const loudness = await measureLoudness(file);
    expect(Math.abs(loudness.integratedLufs - -16)).toBeLessThanOrEqual(1);
    expect(loudness.truePeakDbfs).toBeLessThanOrEqual(-1);
    const probed = await ffprobe(file);
    expect(Math.abs(probed.durationSeconds - expected)).toBeLessThan(0.1);

    // The bed alone in its lead (after its fade-in, before it starts to duck), then under the first clip.
    const alone = await toneLevel(file, 6 + 1.2, speechStart - 0.7);
    const underSpeech = await toneLevel(file, speechStart + 1, Math.min(speechEnd - 1, speechStart + 6));
    const beforeBed = await toneLevel(file, 1, 5);
    expect(alone).toBeGreaterThan(-40);
    expect(alone - underSpeech).toBeGreaterThan(9);
    expect(alone - underSpeech).toBeLessThan(15);
    expect(alone - beforeBed).toBeGreaterThan(20); // the intro has no tone: the band-pass hears only the bed
  }, 90_000);

  it('deletes music that no timeline uses, file and all', async () => {
    const { people, ws } = ctx;
    const up = await uploadMusic(people.editor, ws.id, chordFile, 'Spare');
    const spare = await waitForMusic(people.editor, up.body.id);
    expect((await people.editor.request('DELETE', `/api/music/${spare.id}`)).status).toBe(204);
    expect((await people.editor.get(`/api/music/${spare.id}`)).status).toBe(404);
    expect((await getBytes(people.editor, spare.audioUrl)).status).toBe(404);
  });
});
