import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { everyoneHeardSignsOff, renderedFirstEpisode, show, type Workspace } from '../support/episodePublishing';
import { startServer, type TestServer } from '../support/startServer';

/**
 * The show's public "How to listen" page on the real server: its published episodes with players, never an
 * unpublished one, links that open podcast apps on the feed, and 404 pages in the same look with a way on.
 * (That an episode leaves the page with a voice's consent is checked beside the feed in consentRules.test.ts.)
 */
describe('the show page', () => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let noShow: Workspace;
  let episodeId = '';
  let unpublishedId = '';
  let renderId = '';

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-show-page-'))]);
    [ctx, noShow] = await Promise.all([workspaceWithPeople(server.url), workspaceWithPeople(server.url)]);
    const { people, ws } = ctx;
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
    episodeId = await renderedFirstEpisode(ctx, dir);
    await everyoneHeardSignsOff(ctx, episodeId);
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
    renderId = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0].id;
    unpublishedId = (await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Not out yet' })).body.id;
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the published episodes with their players, not an unpublished one', async () => {
    const res = await fetch(`${server.url}/shows/${ctx.ws.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(`<h1>${show.title}</h1>`);
    const audio = `/feeds/${ctx.ws.id}/episodes/${episodeId}/renders/${renderId}.mp3`;
    expect(html).toContain(`<audio controls preload="none" src="${audio}"`);
    expect(html).toContain(`href="/shows/${ctx.ws.id}/episodes/${episodeId}"`);
    expect(html).toContain('Episode 1: Being heard');
    expect(html).not.toContain(unpublishedId);
    expect(html).not.toContain('Not out yet');
    expect((await fetch(server.url + audio, { headers: { range: 'bytes=0-0' } })).status).toBe(206);
  });

  it('offers podcast apps the feed, and shows its address as text', async () => {
    const html = await (await fetch(`${server.url}/shows/${ctx.ws.id}`)).text();
    const feedUrl = `${server.url}/feeds/${ctx.ws.id}/podcast.xml`;
    const bare = feedUrl.replace(/^https?:\/\//, '');
    expect(html).toContain(`href="podcast://${bare}"`);
    expect(html).toContain(`href="pktc://subscribe/${bare}"`);
    expect(html).toContain(`href="overcast://x-callback-url/add?url=${encodeURIComponent(feedUrl)}"`);
    expect(html).toContain(
      `href="https://antennapod.org/deeplink/subscribe?url=${encodeURIComponent(feedUrl)}&amp;title=`,
    );
    expect(html).toContain(`<code id="feed-address" class="feed-address">${feedUrl}</code>`);
    // The feed the links name is the real one.
    expect((await fetch(feedUrl)).status).toBe(200);
  });

  it('runs only its own script file, under a policy without inline scripts', async () => {
    const res = await fetch(`${server.url}/shows/${ctx.ws.id}`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'self'`);
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([' src="/shows/assets/copy-feed-address.js"']);
    const script = await fetch(`${server.url}/shows/assets/copy-feed-address.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('the episode page leads to the show page, not to raw RSS', async () => {
    const html = await (await fetch(`${server.url}/shows/${ctx.ws.id}/episodes/${episodeId}`)).text();
    expect(html).toContain(`<footer><p><a href="/shows/${ctx.ws.id}">`);
    expect(html).not.toMatch(/<a href="[^"]*podcast\.xml"/);
  });

  it('answers 404 pages in the same look, with a way on when there is a show', async () => {
    for (const url of [`/shows/${noShow.ws.id}`, '/shows/00000000-0000-4000-8000-000000000000', '/shows/not-an-id']) {
      const res = await fetch(server.url + url);
      expect(res.status, url).toBe(404);
      const html = await res.text();
      expect(html).toContain('<h1>We could not find that podcast</h1>');
      expect(html).toContain('<style nonce=');
      expect(html).toContain('Check the link, or ask the person who sent it.');
    }
    const missing = await fetch(`${server.url}/shows/${ctx.ws.id}/episodes/${unpublishedId}`);
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain('<h1>We could not find that episode</h1>');
    expect(html).toContain(`<a href="/shows/${ctx.ws.id}">See every episode of ${show.title} and how to listen</a>`);
  });
});
