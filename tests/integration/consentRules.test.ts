import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { everyoneHeardSignsOff, show, type Workspace } from '../support/episodePublishing';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { currentConsentVersion } from '../../shared/contracts/clips';

const run = promisify(execFile);

/**
 * The consent rules (server/policies/consent.ts) end to end, as a table: what a contributor agreed to (audience),
 * how far the episode with their voice got (an internal draft or published), what they then changed, and what
 * each of an anonymous listener, a member and the contributor can reach afterwards. Real clips spoken by
 * espeak-ng, processed and rendered by ffmpeg, on SQLite and PostgreSQL.
 */
type Change = 'nothing' | 'members only' | 'podcast off' | 'quotes off' | 'withdrawal';

interface Row {
  audience: 'public' | 'internal';
  stage: 'draft' | 'published';
  change: Change;
  /** Then: is the episode in the public feed, and the HTTP status of its public MP3 for anyone. */
  inFeed: boolean;
  publicAudio: number;
  /** The render's audio for a member (the expert) and for the contributor. */
  memberAudio: number;
  contributorAudio: number;
  /** Is the episode flagged for a new render, with the reason. */
  flagged: boolean;
  /** For a draft: what an editor's attempt to publish it answers. */
  publish?: number;
}

const table: Row[] = [
  // prettier-ignore
  { audience: 'public', stage: 'draft', change: 'nothing', inFeed: false, publicAudio: 404, memberAudio: 200, contributorAudio: 200, flagged: false, publish: 200 },
  // prettier-ignore
  { audience: 'internal', stage: 'draft', change: 'nothing', inFeed: false, publicAudio: 404, memberAudio: 200, contributorAudio: 200, flagged: false, publish: 409 },
  // prettier-ignore
  { audience: 'public', stage: 'published', change: 'nothing', inFeed: true, publicAudio: 200, memberAudio: 200, contributorAudio: 200, flagged: false },
  // prettier-ignore
  { audience: 'public', stage: 'published', change: 'members only', inFeed: false, publicAudio: 404, memberAudio: 200, contributorAudio: 200, flagged: true },
  // prettier-ignore
  { audience: 'public', stage: 'published', change: 'podcast off', inFeed: false, publicAudio: 404, memberAudio: 403, contributorAudio: 403, flagged: true },
  // prettier-ignore
  { audience: 'public', stage: 'published', change: 'quotes off', inFeed: true, publicAudio: 200, memberAudio: 200, contributorAudio: 200, flagged: false },
  // prettier-ignore
  { audience: 'public', stage: 'published', change: 'withdrawal', inFeed: false, publicAudio: 410, memberAudio: 410, contributorAudio: 410, flagged: true },
  // prettier-ignore
  { audience: 'internal', stage: 'draft', change: 'withdrawal', inFeed: false, publicAudio: 410, memberAudio: 410, contributorAudio: 410, flagged: true, publish: 409 },
  // prettier-ignore
  { audience: 'internal', stage: 'draft', change: 'podcast off', inFeed: false, publicAudio: 404, memberAudio: 403, contributorAudio: 403, flagged: true, publish: 409 },
];

const choicesAfter: Record<Exclude<Change, 'nothing' | 'withdrawal'>, (audience: string) => object> = {
  'members only': () => ({ podcast: true, publicationQuotes: true, audience: 'internal' }),
  'podcast off': (audience) => ({ podcast: false, publicationQuotes: true, audience }),
  'quotes off': (audience) => ({ podcast: true, publicationQuotes: false, audience }),
};

