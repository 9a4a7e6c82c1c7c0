import { readFile, writeFile } from 'node:fs/promises';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipPrefix } from '../../server/storage/keys';
import { ffmpeg, ffprobe, testAudioForThisFile, measureLoudness, testFormats } from '../support/audio';
import { getBytes, uploadAudio, waitForClip } from '../support/audioClips';
import { signedUp, type TestClient } from '../support/httpClient';
import { freshS3, storagesUnderTest, testS3Endpoint, type TestS3 } from '../support/s3';
import { startServer, type TestServer } from '../support/startServer';
import { currentConsentVersion } from '../../shared/contracts/clips';

const s3Endpoint = testS3Endpoint();
const storages = storagesUnderTest();

const audio = testAudioForThisFile();

// Every accepted format, uploaded, stored byte for byte, read back by range, processed and measured.
describe.each(storages)('clip upload and processing on $name', ({ name }) => {
  let server: TestServer;
  let s3: TestS3 | undefined;
  let person: TestClient;
  let wsId: string;

  beforeAll(async () => {
    s3 = name === 'S3' ? freshS3(s3Endpoint!) : undefined;
    server = await startServer({ env: s3?.env ?? {} });
    person = (await signedUp(server.url, 'Cora Carer')).client;
    wsId = (await person.post('/api/workspaces', { name: 'Stories' })).body.id;
  });
  afterAll(async () => {
    await server?.stop();
    await s3?.drop();
  });

  it.each(testFormats)('accepts %s, keeps the original exactly and serves ranges of it', async (format) => {
    const file = audio.files[format];
    const original = await readFile(file);
    const res = await uploadAudio(person, wsId, file, { title: `A ${format} story` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      title: `A ${format} story`,
      status: 'queued',
      withdrawn: false,
      review: { state: 'submitted' },
    });
    expect(res.body.consent).toMatchObject({
      podcast: true,
      publicationQuotes: false,
      audience: 'internal',
      wordingVersion: currentConsentVersion,
    });
    expect(res.body.original).toMatchObject({ filename: `speech.${format}`, sizeBytes: original.length });
    const id = res.body.id;

    const whole = await getBytes(person, `/api/clips/${id}/original`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.bytes.equals(original)).toBe(true);

    const size = original.length;
    for (const [header, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, size - 1],
      ['bytes=-64', size - 64, size - 1],
      [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
    ] as const) {
      const part = await getBytes(person, `/api/clips/${id}/original`, { range: header });
      expect(part.status, header).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(part.headers.get('content-length')).toBe(String(end - start + 1));
      expect(part.bytes.equals(original.subarray(start, end + 1)), header).toBe(true);
    }
    const etag = whole.headers.get('etag')!;
    expect((await getBytes(person, `/api/clips/${id}/original`, { range: 'bytes=0-9', 'if-range': etag })).status).toBe(
      206,
    );
    const stale = await getBytes(person, `/api/clips/${id}/original`, {
      range: 'bytes=0-9',
      'if-range': '"something-else"',
    });
    expect(stale.status).toBe(200);
    expect(stale.bytes.length).toBe(size);
    const outside = await getBytes(person, `/api/clips/${id}/original`, { range: `bytes=${size}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it.each(testFormats)('processes %s: measurements match ffprobe and ebur128 run independently', async (format) => {
    const file = audio.files[format];
    const { body } = await uploadAudio(person, wsId, file);
    const clip = await waitForClip(person, body.id);
    expect(clip.status, clip.failureReason).toBe('ready');
    const [probed, loudness] = await Promise.all([ffprobe(file), measureLoudness(file)]);
    expect(Math.abs(clip.media.durationSeconds - probed.durationSeconds)).toBeLessThan(0.05);
    expect(clip.media).toMatchObject({ codec: probed.codec, channels: probed.channels, sampleRate: probed.sampleRate });
    expect(Math.abs(clip.media.loudnessLufs - loudness.integratedLufs)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(clip.media.truePeakDbfs - loudness.truePeakDbfs)).toBeLessThanOrEqual(0.1);

    // The listening copy: AAC in MP4, the same length, served with ranges.
    const listening = await getBytes(person, clip.urls.audio);
    expect(listening.status).toBe(200);
    expect(listening.headers.get('content-type')).toBe('audio/mp4');
    const copy = `${audio.dir}/listening-${name.replace(/\W/g, '')}-${format}.m4a`;
    await writeFile(copy, listening.bytes);
    const copyProbe = await ffprobe(copy);
    expect(copyProbe).toMatchObject({ codec: 'aac', channels: Math.min(probed.channels, 2) });
    expect(copyProbe.formatName).toContain('mp4');
    expect(Math.abs(copyProbe.durationSeconds - probed.durationSeconds)).toBeLessThan(0.1);
    const head = await getBytes(person, clip.urls.audio, { range: 'bytes=0-1023' });
    expect(head.status).toBe(206);
    expect(head.bytes.equals(listening.bytes.subarray(0, 1024))).toBe(true);
    // +faststart: the index (moov) comes before the audio (mdat), so playback can start at once.
    expect(listening.bytes.indexOf('moov')).toBeLessThan(listening.bytes.indexOf('mdat'));

    // Peaks: 100 min/max pairs per second, in wavesurfer's shape.
    const peaks = await person.get(clip.urls.peaks);
    expect(peaks.status).toBe(200);
    expect(peaks.body).toMatchObject({ version: 1, sampleRate: 8000, samplesPerPeak: 80, peaksPerSecond: 100 });
    expect(Math.abs(peaks.body.duration - probed.durationSeconds)).toBeLessThan(0.1);
    expect(peaks.body.length).toBe(Math.ceil(peaks.body.duration * 100));
    const [maxima, minima] = peaks.body.peaks as [number[], number[]];
    expect(maxima).toHaveLength(peaks.body.length);
    expect(minima).toHaveLength(peaks.body.length);
    expect(maxima.every((v, i) => v >= minima[i]! && v <= 1 && minima[i]! >= -1)).toBe(true);
    expect(Math.max(...maxima)).toBeGreaterThan(0.1); // speech, not silence
  });

  it('stores every object of a clip under its prefix, and only there', async () => {
    const { body } = await uploadAudio(person, wsId, audio.files.flac);
    await waitForClip(person, body.id);
    const prefix = clipPrefix(wsId, body.id);
    const keys = (await server.chorus.services.blobs.list(prefix)).map((b) => b.key.slice(prefix.length));
    expect(keys).toEqual(['listening.m4a', 'original', 'peaks.json']);
    if (s3) {
      const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
      expect(listed.Contents?.map((o) => o.Key!.slice(prefix.length)).sort()).toEqual([
        'listening.m4a',
        'original',
        'peaks.json',
      ]);
    }
  });
});

describe('a recording ffprobe cannot read', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('is marked failed with the reason, after one attempt', async () => {
    const person = (await signedUp(server.url)).client;
    const wsId = (await person.post('/api/workspaces', { name: 'Broken' })).body.id;
    // A WAV header followed by noise: it passes the format check but is not a readable recording.
    const corrupt = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEjunk'), Buffer.alloc(4000, 7)]);
    const res = await uploadAudio(person, wsId, corrupt, { filename: 'broken.wav' });
    expect(res.status).toBe(201);
    const clip = await waitForClip(person, res.body.id);
    expect(clip.status).toBe('failed');
    expect(clip.failureReason).toMatch(/could not read this file as audio/);
    // The list says why too, so nobody has to open the recording to find out.
    expect((await person.get(`/api/workspaces/${wsId}/clips`)).body.clips[0]).toMatchObject({
      status: 'failed',
      failureReason: clip.failureReason,
    });
    expect((await person.get(`/api/clips/${clip.id}/audio`)).status).toBe(404);
    const job = await server.chorus.services.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', 'clip.process')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('a silent recording is ready, with no loudness to report', async () => {
    const person = (await signedUp(server.url)).client;
    const wsId = (await person.post('/api/workspaces', { name: 'Quiet' })).body.id;
    const silence = `${audio.dir}/silence.wav`;
    await ffmpeg(['-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '2', silence]);
    const clip = await waitForClip(person, (await uploadAudio(person, wsId, silence)).body.id);
    expect(clip.status, clip.failureReason).toBe('ready');
    expect(clip.media).toMatchObject({ loudnessLufs: null, truePeakDbfs: null, channels: 1, sampleRate: 16000 });
  });
});
