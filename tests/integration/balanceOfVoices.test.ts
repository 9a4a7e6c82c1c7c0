import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Balance } from '../../shared/contracts/balance';
import { workspaceWithPeople } from '../support/audioClips';
import {
  everyoneHeardSignsOff,
  renderedFirstEpisode,
  scriptWrittenBy,
  show,
  type Workspace,
} from '../support/episodePublishing';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

/**
 * The balance of voices (issue 12 §4) on the real server: Mary (carer, credited by name) and Joe (carer2, not)
 * are heard in a published episode; the balance gives each their seconds from the published render's timeline,
 * names Mary but never Joe (counted in his role only), and counts writing, comments and sign-offs per role.
 */
describe.each(testDatabaseNames)('the balance of voices on %s', (database) => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let outsider: TestClient;
  let episodeId = '';
  const balance = async (who: TestClient = ctx.people.carer2) => {
    const res = await who.get(`/api/workspaces/${ctx.ws.id}/balance`);
    expect(res.status).toBe(200);
    return res.body as Balance;
  };

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-balance-'))]);
    ctx = await workspaceWithPeople(server.url);
    outsider = (await signedUp(server.url, 'Olly Outsider')).client;
    const { people, ws } = ctx;
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
    const credit = `/api/workspaces/${ws.id}/members/me/credit`;
    expect((await people.carer.patch(credit, { creditByName: true, creditName: 'Mary O’Brien' })).status).toBe(200);
    episodeId = await renderedFirstEpisode(ctx, dir);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts nobody as heard before the episode is published', async () => {
    const before = await balance();
    expect(before.episodes).toBe(0);
    expect(before.heard).toEqual({ totalSeconds: 0, byRole: [], byPerson: [] });
  });

  it('gives each carer the seconds of their clip in the published episode, naming only who chose to be named', async () => {
    const { people, ids } = ctx;
    await everyoneHeardSignsOff(ctx, episodeId);
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);

    const items = (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body.items as {
      clipId: string;
      inSeconds: number;
      outSeconds: number;
    }[];
    const [mary, joe] = items.map((i) => i.outSeconds - i.inSeconds);
    expect(mary).toBeGreaterThan(1);
    expect(joe).toBeGreaterThan(1);

    const after = await balance();
    expect(after.episodes).toBe(1);
    expect(after.heard.totalSeconds).toBeCloseTo(mary! + joe!, 1);
    expect(after.heard.byRole).toEqual([
      { role: 'carer', seconds: expect.closeTo(mary! + joe!, 1), people: 2, share: 1 },
    ]);
    const byName = new Map(after.heard.byPerson.map((p) => [p.name, p]));
    expect(byName.get('Mary O’Brien')).toEqual({
      name: 'Mary O’Brien',
      role: 'carer',
      people: 1,
      seconds: expect.closeTo(mary!, 1),
      episodes: 1,
    });
    expect(byName.get(null)).toEqual({
      name: null,
      role: 'carer',
      people: 1,
      seconds: expect.closeTo(joe!, 1),
      episodes: 1,
    });
    // Joe is counted as a carer, and named nowhere: not by his account name, nor by his id.
    const text = JSON.stringify(after);
    expect(text).not.toContain('carer2 person');
    expect(text).not.toContain(ids.carer2);
    expect(text).not.toContain('carer person');

    // Both carers approved their parts.
    expect(after.signoffs).toEqual([{ role: 'carer', approved: 2, changesRequested: 0 }]);
  });

  it('counts writing in the script and comments on documents and recordings per role', async () => {
    const { people, ids } = ctx;
    const scriptId = await scriptWrittenBy(server, ctx, ['expert', 'admin']);
    const clipId = (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body.items[0].clipId as string;
    expect(
      (await people.carer.post(`/api/clips/${clipId}/comments`, { body: 'I like how this sounds.', atSeconds: 0.5 }))
        .status,
    ).toBe(201);
    expect(
      (await people.editor.post(`/api/clips/${clipId}/comments`, { body: 'Thank you, Mary.', atSeconds: 0.5 })).status,
    ).toBe(201);
    // A comment thread on the script, stored as the thread routes store one (anchoring needs a live editor).
    const db = server.chorus.services.db;
    const threadId = randomUUID();
    const at = new Date().toISOString();
    await db
      .insertInto('document_threads')
      .values({
        id: threadId,
        document_id: scriptId,
        workspace_id: ctx.ws.id,
        created_by: ids.carer2,
        quote: 'Words',
        created_at: at,
        resolved_at: null,
        resolved_by: null,
      })
      .execute();
    for (const author of [ids.carer2, ids.expert])
      await db
        .insertInto('document_thread_comments')
        .values({
          id: randomUUID(),
          thread_id: threadId,
          author_id: author,
          body: 'Hm',
          mentions: '[]',
          created_at: at,
        })
        .execute();

    const counted = await balance(people.expert);
    expect(counted.writing).toEqual([
      { role: 'admin', documents: 1, people: 1 },
      { role: 'expert', documents: 1, people: 1 },
    ]);
    expect(counted.comments).toEqual([
      { role: 'editor', documentComments: 0, clipComments: 1, total: 1 },
      { role: 'expert', documentComments: 1, clipComments: 0, total: 1 },
      { role: 'carer', documentComments: 1, clipComments: 1, total: 2 },
    ]);
  });

  it('answers outsiders as if the workspace did not exist', async () => {
    const res = await outsider.get(`/api/workspaces/${ctx.ws.id}/balance`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('Mary');
  });
});
