import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/contracts/notifications';
import { workspaceWithPeople } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { documentThreadsWorld, selectionOf } from '../support/documentThreads';
import { everyoneHeardSignsOff, renderedFirstEpisode, show } from '../support/episodePublishing';
import type { TestClient } from '../support/httpClient';
import { testDatabaseNames } from '../support/serverOnDatabase';
import { startServer, type TestServer } from '../support/startServer';

const inbox = async (client: TestClient): Promise<Notification[]> =>
  (await client.get('/api/notifications')).body.notifications;

/** Waits until the person has a notice of `kind` whose text matches, and returns it. */
const noticeOf = (client: TestClient, kind: string, text: RegExp, timeoutMs = 10_000) =>
  eventually(
    async () => (await inbox(client)).find((n) => n.kind === kind && text.test(n.text)),
    timeoutMs,
    `a ${kind} notice matching ${text}`,
  );

describe.each(testDatabaseNames)('notices from comment threads (%s)', (database) => {
  const world = documentThreadsWorld(database);

  it('tells the people mentioned, and everyone who wrote earlier in a thread when someone answers', async () => {
    const { team, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Our findings', 'Carers spoke about Tuesdays.');
    const thread = (
      await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
        anchor: selectionOf(writer, 'Tuesdays'),
        body: '@carer person is this right?',
        mentions: [team.ids.carer],
      })
    ).body;
    const mention = await noticeOf(team.people.carer, 'mention', /mentioned you/);
    expect(mention).toMatchObject({
      text: 'expert person mentioned you in a comment on “Our findings”: “@carer person is this right?”',
      link: `/d/${doc.id}`,
      read: false,
    });

    await team.people.carer.post(`/api/threads/${thread.id}/comments`, { body: 'Yes, Tuesdays.' });
    await noticeOf(team.people.expert, 'reply', /^carer person answered your comment on “Our findings”\.$/);
    await team.people.editor.post(`/api/threads/${thread.id}/comments`, { body: 'Thank you both.' });
    await noticeOf(team.people.expert, 'reply', /^editor person answered/);
    await noticeOf(team.people.carer, 'reply', /^editor person answered/);
    // Nobody hears of their own words; the admin wrote nothing here and hears nothing.
    expect((await inbox(team.people.editor)).filter((n) => n.kind === 'reply')).toEqual([]);
    expect(await inbox(team.people.admin)).toEqual([]);
  });
});

describe('notices from episodes: rendered, published, needing attention', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    [server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-notices-'))]);
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells editors a render finished, contributors their voice went out, and editors when consent changes', async () => {
    const ctx = await workspaceWithPeople(server.url);
    const { people, ws } = ctx;
    const episodeId = await renderedFirstEpisode(ctx, dir);
    for (const who of ['editor', 'admin'] as const) {
      expect(await noticeOf(people[who], 'render', /has finished rendering and is ready to listen to/)).toMatchObject({
        link: `/e/${episodeId}`,
      });
    }
    for (const who of ['expert', 'carer'] as const) {
      expect((await inbox(people[who])).filter((n) => n.kind === 'render')).toEqual([]);
    }

    // The people heard are asked to sign off their parts, and do.
    for (const who of ['carer', 'carer2'] as const) {
      expect(
        await noticeOf(people[who], 'signoff_request', /^Please listen to your parts in the episode/),
      ).toMatchObject({
        link: `/e/${episodeId}`,
      });
    }
    await everyoneHeardSignsOff(ctx, episodeId);
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
    const published = await noticeOf(
      people.carer,
      'clip_published',
      /^Your recording “carer's story” is in the episode/,
    );
    expect(published.text).toMatch(/which anyone can now listen to\.$/);
    await noticeOf(people.carer2, 'clip_published', /^Your recording “carer2's story”/);

    const clipId = (await people.carer.get(`/api/workspaces/${ws.id}/clips`)).body.clips.find(
      (c: { title: string }) => c.title === "carer's story",
    ).id as string;
    expect((await people.carer.post(`/api/clips/${clipId}/withdraw`, {})).status).toBe(200);
    await noticeOf(people.editor, 'episode_flagged', /needs your attention/);
    expect((await inbox(people.carer)).filter((n) => n.kind === 'episode_flagged')).toEqual([]);
    // What the carer was told about that recording no longer names it.
    const after = (await inbox(people.carer)).find((n) => n.id === published.id)!;
    expect(after.text).toBe('This was about a recording whose consent was taken back, so it is no longer shown.');
    expect(after.link).toBe(`/w/${ws.id}/clips`);
  });
});
