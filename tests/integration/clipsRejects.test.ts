import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ListMultipartUploadsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspacePrefix } from '../../server/storage/keys';
import { makeLongWav, makeTestAudio, type TestAudio } from '../support/audio';
import { uploadAudio, waitForClip } from '../support/audioClips';
import { signedUp, TestClient } from '../support/httpClient';
import { freshS3, storagesUnderTest, testS3Endpoint, type TestS3 } from '../support/s3';
import { startServer, type TestServer } from '../support/startServer';
import { currentConsentVersion } from '../../shared/contracts/clips';

const s3Endpoint = testS3Endpoint();
const storages = storagesUnderTest();
const LIMIT = 300_000;

let audio: TestAudio;
let bigWav: string;
beforeAll(async () => {
  audio = await makeTestAudio();
  bigWav = await makeLongWav(audio.dir, 8); // about 1.4 MB, well over the limit below
});
afterAll(() => audio?.cleanup());

describe.each(storages)('bad uploads on $name leave nothing behind', ({ name }) => {
  let server: TestServer;
  let s3: TestS3 | undefined;
  let person: TestClient;

  beforeAll(async () => {
    s3 = name === 'S3' ? freshS3(s3Endpoint!) : undefined;
    server = await startServer({ env: { MAX_UPLOAD_BYTES: String(LIMIT), ...(s3?.env ?? {}) } });
    person = (await signedUp(server.url, 'Cora Carer')).client;
  });
  afterAll(async () => {
    await server?.stop();
    await s3?.drop();
  });

  const freshWorkspace = async () =>
    (await person.post('/api/workspaces', { name: `Stories ${randomUUID().slice(0, 6)}` })).body.id as string;

  /** Nothing under the workspace, no half-finished upload anywhere, no temporary file left on disk. */
  async function expectNothingStored(wsId: string) {
    expect(await server.chorus.services.blobs.list(workspacePrefix(wsId))).toEqual([]);
    if (s3) {
      const objects = await s3.client.send(
        new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: workspacePrefix(wsId) }),
      );
      expect(objects.Contents ?? []).toEqual([]);
      const uploads = await s3.client.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket }));
      expect(uploads.Uploads ?? []).toEqual([]);
    } else {
      // The folder is shared with processing jobs of other tests' clips, whose writes pass through it:
      // wait for those to finish; a file left behind by a refused upload never goes away.
      await expect.poll(() => readdir(path.join(server.dataDir, 'blobs', '.tmp')), { timeout: 15_000 }).toEqual([]);
    }
    expect((await person.get(`/api/workspaces/${wsId}/clips`)).body.clips).toEqual([]);
  }

  it('refuses a text file renamed .mp3 with 415 naming the formats that work', async () => {
    const wsId = await freshWorkspace();
    const res = await uploadAudio(
      person,
      wsId,
      Buffer.from('Dear diary,\nthis is not a recording at all, just words.\n'.repeat(50)),
      { filename: 'story.mp3' },
    );
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported_media_type' });
    expect(res.body.error.message).toContain('WAV, MP3, M4A/AAC, OGG/Opus, WebM/Opus, FLAC');
    await expectNothingStored(wsId);
  });

  it('refuses an image renamed .mp3 with 415', async () => {
    const wsId = await freshWorkspace();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20_000, 1)]);
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      Buffer.alloc(20_000, 2),
    ]);
    for (const image of [png, jpeg]) {
      const res = await uploadAudio(person, wsId, image, { filename: 'holiday.mp3' });
      expect(res.status).toBe(415);
    }
    await expectNothingStored(wsId);
  });

  it('stops an upload over MAX_UPLOAD_BYTES with 413 and removes what arrived', async () => {
    const wsId = await freshWorkspace();
    const res = await uploadAudio(person, wsId, bigWav);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toMatch(/larger than the 293(\.\d)? KB limit/);
    await expectNothingStored(wsId);
  });

  it('checks the form fields sent before the file, and those sent after it, storing nothing when they are wrong', async () => {
    const wsId = await freshWorkspace();
    const before = await uploadAudio(person, wsId, audio.files.ogg, { title: '   ' });
    expect(before.status).toBe(400);
    expect(before.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['title']);
    const after = await uploadAudio(person, wsId, audio.files.ogg, { title: '', fieldsAfterFile: true });
    expect(after.status).toBe(400);
    const oldWording = await uploadAudio(person, wsId, audio.files.ogg, { fields: { consentVersion: '0' } });
    expect(oldWording.status).toBe(400);
    expect(oldWording.body.error.message).toMatch(/consent wording has changed/);
    const noConsent = await uploadAudio(person, wsId, audio.files.ogg, {
      fields: { podcast: undefined },
      fieldsAfterFile: true,
    });
    expect(noConsent.status).toBe(400);
    const extra = await uploadAudio(person, wsId, audio.files.ogg, { fields: { owner: 'me' } });
    expect(extra.status).toBe(400);
    await expectNothingStored(wsId);
    // The same fields after the file are fine when they are right.
    expect((await uploadAudio(person, wsId, audio.files.ogg, { fieldsAfterFile: true })).status).toBe(201);
  });

  it('wants exactly one file, in a multipart form, from a member', async () => {
    const wsId = await freshWorkspace();
    const noFile = new FormData();
    noFile.append('title', 'Nothing attached');
    const post = (body: FormData | string, headers: Record<string, string> = {}, client = person) =>
      fetch(`${server.url}/api/workspaces/${wsId}/clips`, {
        method: 'POST',
        body,
        headers: { ...headers, ...(client.cookie ? { cookie: client.cookie } : {}) },
      });
    const missing = await post(noFile);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/Choose a recording/);

    const two = new FormData();
    two.append('title', 'Two files');
    two.append('audio', new Blob([Buffer.from('RIFF0000WAVEfmt ')]), 'a.wav');
    two.append('audio', new Blob([Buffer.from('RIFF0000WAVEfmt ')]), 'b.wav');
    expect((await post(two)).status).toBe(400);
    // JSON is refused by the route's contract before the handler sees it.
    expect((await post(JSON.stringify({ title: 'json' }), { 'content-type': 'application/json' })).status).toBe(400);

    const outsider = (await signedUp(server.url, 'Olly Outsider')).client;
    const refused = await uploadAudio(outsider, wsId, audio.files.ogg);
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toMatch(/could not find that workspace/);
    expect((await uploadAudio(new TestClient(server.url), wsId, audio.files.ogg)).status).toBe(401);
    expect((await uploadAudio(person, randomUUID(), audio.files.ogg)).status).toBe(404);
    await expectNothingStored(wsId);
  });

  it('answers 404 for another workspace’s clip, on every route', async () => {
    const wsId = await freshWorkspace();
    const clip = (await uploadAudio(person, wsId, audio.files.mp3)).body;
    await waitForClip(person, clip.id);
    const outsider = (await signedUp(server.url, 'Olly Outsider')).client;
    await outsider.post('/api/workspaces', { name: 'Elsewhere' });
    const missing = await outsider.get(`/api/clips/${randomUUID()}`);
    const attempts = [
      outsider.get(`/api/clips/${clip.id}`),
      outsider.get(`/api/clips/${clip.id}/audio`),
      outsider.get(`/api/clips/${clip.id}/original`),
      outsider.get(`/api/clips/${clip.id}/peaks`),
      outsider.get(`/api/clips/${clip.id}/comments`),
      outsider.post(`/api/clips/${clip.id}/comments`, { body: 'hello', atSeconds: 1 }),
      outsider.post(`/api/clips/${clip.id}/review`, { state: 'approved' }),
      outsider.request('PUT', `/api/clips/${clip.id}/consent`, {
        podcast: false,
        publicationQuotes: false,
        audience: 'internal',
        wordingVersion: currentConsentVersion,
      }),
      outsider.post(`/api/clips/${clip.id}/withdraw`),
      outsider.get(`/api/workspaces/${wsId}/clips`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      if (res.body?.error?.code) expect(res.body.error.code).toBe('not_found');
    }
    expect(missing.status).toBe(404);
    expect((await person.get(`/api/clips/${clip.id}/original`)).status).toBe(200);
  });
});
