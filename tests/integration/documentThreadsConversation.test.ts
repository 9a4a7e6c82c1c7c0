import { describe, expect, it } from 'vitest';
import { eventually } from '../support/collabClient';
import { documentThreadsWorld, eventsOf, selectionOf } from '../support/documentThreads';
import { testDatabaseNames } from '../support/serverOnDatabase';

/**
 * The conversation in a comment thread: replies, resolving and reopening (and who may), mentions that tell
 * only the members named.
 */
describe.each(testDatabaseNames)('comment threads on passages: replies, resolving and mentions (%s)', (database) => {
  const world = documentThreadsWorld(database);

  it('takes replies, resolves and reopens, live for everyone; only the author, editors and admins resolve', async () => {
    const { team, watch, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Replies', 'A passage to talk about.');
    const carerSocket = await watch(team.people.carer);
    const seen = eventsOf(carerSocket, 'thread:changed');

    const thread = (
      await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'A passage'),
        body: 'Is this clear?',
      })
    ).body;
    const reply = await team.people.carer.post(`/api/threads/${thread.id}/comments`, { body: 'Yes, clear to me.' });
    expect(reply.status).toBe(201);
    expect(reply.body.comments.map((c: { body: string }) => c.body)).toEqual(['Is this clear?', 'Yes, clear to me.']);
    await eventually(
      () => seen.find((e) => e.thread.id === thread.id && e.change === 'replied' && e.thread.comments.length === 2),
      5000,
      'the reply event',
    );

    // A carer may not resolve someone else's thread; an editor may; the author may reopen it.
    const refused = await team.people.carer.patch(`/api/threads/${thread.id}`, { resolved: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/person who started this comment, an editor or an admin/);
    const resolved = await team.people.editor.patch(`/api/threads/${thread.id}`, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: { id: team.ids.editor } });
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    await eventually(
      () => seen.find((e) => e.thread.id === thread.id && e.change === 'resolved'),
      5000,
      'the resolved event',
    );
    const reopened = await team.people.expert.patch(`/api/threads/${thread.id}`, { resolved: false });
    expect(reopened.body).toMatchObject({ resolved: false, resolvedAt: null, resolvedBy: null });
    await eventually(
      () => seen.find((e) => e.thread.id === thread.id && e.change === 'reopened'),
      5000,
      'the reopened event',
    );

    // A carer resolves their own thread.
    const own = (
      await team.people.carer.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'talk about'),
        body: 'Mine.',
      })
    ).body;
    expect((await team.people.carer.patch(`/api/threads/${own.id}`, { resolved: true })).body.resolved).toBe(true);

    const bad = await team.people.carer.post(`/api/threads/${thread.id}/comments`, { body: '   ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'body', message: 'Write your reply first.' }]);
  });

  it('stores mentions of members and tells only them; a mention of a non-member is a 400 that says why', async () => {
    const { team, outsider, watch, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Mentions', 'Who can check the dates?');
    const carerSocket = await watch(team.people.carer);
    const editorSocket = await watch(team.people.editor);
    const carerHears = eventsOf(carerSocket, 'thread:mention');
    const editorHears = eventsOf(editorSocket, 'thread:mention');

    const res = await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'the dates'),
      body: '@carer person could you look?',
      mentions: [team.ids.carer],
    });
    expect(res.status).toBe(201);
    expect(res.body.comments[0].mentions).toEqual([{ id: team.ids.carer, name: 'carer person' }]);
    const notice = await eventually(() => carerHears[0], 5000, 'the mention to reach the carer');
    expect(notice).toMatchObject({
      documentId: doc.id,
      documentTitle: 'Mentions',
      threadId: res.body.id,
      by: { id: team.ids.expert },
      excerpt: '@carer person could you look?',
    });

    const reply = await team.people.carer.post(`/api/threads/${res.body.id}/comments`, {
      body: 'Yes. @expert person, done.',
      mentions: [team.ids.expert, team.ids.expert],
    });
    expect(reply.body.comments[1].mentions).toEqual([{ id: team.ids.expert, name: 'expert person' }]);

    const refused = await team.people.expert.post(`/api/threads/${res.body.id}/comments`, {
      body: 'And @Olive?',
      mentions: [team.ids.carer, outsider.user.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'mentions.1' }] });
    expect(refused.body.error.message).toMatch(/not a member of this workspace/);
    const onCreate = await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'Who'),
      body: 'Hm',
      mentions: [outsider.user.id],
    });
    expect(onCreate.status).toBe(400);
    expect((await team.people.admin.get(`/api/documents/${doc.id}/threads`)).body.threads).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 200));
    expect(editorHears).toEqual([]);
    expect(carerHears).toHaveLength(1);
  });
});
