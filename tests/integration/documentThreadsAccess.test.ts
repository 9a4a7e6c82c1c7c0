import { io as connectSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ClientSocket } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { newDocument } from '../support/collabFixtures';
import { documentThreadsWorld, eventsOf, selectionOf, textOf } from '../support/documentThreads';
import { TestClient as TestClientType } from '../support/httpClient';
import { testDatabaseNames } from '../support/serverOnDatabase';

/**
 * Who hears of and may touch comment threads: live events go to members only, and outsiders, readers without
 * access, words that are gone and archived documents get the answer that says so.
 */
describe.each(testDatabaseNames)('comment threads on passages: who may see and write them (%s)', (database) => {
  const world = documentThreadsWorld(database);

  it('sends thread events only to members: not to outsiders, and no longer to someone removed', async () => {
    const { server, team, outsider, watch, keep, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Who hears', 'Words for members only.');
    const invite = await team.people.admin.post(`/api/workspaces/${team.workspaceId}/invites`, { role: 'expert' });
    const leaving = new TestClientType(server.url);
    const joined = await leaving.post(`/api/invites/${invite.body.token}/accept`, {
      email: `leaving-${Date.now()}@example.org`,
      password: 'a good long password',
      name: 'Leaving Person',
    });
    expect(joined.status).toBe(200);
    const member = await watch(team.people.carer);
    const leaver = await watch(leaving);
    const memberHears = eventsOf(member, 'thread:changed');
    const leaverHears = eventsOf(leaver, 'thread:changed');

    // An outsider cannot join the room at all.
    const stranger = connectSocket(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: outsider.client.cookie! },
      reconnection: false,
    });
    keep(stranger as ClientSocket);
    const refused = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
      stranger.emit('workspace:join', team.workspaceId, resolve),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const strangerHears = eventsOf(stranger as ClientSocket, 'thread:changed');

    const first = (
      await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'Words'),
        body: 'First.',
      })
    ).body;
    await eventually(
      () => memberHears.find((e) => e.thread.id === first.id) && leaverHears.find((e) => e.thread.id === first.id),
      5000,
      'both members to hear of it',
    );

    expect(
      (await team.people.admin.delete(`/api/workspaces/${team.workspaceId}/members/${joined.body.user.id}`)).status,
    ).toBe(204);
    const second = (
      await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'members only'),
        body: 'Second.',
      })
    ).body;
    await eventually(
      () => memberHears.find((e) => e.thread.id === second.id),
      5000,
      'the member to hear of the second',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(leaverHears.map((e) => e.thread.id)).toEqual([first.id]);
    expect(strangerHears).toEqual([]);
    expect((await leaving.get(`/api/documents/${doc.id}/threads`)).status).toBe(404);
  });

  it('answers 404 outside the workspace and to readers without access, 409 for words that are gone, 403 on archived documents', async () => {
    const { server, team, outsider, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Private', 'Only for members.');
    const anchor = selectionOf(writer, 'members');
    const thread = (await team.people.expert.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Yes.' })).body;

    // Someone with their own workspace and document, who is not in ours.
    const theirs = (await outsider.client.post('/api/workspaces', { name: 'Elsewhere' })).body;
    const theirDoc = await newDocument(outsider.client, theirs.id, 'Their notes');
    for (const res of [
      await outsider.client.get(`/api/documents/${doc.id}/threads`),
      await outsider.client.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Let me in' }),
      await outsider.client.post(`/api/threads/${thread.id}/comments`, { body: 'Hello' }),
      await outsider.client.patch(`/api/threads/${thread.id}`, { resolved: true }),
      await team.people.admin.get(`/api/documents/${theirDoc.id}/threads`),
      await team.people.admin.post(`/api/documents/${theirDoc.id}/threads`, { anchor, body: 'Hello' }),
      await team.people.admin.post(`/api/threads/00000000-0000-4000-8000-000000000000/comments`, { body: 'Hello' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await new TestClientType(server.url).get(`/api/documents/${doc.id}/threads`)).status).toBe(401);

    // Words deleted between choosing them and sending the comment.
    const late = selectionOf(writer, 'Only');
    const text = textOf(writer);
    text.delete(0, 5);
    await eventually(
      async () =>
        !(await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes('Only'),
    );
    const gone = await team.people.carer.post(`/api/documents/${doc.id}/threads`, { anchor: late, body: 'Too late' });
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toMatch(/no longer in the document/);
    const junk = await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
      anchor: { from: 'not base64!', to: 'AAAA' },
      body: 'x',
    });
    expect(junk.status).toBe(400);

    expect((await team.people.editor.patch(`/api/documents/${doc.id}`, { archived: true })).status).toBe(200);
    const archived = await team.people.carer.post(`/api/documents/${doc.id}/threads`, { anchor, body: 'Now?' });
    expect(archived.status).toBe(403);
    expect(archived.body.error.message).toMatch(/archived/);
    expect(
      (await team.people.carer.post(`/api/threads/${thread.id}/comments`, { body: 'Replies still work.' })).status,
    ).toBe(201);
  });
});
