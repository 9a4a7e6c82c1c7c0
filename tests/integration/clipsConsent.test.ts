import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentWording, currentConsentVersion } from '../../shared/contracts/clips';
import type { ClipWithdrawnEvent } from '../../shared/realtime/events';
import { clipPrefix } from '../../server/storage/keys';
import { makeLongWav, testAudioForThisFile } from '../support/audio';
import {
  getBytes,
  joinedSocket,
  uploadAudio,
  waitForClip,
  workspaceWithPeople,
  type ClientSocket,
} from '../support/audioClips';
import { freshS3, storagesUnderTest, testS3Endpoint, type TestS3 } from '../support/s3';
import { startServer, type TestServer } from '../support/startServer';

const s3Endpoint = testS3Endpoint();
const storages = storagesUnderTest();

const audio = testAudioForThisFile();

const changed = {
  podcast: false,
  publicationQuotes: true,
  audience: 'public',
  wordingVersion: currentConsentWording.version,
};

describe.each(storages)('consent and withdrawal on $name', ({ name }) => {
  let server: TestServer;
  let s3: TestS3 | undefined;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    s3 = name === 'S3' ? freshS3(s3Endpoint!) : undefined;
    server = await startServer({ env: s3?.env ?? {} });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    await s3?.drop();
  });

  /** Every object under the clip's prefix, asked of the store and (on S3) of the bucket directly. */
  async function objectsOf(wsId: string, clipId: string): Promise<string[]> {
    const prefix = clipPrefix(wsId, clipId);
    const keys = (await server.chorus.services.blobs.list(prefix)).map((b) => b.key);
    if (s3) {
      const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
      expect((listed.Contents ?? []).map((o) => o.Key)).toEqual(keys);
    }
    return keys;
  }

  it('records consent with time and person, and lets only the contributor (or an admin) change it', async () => {
    const { ws, people, ids } = await workspaceWithPeople(server.url);
    const clip = (await uploadAudio(people.carer, ws.id, audio.files.flac)).body;
    expect(clip.consent).toEqual({
      podcast: true,
      publicationQuotes: false,
      audience: 'internal',
      wordingVersion: currentConsentVersion,
      givenAt: expect.any(String),
      recordedBy: { id: ids.carer, name: 'carer person' },
    });

    for (const who of ['editor', 'expert', 'carer2'] as const) {
      const refused = await people[who].request('PUT', `/api/clips/${clip.id}/consent`, changed);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/Only the person who made this recording/);
    }
    const mine = await people.carer.request('PUT', `/api/clips/${clip.id}/consent`, changed);
    expect(mine.status).toBe(200);
    expect(mine.body.consent).toMatchObject({
      podcast: false,
      publicationQuotes: true,
      audience: 'public',
      recordedBy: { id: ids.carer },
    });
    const onBehalf = await people.admin.request('PUT', `/api/clips/${clip.id}/consent`, {
      ...changed,
      audience: 'internal',
    });
    expect(onBehalf.body.consent).toMatchObject({ audience: 'internal', recordedBy: { id: ids.admin } });
    const outdated = await people.carer.request('PUT', `/api/clips/${clip.id}/consent`, {
      ...changed,
      wordingVersion: 0,
    });
    expect(outdated.status).toBe(400);

    const records = await server.chorus.services.db
      .selectFrom('clip_consents')
      .selectAll()
      .where('clip_id', '=', clip.id)
      .orderBy('created_at')
      .execute();
    expect(records.map((r) => [r.kind, r.recorded_by, r.audience])).toEqual([
      ['given', ids.carer, 'internal'],
      ['changed', ids.carer, 'public'],
      ['changed', ids.admin, 'internal'],
    ]);
  });

  it('withdrawal makes the clip unusable at once, deletes all its audio and tells the workspace', async () => {
    const { ws, people, ids } = await workspaceWithPeople(server.url);
    const clip = await waitForClip(
      people.carer,
      (await uploadAudio(people.carer, ws.id, audio.files.m4a, { title: 'About Dad' })).body.id,
    );
    await people.editor.post(`/api/clips/${clip.id}/comments`, { body: 'Beautiful', atSeconds: 1 });
    expect(await objectsOf(ws.id, clip.id)).toHaveLength(3);
    const editorSocket = await joinedSocket(server.url, people.editor, ws.id);
    sockets.push(editorSocket);
    const told: ClipWithdrawnEvent[] = [];
    editorSocket.on('clip:withdrawn', (e) => told.push(e));
    const domain: string[] = [];
    server.chorus.services.bus.on('clip:withdrawn', (e) => domain.push(e.clipId));

    for (const who of ['editor', 'expert', 'carer2'] as const) {
      const refused = await people[who].post(`/api/clips/${clip.id}/withdraw`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/Only the person who made this recording/);
    }
    const withdrawn = await people.carer.post(`/api/clips/${clip.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      withdrawn: true,
      withdrawnAt: expect.any(String),
      withdrawnBy: { id: ids.carer },
      consent: null,
      urls: null,
      abilities: { withdraw: false, review: false, comment: false },
    });
    expect(await objectsOf(ws.id, clip.id)).toEqual([]);
    expect(domain).toEqual([clip.id]);
    await expect.poll(() => told.length).toBe(1);
    expect(told[0]).toEqual({ workspaceId: ws.id, clipId: clip.id, withdrawnAt: withdrawn.body.withdrawnAt });

    for (const part of ['audio', 'original', 'peaks']) {
      const gone = await getBytes(people.editor, `/api/clips/${clip.id}/${part}`, { range: 'bytes=0-10' });
      expect(gone.status, part).toBe(410);
      expect(JSON.parse(gone.bytes.toString()).error).toEqual({
        code: 'clip_withdrawn',
        message: 'This recording was withdrawn by the person who made it, so it can no longer be used.',
      });
    }
    expect((await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' })).status).toBe(410);
    expect(
      (await people.editor.post(`/api/clips/${clip.id}/comments`, { body: 'Still here?', atSeconds: 1 })).status,
    ).toBe(410);
    expect((await people.carer.request('PUT', `/api/clips/${clip.id}/consent`, changed)).status).toBe(410);
    // What remains is the record without audio: title, who and when, in the list and the audit trail.
    const listed = (await people.expert.get(`/api/workspaces/${ws.id}/clips`)).body.clips[0];
    expect(listed).toMatchObject({ id: clip.id, title: 'About Dad', withdrawn: true, consent: null });
    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', clip.id)
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['clip.consent_given', ids.carer],
      ['clip.consent_withdrawn', ids.carer],
    ]);
    expect(JSON.parse(audit[1]!.detail)).toEqual({ title: 'About Dad', contributorId: ids.carer, onBehalfOf: null });

    const again = await people.carer.post(`/api/clips/${clip.id}/withdraw`);
    expect(again.status).toBe(200);
    expect(domain).toEqual([clip.id]); // told once
  });

  it('an admin may withdraw on the contributor’s behalf, and the audit trail says so', async () => {
    const { ws, people, ids } = await workspaceWithPeople(server.url);
    const clip = await waitForClip(people.carer, (await uploadAudio(people.carer, ws.id, audio.files.ogg)).body.id);
    const withdrawn = await people.admin.post(`/api/clips/${clip.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawnBy).toEqual({ id: ids.admin, name: 'Ada Admin' });
    expect(withdrawn.body.contributor.id).toBe(ids.carer);
    expect(await objectsOf(ws.id, clip.id)).toEqual([]);
    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', clip.id)
      .where('action', '=', 'clip.consent_withdrawn')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(ids.admin);
    expect(JSON.parse(audit.detail).onBehalfOf).toBe(ids.carer);
  });

  it('withdrawal while processing still leaves nothing once the job has finished', async () => {
    const { ws, people } = await workspaceWithPeople(server.url);
    const wav = await makeLongWav(audio.dir, 60);
    const finished = new Promise<void>((resolve) =>
      server.chorus.services.bus.on('job:updated', (u) => {
        if (u.type === 'clip.process' && (u.status === 'succeeded' || u.status === 'failed')) resolve();
      }),
    );
    const clip = (await uploadAudio(people.carer, ws.id, wav)).body;
    await waitForClip(people.carer, clip.id, (c) => c.status === 'processing');
    expect((await people.carer.post(`/api/clips/${clip.id}/withdraw`)).status).toBe(200);
    await finished;
    expect(await objectsOf(ws.id, clip.id)).toEqual([]);
    expect((await people.carer.get(`/api/clips/${clip.id}`)).body).toMatchObject({ withdrawn: true });
  });
});