describe.each(testDatabaseNames)('the consent rules on %s', (database) => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let speech: string;

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-consent-'))]);
    ctx = await workspaceWithPeople(server.url);
    speech = path.join(dir, 'story.wav');
    await run('espeak-ng', ['-w', speech, 'I look after my mother. Some days are long, but the neighbours help.']);
    const showSet = await ctx.people.editor.request('PUT', `/api/workspaces/${ctx.ws.id}/show`, show);
    expect(showSet.status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Mary's story with the given audience, approved, alone on a new episode's timeline, rendered until it passes. */
  async function renderedWith(audience: Row['audience'], title: string) {
    const { people, ws } = ctx;
    const fields = { podcast: 'true', publicationQuotes: 'true', audience };
    const up = await uploadAudio(people.carer, ws.id, speech, { title, fields });
    expect(up.status).toBe(201);
    const clip = await waitForClip(people.carer, up.body.id, undefined, 30_000);
    expect((await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' })).status).toBe(200);
    const episodeId = (await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title })).body.id as string;
    const timeline = {
      items: [{ kind: 'clip', clipId: clip.id, inSeconds: 0, outSeconds: clip.media!.durationSeconds }],
      chapters: [],
    };
    expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline)).status).toBe(200);
    expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
    const render = await eventually(
      async () => {
        const r = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
        if (r.status === 'failing' || r.status === 'failed') throw new Error(`render ${r.status}: ${r.failureReason}`);
        return r.status === 'passed' ? (r as { id: string }) : undefined;
      },
      60_000,
      'a passing render',
    );
    // Mary approves her part, so what publishing answers below is the consent rules' word alone.
    await everyoneHeardSignsOff(ctx, episodeId);
    return { clipId: clip.id as string, episodeId, renderId: render.id };
  }

  const inFeed = async (episodeId: string) => {
    const xml = await (await fetch(`${server.url}/feeds/${ctx.ws.id}/podcast.xml`)).text();
    return xml.includes(`<guid isPermaLink="false">${episodeId}</guid>`);
  };
  /** The show's public page lists exactly what the feed serves. */
  const onShowPage = async (episodeId: string) =>
    (await (await fetch(`${server.url}/shows/${ctx.ws.id}`)).text()).includes(`/episodes/${episodeId}"`);

  it.each(table)(
    '$audience, $stage, then $change: feed $inFeed, public audio $publicAudio, member $memberAudio, flagged $flagged',
    async (row) => {
      const { people, ws } = ctx;
      const { clipId, episodeId, renderId } = await renderedWith(
        row.audience,
        `${row.audience} ${row.stage} ${row.change}`,
      );
      if (row.stage === 'published') {
        expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
        expect(await inFeed(episodeId)).toBe(true);
      }
      const storedKey = (await server.chorus.services.episodes.findRender(renderId))!.blob_key!;

      if (row.change === 'withdrawal') {
        expect((await people.carer.post(`/api/clips/${clipId}/withdraw`)).status).toBe(200);
      } else if (row.change !== 'nothing') {
        const choices = { ...choicesAfter[row.change](row.audience), wordingVersion: currentConsentVersion };
        expect((await people.carer.request('PUT', `/api/clips/${clipId}/consent`, choices)).status).toBe(200);
      }

      // At once, for everyone: the feed and the audio ask the rules at each request.
      expect(await inFeed(episodeId)).toBe(row.inFeed);
      expect(await onShowPage(episodeId)).toBe(row.inFeed);
      const publicMp3 = await fetch(`${server.url}/feeds/${ws.id}/episodes/${episodeId}/renders/${renderId}.mp3`);
      expect(publicMp3.status).toBe(row.publicAudio);
      const audio = `/api/episodes/${episodeId}/renders/${renderId}/audio`;
      expect((await people.expert.get(audio)).status).toBe(row.memberAudio);
      expect((await people.carer.get(audio)).status).toBe(row.contributorAudio);

      // Then, as soon as the episodes module has acted on the change: the flag, and for a withdrawal the deletion.
      const episode = async () => (await people.editor.get(`/api/episodes/${episodeId}`)).body;
      if (row.flagged) {
        const flagged = await eventually(async () => ((await episode()).needsRerender ? episode() : undefined));
        expect(flagged.rerenderReason).toMatch(
          row.change === 'withdrawal' ? /withdrawn/ : /podcast episodes|workspace/,
        );
      } else {
        expect((await episode()).needsRerender).toBe(false);
      }
      if (row.change === 'withdrawal') {
        await eventually(async () => (await server.chorus.services.blobs.head(storedKey)) === null);
        const render = await server.chorus.services.episodes.findRender(renderId);
        expect(render).toMatchObject({ blob_key: null, removed_reason: expect.stringMatching(/withdrawn/) });
        const gone = await people.expert.get(audio);
        expect(gone.status).toBe(410);
        expect(gone.body.error.message).toMatch(/deleted because/);
      }

      if (row.publish !== undefined) {
        const published = await people.editor.post(`/api/episodes/${episodeId}/publish`);
        expect(published.status).toBe(row.publish);
        if (row.audience === 'internal' && row.change === 'nothing') {
          // The refusal names the recording and the person, in words an editor can act on.
          expect(published.body.error.message).toMatch(/carer person agreed that only people in this workspace/);
          expect(published.body.error.message).toMatch(/“internal draft nothing”/);
        }
      }
    },
    120_000,
  );
  it('shows the person who made a clip where their voice is used now, and nobody outside the workspace', async () => {
    const { people } = ctx;
    const { clipId, episodeId } = await renderedWith('public', 'uses of a voice');
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
    const uses = async () => (await people.carer.get(`/api/clips/${clipId}/uses`)).body.episodes;
    expect(await uses()).toEqual([
      { id: episodeId, title: 'uses of a voice', inFeed: true, inTimeline: true, renders: 1 },
    ]);
    const outsider = (await workspaceWithPeople(server.url)).people.admin;
    expect((await outsider.get(`/api/clips/${clipId}/uses`)).status).toBe(404);

    expect((await people.carer.post(`/api/clips/${clipId}/withdraw`)).status).toBe(200);
    await eventually(async () => (await uses())[0]?.renders === 0);
    expect(await uses()).toEqual([
      { id: episodeId, title: 'uses of a voice', inFeed: false, inTimeline: true, renders: 0 },
    ]);
  }, 120_000);
});
