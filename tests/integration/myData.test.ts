import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipPrefix } from '../../server/storage/keys';
import { joinedSocket, uploadAudio, waitForClip, workspaceWithPeople, type ClientSocket } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { everyoneHeardSignsOff } from '../support/episodePublishing';
import { showSettings } from '../support/showSettings';
import { signedUp, TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { putTranscript, twoSegments } from '../support/transcripts';
import { zipEntries } from '../support/zipEntries';
import { newDocument } from '../support/collabFixtures';
import { ffmpegImage } from '../support/images';
import { currentConsentVersion } from '../../shared/contracts/clips';

/**
 * A person's own data (docs/your-data.md): "Download my data" and "Delete my account", on a real server with
 * real recordings processed by the real pipeline, real sockets and the real feed.
 */
const run = promisify(execFile);
type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;

describe.each(testDatabaseNames)('my data on %s', (database) => {
  let server: TestServer;
  let dir: string;
  let speech: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-mydata-'))]);
    speech = path.join(dir, 'story.wav');
    await run('espeak-ng', ['-w', speech, 'I look after my mother. Some days are long, but the neighbours help.']);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const emailOf = async (userId: string) => (await server.chorus.services.users.findById(userId))!.email;

  async function readyClip(team: Team, who: 'carer' | 'carer2', title: string, audience = 'internal') {
    const up = await uploadAudio(team.people[who], team.ws.id, speech, {
      title,
      fields: { podcast: 'true', publicationQuotes: 'true', audience },
    });
    expect(up.status).toBe(201);
    const clip = await waitForClip(team.people[who], up.body.id, undefined, 60_000);
    expect(clip.status).toBe('ready');
    return clip as { id: string; media: { durationSeconds: number } };
  }

  async function download(client: TestClient) {
    const res = await fetch(`${server.url}/api/me/data`, { headers: { cookie: client.cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="chorus-my-data-\d{4}-\d\d-\d\d\.zip"/,
    );
    return zipEntries(Buffer.from(await res.arrayBuffer()));
  }
  /** The person agrees to be named in published episodes (as `creditName`, or their account's name). */
  async function creditByName(client: TestClient, workspaceId: string, creditName?: string) {
    const body = { creditByName: true, ...(creditName ? { creditName } : {}) };
    expect((await client.patch(`/api/workspaces/${workspaceId}/members/me/credit`, body)).status).toBe(200);
  }
  const json = (files: Map<string, Buffer>, name: string) => JSON.parse(files.get(name)!.toString('utf8'));

  it('downloads the person’s account, memberships, recordings with audio and transcript, consent history, comments and history, and nobody else’s', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ids, ws } = team;
    const mine = await readyClip(team, 'carer', 'Mornings with Mum');
    const theirs = await readyClip(team, 'carer2', 'Joe’s evenings');
    expect((await putTranscript(people.carer, mine.id, twoSegments)).status).toBe(200);
    const changed = {
      podcast: false,
      publicationQuotes: true,
      audience: 'internal',
      wordingVersion: currentConsentVersion,
    };
    expect((await people.carer.request('PUT', `/api/clips/${mine.id}/consent`, changed)).status).toBe(200);
    expect(
      (await people.carer.post(`/api/clips/${mine.id}/comments`, { body: 'My own note', atSeconds: 1 })).status,
    ).toBe(201);
    expect(
      (await people.carer.post(`/api/clips/${theirs.id}/comments`, { body: 'Lovely, Joe', atSeconds: 0 })).status,
    ).toBe(201);
    const private2 = 'Joe private remark about his neighbour';
    expect((await people.carer2.post(`/api/clips/${mine.id}/comments`, { body: private2, atSeconds: 0 })).status).toBe(
      201,
    );
    await creditByName(people.carer, ws.id, 'Mary C.');
    // A meeting both carers took part in, which Mary confirms and wants a voucher for.
    const rates = { currency: 'GBP', hourMinor: 2500, halfDayMinor: 7500, dayMinor: 15000 };
    expect((await people.admin.request('PUT', `/api/workspaces/${ws.id}/involvement/rates`, rates)).status).toBe(200);
    const meeting = await people.editor.post(`/api/workspaces/${ws.id}/involvement/activities`, {
      kind: 'meeting',
      title: 'Group meeting about respite',
      occurredOn: '2026-03-14',
      durationMinutes: 90,
      participantIds: [ids.carer, ids.carer2],
    });
    expect(meeting.status).toBe(201);
    const answer = { answer: 'confirmed', choice: 'voucher' };
    expect(
      (await people.carer.request('PUT', `/api/involvement/activities/${meeting.body.id}/me`, answer)).status,
    ).toBe(200);

    // What Mary brings and would like to try, a task offered to her, and an ability agreed for her.
    const strengths = { brings: 'I ran a carers’ group', wantsToTry: ['interviewing'] };
    expect(
      (await people.carer.request('PUT', `/api/workspaces/${ws.id}/members/${ids.carer}/strengths`, strengths)).status,
    ).toBe(200);
    const offer = { task: 'interviewing', message: 'Would you interview Joe?' };
    expect((await people.editor.post(`/api/workspaces/${ws.id}/members/${ids.carer}/offers`, offer)).status).toBe(201);
    expect(
      (await people.admin.request('PUT', `/api/workspaces/${ws.id}/members/${ids.carer}/grants/episode.edit`)).status,
    ).toBe(200);

    const files = await download(people.carer);
    expect(files.get('README.txt')!.toString()).toMatch(/This is everything Chorus keeps about you, carer person/);
    expect(json(files, 'account.json')).toMatchObject({
      id: ids.carer,
      name: 'carer person',
      email: await emailOf(ids.carer),
    });
    expect(json(files, 'memberships.json')).toEqual([
      expect.objectContaining({ workspaceId: ws.id, role: 'carer', creditedByName: true, creditName: 'Mary C.' }),
    ]);
    // The audio exactly as sent, and the listening copy.
    expect(files.get(`recordings/${mine.id}/original.wav`)!.equals(await readFile(speech))).toBe(true);
    expect(files.get(`recordings/${mine.id}/listening.m4a`)!.length).toBeGreaterThan(1000);
    expect(json(files, `recordings/${mine.id}/transcript.json`).segments.map((s: { text: string }) => s.text)).toEqual([
      'I look after my mother.',
      'Some days are long.',
    ]);
    expect(json(files, 'recordings.json')).toEqual([
      expect.objectContaining({
        id: mine.id,
        title: 'Mornings with Mum',
        consentNow: expect.objectContaining({ podcast: false }),
      }),
    ]);
    const history = json(files, 'consent.json').recordings[0].history;
    expect(history.map((h: { decision: string; by: string }) => [h.decision, h.by])).toEqual([
      ['given', 'you'],
      ['changed', 'you'],
    ]);
    const comments = json(files, 'comments.json');
    expect(comments.onRecordings.map((c: { text: string }) => c.text)).toEqual(['My own note', 'Lovely, Joe']);
    expect(json(files, 'involvement.json')).toEqual([
      expect.objectContaining({
        currency: 'GBP',
        lines: [expect.objectContaining({ title: 'Group meeting about respite', choice: 'voucher', feeMinor: 3750 })],
        totals: expect.objectContaining({ voucherMinor: 3750, paidMinor: 0 }),
      }),
    ]);
    expect(json(files, 'strengths.json')).toEqual([
      {
        workspace: 'Carers’ stories',
        brings: 'I ran a carers’ group',
        wantsToTry: ['interviewing'],
        wantsToTryOther: '',
        tasksOffered: [
          {
            task: 'interviewing',
            message: 'Would you interview Joe?',
            by: 'someone else',
            at: expect.any(String),
            answer: 'offered',
            answeredAt: null,
          },
        ],
        alsoAllowed: [{ ability: 'episode.edit', by: 'someone else', at: expect.any(String) }],
      },
    ]);
    const actions = json(files, 'history.json').map((h: { what: string }) => h.what);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invite.accepted',
        'member.credit_given',
        'member.task_offered',
        'member.ability_granted',
      ]),
    );

    // Nothing of anyone else: not their recording, words, name or email.
    const names = [...files.keys()];
    expect(names.some((n) => n.includes(theirs.id))).toBe(false);
    const everything = [...files.values()].map((b) => b.toString('latin1')).join('\n');
    for (const other of [private2, 'carer2 person', 'Ada Admin', await emailOf(ids.carer2), await emailOf(ids.admin)])
      expect(everything).not.toContain(other);

    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', ids.carer)
      .where('action', '=', 'account.data_downloaded')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await fetch(`${server.url}/api/me/data`)).status).toBe(401);
  });

  it('includes the pictures and music the person uploaded, each as stored, and nobody else’s', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ws } = team;
    const post = async (client: TestClient, urlPath: string, form: FormData) => {
      const res = await fetch(server.url + urlPath, {
        method: 'POST',
        body: form,
        headers: { cookie: client.cookie! },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as Record<string, unknown>;
    };
    const doc = (await newDocument(people.editor, ws.id, 'What helps')).id;
    const png = ffmpegImage('64x48', 'png', 'blue');
    const picture = new FormData();
    picture.append('alt', 'A bench under the apple tree');
    picture.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), '../../bench.png');
    const image = await post(people.editor, `/api/documents/${doc}/images`, picture);
    const wav = await readFile(speech);
    const tune = new FormData();
    tune.append('title', 'Theme');
    tune.append('audio', new Blob([new Uint8Array(wav)]), 'theme.wav');
    const music = await post(people.editor, `/api/workspaces/${ws.id}/music`, tune);

    const files = await download(people.editor);
    const uploads = json(files, 'uploads.json');
    expect(uploads.pictures).toEqual([
      expect.objectContaining({
        id: image.imageId,
        document: 'What helps',
        file: `uploads/pictures/${String(image.imageId)}.png`,
      }),
    ]);
    expect(uploads.music).toEqual([
      expect.objectContaining({
        id: music.id,
        title: 'Theme',
        uploadedAs: 'theme.wav',
        file: `uploads/music/${String(music.id)}.wav`,
      }),
    ]);
    expect(files.get(`uploads/pictures/${String(image.imageId)}.png`)).toEqual(png);
    expect(files.get(`uploads/music/${String(music.id)}.wav`)).toEqual(wav);
    expect(files.get('README.txt')!.toString('utf8')).toContain('uploads.json');
    // Someone else in the same project downloads only their own.
    expect((await download(people.carer)).has('uploads.json')).toBe(false);
  });

  it('deletes the account with its recordings: audio purged, out of the feed, sessions and sockets ended, words kept as “a former member”', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ids, ws } = team;
    const email = await emailOf(ids.carer);
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, showSettings())).status).toBe(200);
    const clip = await readyClip(team, 'carer', 'Mary’s story', 'public');
    const other = await readyClip(team, 'carer2', 'Joe’s story');
    expect((await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' })).status).toBe(200);
    const episodeId = (await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Being heard' })).body.id;
    const timeline = {
      items: [{ kind: 'clip', clipId: clip.id, inSeconds: 0, outSeconds: clip.media.durationSeconds }],
      chapters: [],
    };
    expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline)).status).toBe(200);
    expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
    await eventually(
      async () => (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0]?.status === 'passed',
      90_000,
      'a passing render',
    );
    await everyoneHeardSignsOff(team, episodeId);
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
    const feed = async () => (await fetch(`${server.url}/feeds/${ws.id}/podcast.xml`)).text();
    expect(await feed()).toContain(episodeId);
    expect(
      (await people.carer.post(`/api/clips/${other.id}/comments`, { body: 'Thank you, Joe', atSeconds: 0 })).status,
    ).toBe(201);
    await creditByName(people.carer, ws.id, 'Mary C.');

    // Signed in twice (phone and computer), each with a live connection.
    const phone = new TestClient(server.url);
    expect((await phone.post('/api/auth/login', { email, password: 'a good long password' })).status).toBe(200);
    const live = [await joinedSocket(server.url, people.carer, ws.id), await joinedSocket(server.url, phone, ws.id)];
    sockets.push(...live);
    const closed = live.map((s) => new Promise<string>((resolve) => s.once('disconnect', resolve)));

    const wrong = await people.carer.post('/api/me/delete', { password: 'not my password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([
      { path: 'password', message: expect.stringMatching(/not your password/) },
    ]);
    expect((await people.carer.get('/api/me')).status).toBe(200);

    const deleted = await people.carer.post('/api/me/delete', { password: 'a good long password' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: true, recordingsWithdrawn: 1, recordingsKept: 0 });
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await people.carer.get('/api/me')).status).toBe(401);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect(
      (await new TestClient(server.url).post('/api/auth/login', { email, password: 'a good long password' })).status,
    ).toBe(401);

    // The recording is withdrawn the usual way: audio gone from storage, 410 for members, episode out of the feed.
    expect(await server.chorus.services.blobs.list(clipPrefix(ws.id, clip.id))).toEqual([]);
    expect((await people.editor.get(`/api/clips/${clip.id}`)).body.withdrawnAt).toEqual(expect.any(String));
    expect(await feed()).not.toContain(episodeId);
    // What they wrote stays, attributed to "a former member"; they are no longer a member or credited.
    const comments = (await people.carer2.get(`/api/clips/${other.id}/comments`)).body.threads;
    expect(comments.map((c: { body: string; author: { name: string } }) => [c.body, c.author.name])).toEqual([
      ['Thank you, Joe', 'a former member'],
    ]);
    const members = (await people.admin.get(`/api/workspaces/${ws.id}/members`)).body.members;
    expect(members.map((m: { userId: string }) => m.userId)).not.toContain(ids.carer);
    // No trace of their name, email or credit name in the account row or the audit trail.
    const db = server.chorus.services.db;
    const row = (await db.selectFrom('users').selectAll().where('id', '=', ids.carer).executeTakeFirst())!;
    expect(row).toMatchObject({ name: 'a former member', deleted_at: expect.any(String) });
    expect(row.email).not.toContain('example.org');
    // Other tests share this server: look at the entries made by or about this person.
    const trail = (await db.selectFrom('audit_events').selectAll().execute()).filter(
      (a) => a.actor_id === ids.carer || a.subject_id === ids.carer || a.subject_id === clip.id,
    );
    expect(JSON.stringify(trail)).not.toMatch(/Mary C\.|carer person/);
    expect(JSON.stringify(trail)).not.toContain(email);
    expect(trail.filter((a) => a.actor_id === ids.carer).map((a) => a.action)).toEqual(
      expect.arrayContaining(['clip.consent_withdrawn', 'member.account_deleted', 'account.deleted']),
    );
  });

  it('keeps the recordings when asked to, still usable under the consent given but credited to nobody by name', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ids, ws } = team;
    const clip = await readyClip(team, 'carer', 'Kept story');
    await creditByName(people.carer, ws.id);
    const res = await people.carer.post('/api/me/delete', {
      password: 'a good long password',
      withdrawRecordings: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true, recordingsWithdrawn: 0, recordingsKept: 1 });
    const kept = (await people.editor.get(`/api/clips/${clip.id}`)).body;
    expect(kept).toMatchObject({ withdrawnAt: null, contributor: { id: ids.carer, name: 'a former member' } });
    expect((await people.editor.get(`/api/clips/${clip.id}/audio`)).status).toBe(200);
    const credits = await server.chorus.services.db
      .selectFrom('member_credits')
      .selectAll()
      .where('user_id', '=', ids.carer)
      .execute();
    expect(credits).toEqual([]);
  });

  it('deletes the account of someone removed from a workspace, leaving their recording there for its admin', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ids, ws } = team;
    const clip = await readyClip(team, 'carer', 'Left behind');
    expect((await people.admin.delete(`/api/workspaces/${ws.id}/members/${ids.carer}`)).status).toBe(204);
    const res = await people.carer.post('/api/me/delete', { password: 'a good long password' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true, recordingsWithdrawn: 0, recordingsKept: 1 });
    expect((await people.admin.post(`/api/clips/${clip.id}/withdraw`)).status).toBe(200);
  });

  it('limits wrong passwords, so a borrowed session cannot guess the password', async () => {
    const limited = await startServerOn(database, {
      chorus: { loginRateLimit: { windowMs: 60_000, perAccount: 2, perAddress: 100 } },
    });
    try {
      const { client } = await signedUp(limited.url, 'Gus Guessed');
      const statuses = [];
      for (const password of ['guess one', 'guess two', 'guess three'])
        statuses.push((await client.post('/api/me/delete', { password })).status);
      expect(statuses).toEqual([400, 400, 429]);
      expect((await client.get('/api/me')).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('refuses while the person is a workspace’s only admin, saying what to do, and checks the body', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ids, ws } = team;
    const refused = await people.admin.post('/api/me/delete', { password: 'a good long password' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /only admin of “Carers’ stories”\. Make someone else an admin there first/,
    );
    expect((await people.admin.get('/api/me')).status).toBe(200);
    const bad = await people.admin.post('/api/me/delete', { password: '', withdrawRecordings: 'yes', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body',
      'password',
      'withdrawRecordings',
    ]);
    expect((await people.admin.patch(`/api/workspaces/${ws.id}/members/${ids.editor}`, { role: 'admin' })).status).toBe(
      200,
    );
    expect((await people.admin.post('/api/me/delete', { password: 'a good long password' })).status).toBe(200);
    expect((await people.editor.get(`/api/workspaces/${ws.id}`)).status).toBe(200);
  });
});
