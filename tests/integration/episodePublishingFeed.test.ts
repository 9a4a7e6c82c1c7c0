import { readPodcastFeed } from '../support/podcastFeedReader';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import {
  everyoneHeardSignsOff,
  pictures,
  putFile,
  renderedFirstEpisode,
  scriptWrittenBy,
  show,
  vtt,
  type Workspace,
} from '../support/episodePublishing';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

/**
 * A published episode as the world sees it, on the real server: the feed, read by independent parsers
 * (tests/support/podcastFeedReader.ts), with artwork, transcript and exactly the people who agreed to be named, and the public episode page. How each of those went in is in episodePublishingInputs.test.ts.
 */
describe.each(testDatabaseNames)('episode publishing extras on %s: the feed and the public page', (database) => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let other: Workspace;
  let episodeId = '';
  let unpublishedId = '';
  let images: Record<string, Buffer> = {};

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-publishing-'))]);
    [ctx, other] = await Promise.all([workspaceWithPeople(server.url), workspaceWithPeople(server.url)]);
    const { people, ws } = ctx;
    images = await pictures(dir, { square1400: ['1400x1400', 'jpg'], episode: ['1600x1600', 'png'] });
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
    episodeId = await renderedFirstEpisode(ctx, dir);
    unpublishedId = (await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Not out yet' })).body.id;
    // The expert and the admin write in the script.
    const scriptId = await scriptWrittenBy(server, ctx, ['expert', 'admin']);

    // What the feed carries, each checked on its way in by episodePublishingInputs.test.ts.
    const art = (url: string, bytes: Buffer, name: string, type: string) =>
      putFile(people.editor, url, 'image', bytes, name, type);
    expect(
      (await art(`/api/workspaces/${ws.id}/show/artwork`, images.square1400!, 'art.jpg', 'image/jpeg')).status,
    ).toBe(200);
    expect((await art(`/api/episodes/${episodeId}/artwork`, images.episode!, 'e.png', 'image/png')).status).toBe(200);
    const transcript = await putFile(
      people.editor,
      `/api/episodes/${episodeId}/transcript`,
      'file',
      Buffer.from(vtt),
      't.vtt',
      'text/vtt',
    );
    expect(transcript.status).toBe(200);
    expect((await people.editor.patch(`/api/episodes/${episodeId}`, { scriptDocumentId: scriptId })).status).toBe(200);
    const credit = `/api/workspaces/${ws.id}/members/me/credit`;
    expect((await people.carer.patch(credit, { creditByName: true, creditName: 'Mary O’Brien' })).status).toBe(200);
    expect((await people.expert.patch(credit, { creditByName: true })).status).toBe(200);
    expect((await people.editor.patch(credit, { creditByName: true, creditName: 'Eddie Editor' })).status).toBe(200);
    const consultants = { userIds: [ctx.ids.expert, ctx.ids.carer2] };
    expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/consultants`, consultants)).status).toBe(
      200,
    );
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('publishes a feed with artwork, transcript and exactly the people who agreed to be named', async () => {
    const { people, ws } = ctx;
    await everyoneHeardSignsOff(ctx, episodeId);
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
    const xml = await (await fetch(`${server.url}/feeds/${ws.id}/podcast.xml`)).text();
    const feed = readPodcastFeed(xml);
    expect(feed.wellFormed).toBe(true);
    const showArt = (await people.carer.get(`/api/workspaces/${ws.id}/show`)).body.artwork.url;
    expect(feed.imageUrl).toBe(showArt);
    expect(feed.items).toHaveLength(1);
    const entry = feed.items[0]!;
    expect(entry.url).toBe(`${server.url}/shows/${ws.id}/episodes/${episodeId}`);
    expect(entry.imageUrl).toMatch(
      new RegExp(`^${server.url}/feeds/${ws.id}/episodes/${episodeId}/artwork/[0-9a-f]{16}\\.png$`),
    );
    expect(entry.transcript).toEqual({
      url: expect.stringMatching(/\/transcript\/[0-9a-f]{16}\.vtt$/),
      type: 'text/vtt',
      language: 'en-gb',
      rel: 'captions',
    });
    // Mary (carer, heard, agreed), the expert (wrote the script, marked consultant, agreed), Eddie (rendered, agreed).
    // Not named: carer2 (heard and marked consultant, never agreed) and the admin (wrote in the script, never agreed).
    expect(entry.persons).toEqual([
      ['cast', 'guest', 'Mary O’Brien'],
      ['writing', 'co-writer', 'expert person'],
      ['misc.', 'consultant', 'expert person'],
      ['audio post-production', 'audio editor', 'Eddie Editor'],
    ]);

    const art = await fetch(entry.imageUrl!);
    expect(art.status).toBe(200);
    expect(Buffer.from(await art.arrayBuffer()).equals(images.episode!)).toBe(true);
    const transcript = await fetch(entry.transcript!.url!);
    expect(transcript.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await transcript.text()).toBe(vtt);
    expect((await people.carer.get(`/api/episodes/${episodeId}/credits`)).body.credits).toHaveLength(4);

    // Mary changes her mind: from the next fetch, the feed no longer names her.
    await people.carer.patch(`/api/workspaces/${ws.id}/members/me/credit`, { creditByName: false });
    const after = readPodcastFeed(await (await fetch(`${server.url}/feeds/${ws.id}/podcast.xml`)).text());
    expect(after.items[0]!.persons.map((p) => p[2])).not.toContain('Mary O’Brien');
    expect(after.items[0]!.persons).toHaveLength(3);
  });

  it('serves a public page for a published episode, and 404 for anything else', async () => {
    const { ws } = ctx;
    const res = await fetch(`${server.url}/shows/${ws.id}/episodes/${episodeId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="en-gb">');
    expect(html).toContain('<h1>Episode 1: Being heard</h1>');
    expect(html).toMatch(/<audio id="player" controls preload="metadata" src="\/feeds\/[^"]+\.mp3"/);
    expect(html).toMatch(
      /<img src="\/feeds\/[^"]+\/artwork\/[0-9a-f]{16}\.png" width="1600" height="1600" alt="Artwork for Episode 1: Being heard">/,
    );
    expect(html).toContain('<p>Two carers on being heard.</p>');
    // The chapter button's name is its own words after a visually hidden "Play from", not an aria-label.
    expect(html).toContain(
      '<button type="button" data-seek="0"><span class="hidden">Play from </span><span class="time">0:00</span> Mary</button>',
    );
    expect(html).toContain('Joe &amp; “dementia”');
    expect(html).toMatch(
      /<a href="\/feeds\/[^"]+\/transcript\/[0-9a-f]{16}\.vtt" type="text\/vtt">Read the transcript<\/a>/,
    );
    expect(html).toContain('<li>Eddie Editor, audio editor</li>');
    expect(html).not.toContain('Mary O’Brien');
    const nonce = /<script nonce="([^"]+)">/.exec(html)![1];
    expect(res.headers.get('content-security-policy')).toContain(`script-src 'nonce-${nonce}'`);

    // Everything the page points at answers without a session.
    for (const src of [...html.matchAll(/(?:src|href)="(\/feeds\/[^"]+)"/g)].map((m) => m[1]!)) {
      expect((await fetch(server.url + src, { headers: { range: 'bytes=0-0' } })).status, src).toBeLessThan(300);
    }

    for (const url of [
      `/shows/${ws.id}/episodes/${unpublishedId}`,
      `/shows/${other.ws.id}/episodes/${episodeId}`,
      `/shows/${ws.id}/episodes/not-an-id`,
    ]) {
      const missing = await fetch(server.url + url);
      expect(missing.status, url).toBe(404);
      expect(await missing.text()).toContain('We could not find that episode');
    }
    const unpublishedArt = await putFile(
      ctx.people.editor,
      `/api/episodes/${unpublishedId}/artwork`,
      'image',
      images.episode!,
      'e.png',
      'image/png',
    );
    const hidden = unpublishedArt.body.artwork.url.replace(
      `/api/episodes/${unpublishedId}/artwork?v=`,
      `/feeds/${ws.id}/episodes/${unpublishedId}/artwork/`,
    );
    expect((await fetch(`${server.url}${hidden}.png`)).status).toBe(404);
  });
});
