import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually } from '../support/collabClient';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;
interface Member {
  userId: string;
  brings: string;
  wantsToTry: string[];
  wantsToTryOther: string;
  grants: { ability: string; grantedBy: { id: string; name: string } | null; grantedAt: string }[];
}

/**
 * People as assets (issue 12 §4) on each database: each member says what they bring and would like to try, for
 * themself only; an editor offers a task to a carer who wants to try it, and the carer accepts or declines; an
 * admin agrees that a carer may also assemble episodes or edit scripts, and taking it back takes it away.
 */
describe.each(testDatabaseNames)('what people bring, offers and abilities agreed on %s', (database) => {
  let server: TestServer;
  let team: Team;
  let outsider: TestClient;
  const strengths = () => `/api/workspaces/${team.ws.id}/strengths`;
  const mine = (who: keyof Team['ids']) => `/api/workspaces/${team.ws.id}/members/${team.ids[who]}/strengths`;
  const memberIn = (body: { members: Member[] }, who: keyof Team['ids']) =>
    body.members.find((m) => m.userId === team.ids[who])!;

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    outsider = (await signedUp(server.url, 'Olly Outsider')).client;
  });
  afterAll(() => server?.stop());

  it('lets each member say what they bring and would like to try, shown to every member', async () => {
    const { people } = team;
    const saved = await people.carer.request('PUT', mine('carer'), {
      brings: '  Twenty years caring for my mother; I know the benefits system inside out.  ',
      wantsToTry: ['interviewing', 'assembling_episode', 'interviewing'],
      wantsToTryOther: 'Drawing the cover',
    });
    expect(saved.status).toBe(200);
    const seen = await people.expert.get(strengths());
    expect(seen.status).toBe(200);
    expect(memberIn(seen.body, 'carer')).toMatchObject({
      brings: 'Twenty years caring for my mother; I know the benefits system inside out.',
      wantsToTry: ['interviewing', 'assembling_episode'],
      wantsToTryOther: 'Drawing the cover',
      grants: [],
    });
    expect(memberIn(seen.body, 'carer2')).toMatchObject({ brings: '', wantsToTry: [] });
    expect(seen.body.abilities).toEqual({ offerTasks: false, grant: false });
  });

  it('lets nobody else say it for them, refuses what is too long or not on the list, and hides it from outsiders', async () => {
    const { people } = team;
    const byAdmin = await people.admin.request('PUT', mine('carer'), { brings: 'Nothing', wantsToTry: [] });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.error.message).toMatch(/Only the person themself/);
    const tooLong = await people.carer.request('PUT', mine('carer'), { brings: 'x'.repeat(1001), wantsToTry: [] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/at most 1000 characters/);
    const unknown = await people.carer.request('PUT', mine('carer'), { brings: '', wantsToTry: ['juggling'] });
    expect(unknown.status).toBe(400);
    expect(memberIn((await people.carer.get(strengths())).body, 'carer').brings).toMatch(/^Twenty years/);
    expect((await outsider.get(strengths())).status).toBe(404);
    expect(
      (
        await outsider.request('PUT', `/api/workspaces/${team.ws.id}/members/${team.ids.carer}/strengths`, {
          brings: '',
          wantsToTry: [],
        })
      ).status,
    ).toBe(404);
  });

  it('lets an editor offer a task the carer wants to try; the carer is told, and accepts or declines once', async () => {
    const { people, ids, ws } = team;
    const offers = `/api/workspaces/${ws.id}/members/${ids.carer}/offers`;
    const notWanted = await people.editor.post(offers, { task: 'chairing_meeting' });
    expect(notWanted.status).toBe(409);
    expect(notWanted.body.error.message).toMatch(/has not said they would like to try chairing a meeting/);
    expect((await people.carer2.post(offers, { task: 'interviewing' })).status).toBe(403);
    expect((await outsider.post(offers, { task: 'interviewing' })).status).toBe(404);

    const interview = await people.editor.post(offers, {
      task: 'interviewing',
      message: 'Would you interview Joe for episode 2?',
    });
    expect(interview.status).toBe(201);
    expect(interview.body).toMatchObject({
      userId: ids.carer,
      task: 'interviewing',
      status: 'offered',
      offeredBy: { id: ids.editor, name: 'editor person' },
    });
    const assemble = await people.editor.post(offers, { task: 'assembling_episode' });
    expect(assemble.status).toBe(201);

    await eventually(async () => {
      const inbox = await people.carer.get('/api/notifications');
      return inbox.body.notifications.some(
        (n: { kind: string; text: string }) => n.kind === 'task_offer' && /interviewing/.test(n.text),
      );
    });

    const byOther = await people.carer2.post(`/api/offers/${interview.body.id}/answer`, { answer: 'accepted' });
    expect(byOther.status).toBe(403);
    const yes = await people.carer.post(`/api/offers/${interview.body.id}/answer`, { answer: 'accepted' });
    expect(yes.status).toBe(200);
    expect(yes.body).toMatchObject({ status: 'accepted' });
    expect(yes.body.respondedAt).toEqual(expect.any(String));
    const again = await people.carer.post(`/api/offers/${interview.body.id}/answer`, { answer: 'declined' });
    expect(again.status).toBe(409);
    const no = await people.carer.post(`/api/offers/${assemble.body.id}/answer`, { answer: 'declined' });
    expect(no.body.status).toBe('declined');
    expect((await outsider.post(`/api/offers/${assemble.body.id}/answer`, { answer: 'accepted' })).status).toBe(404);

    // The carer sees their own offers; another carer sees none of them; the editor sees all.
    expect((await people.carer.get(strengths())).body.offers).toHaveLength(2);
    expect((await people.carer2.get(strengths())).body.offers).toHaveLength(0);
    expect((await people.editor.get(strengths())).body.offers.map((o: { status: string }) => o.status).sort()).toEqual([
      'accepted',
      'declined',
    ]);
  });

  it('lets an admin agree that a carer may assemble episodes, without becoming staff, and take it back', async () => {
    const { people, ids, ws } = team;
    const grant = `/api/workspaces/${ws.id}/members/${ids.carer}/grants/episode.edit`;
    const created = await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Episode 2: Mary edits' });
    expect(created.status).toBe(201);
    const episodeId = created.body.id as string;
    const putTimeline = (who: TestClient) =>
      who.request('PUT', `/api/episodes/${episodeId}/timeline`, { items: [], chapters: [] });

    expect((await putTimeline(people.carer)).status).toBe(403);
    expect((await people.editor.request('PUT', grant)).status).toBe(403);
    const toExpert = await people.admin.request(
      'PUT',
      `/api/workspaces/${ws.id}/members/${ids.expert}/grants/episode.edit`,
    );
    expect(toExpert.status).toBe(409);

    const agreed = await people.admin.request('PUT', grant);
    expect(agreed.status).toBe(200);
    expect(memberIn(agreed.body, 'carer').grants).toEqual([
      { ability: 'episode.edit', grantedBy: { id: ids.admin, name: 'Ada Admin' }, grantedAt: expect.any(String) },
    ]);
    expect((await putTimeline(people.carer)).status).toBe(200);
    expect((await people.carer.get(`/api/episodes/${episodeId}`)).body.abilities).toEqual({
      edit: true,
      render: true,
      publish: false,
    });
    expect((await people.carer.post(`/api/episodes/${episodeId}/publish`, {})).status).toBe(403);
    // Still a carer: the role is unchanged, and another carer gains nothing.
    const members = (await people.admin.get(`/api/workspaces/${ws.id}/members`)).body.members as {
      userId: string;
      role: string;
    }[];
    expect(members.find((m) => m.userId === ids.carer)?.role).toBe('carer');
    expect((await putTimeline(people.carer2)).status).toBe(403);

    const taken = await people.admin.request('DELETE', grant);
    expect(taken.status).toBe(200);
    expect(memberIn(taken.body, 'carer').grants).toEqual([]);
    expect((await putTimeline(people.carer)).status).toBe(403);
    expect((await people.admin.request('DELETE', grant)).status).toBe(404);
  });

  it('lets an admin agree that a carer may edit scripts carers may not otherwise edit', async () => {
    const { people, ids, ws } = team;
    const doc = await people.editor.post(`/api/workspaces/${ws.id}/documents`, { title: 'Script 2', kind: 'script' });
    expect(doc.status).toBe(201);
    const abilities = async () => (await people.carer.get(`/api/documents/${doc.body.id}`)).body.abilities;
    expect((await abilities()).edit).toBe(false);
    const grant = `/api/workspaces/${ws.id}/members/${ids.carer}/grants/document.edit`;
    expect((await people.admin.request('PUT', grant)).status).toBe(200);
    expect(await abilities()).toMatchObject({ edit: true, manage: false });
    expect((await people.admin.request('DELETE', grant)).status).toBe(200);
    expect((await abilities()).edit).toBe(false);

    // Live on /collab: the carer's open script turns editable when the admin agrees, and read-only when taken back.
    const collab = await CollabClient.open(server.url, people.carer.cookie);
    try {
      expect((await collab.join(doc.body.id)).canEdit).toBe(false);
      expect((await people.admin.request('PUT', grant)).status).toBe(200);
      await eventually(async () => collab.access.at(-1)?.canEdit === true, 10_000, 'the script to turn editable');
      expect((await people.admin.request('DELETE', grant)).status).toBe(200);
      await eventually(async () => collab.access.at(-1)?.canEdit === false, 10_000, 'the script to turn read-only');
    } finally {
      collab.close();
    }
  });
});
