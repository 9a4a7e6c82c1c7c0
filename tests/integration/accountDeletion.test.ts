import { describe, beforeAll, expect, it } from 'vitest';
import { clipPrefix } from '../../server/storage/keys';
import { joinedSocket, workspaceWithPeople } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { everyoneHeardSignsOff } from '../support/episodePublishing';
import { signedUp, TestClient } from '../support/httpClient';
import { personalDataServer } from '../support/personalDataServer';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import { showSettings } from '../support/showSettings';
import type { TestServer } from '../support/startServer';

/**
 * "Delete my account" (docs/your-data.md), on a real server with real recordings, real sockets and the real feed.
 */

describe.each(testDatabaseNames)('deleting an account on %s', (database) => {
  const world = personalDataServer(database);
  let server: TestServer;
  beforeAll(() => {
    server = world.server;
  });
  const { readyClip, creditByName, emailOf, sockets } = world;

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
