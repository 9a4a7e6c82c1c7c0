import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { newestRenderPasses, renderedFirstEpisode, show, type Workspace } from '../support/episodePublishing';
import { startServer, type TestServer } from '../support/startServer';
import { putTranscript } from '../support/transcripts';
import { axeFindings } from './support/accessibility';
import { signedInBrowsers } from './support/browser';

/** What docs/words.md keeps off a carer's screen, and the names of the editors' tools. */
const jargon = /LUFS|dBTP|render|flagged|timeline|\bclips?\b|\bfeed\b|WebVTT|SubRip|music/i;

/**
 * Issue 14 item 8: a carer opening an episode sees what it is, where it stands, their own parts, the episode to
 * listen to and what is said in it, in plain words; the editors' tools and figures are not there, and the figures
 * wait behind "More detail". An editor still gets the tools.
 */
describe('the episode page as a carer sees it', { timeout: 300_000 }, () => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let episodeId = '';
  const { open, closeAll } = signedInBrowsers(() => server.url);

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-carers-episode-'))]);
    ctx = await workspaceWithPeople(server.url);
    const { people, ws } = ctx;
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
    episodeId = await renderedFirstEpisode(ctx, dir);
    // Mary writes down what she said; the next sound file carries it as the episode's words.
    const clips = (await people.carer.get(`/api/workspaces/${ws.id}/clips`)).body.clips as {
      id: string;
      contributor: { id: string };
    }[];
    const mary = clips.find((c) => c.contributor.id === ctx.ids.carer)!.id;
    const words = { segments: [{ startSeconds: 0, endSeconds: 1.5, text: 'I look after my mother.' }] };
    expect((await putTranscript(people.carer, mary, words)).status).toBe(200);
    const before = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0].id as string;
    expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
    await newestRenderPasses(people.editor, episodeId, { after: before, timeoutMs: 180_000 });
  }, 300_000);

  afterAll(async () => {
    await closeAll();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows a carer the episode, their parts, a player and the words, with no editors’ tools or jargon', async () => {
    const page = await open(ctx.people.carer, `/e/${episodeId}`);
    const status = page.getByRole('region', { name: 'Where this episode is' });
    await status.getByText('Ready to listen to, not published yet.').waitFor();
    await status.getByText('Two carers on being heard.').waitFor();
    await page.getByRole('region', { name: 'Your parts' }).getByText('You have not answered yet.').waitFor();
    const listen = page.getByRole('region', { name: 'Listen' });
    await listen.getByRole('group', { name: 'Player: the episode' }).getByRole('button', { name: 'Play' }).waitFor();
    expect(await listen.locator('audio').getAttribute('src')).toMatch(/\/api\/episodes\/.+\/renders\/.+/);
    const said = page.getByRole('region', { name: 'What is said' });
    await said.getByRole('list', { name: 'What is said, in order' }).getByText('I look after my mother.').waitFor();

    // None of the editors' tools.
    for (const [role, name] of [
      ['list', 'Timeline'],
      ['list', 'Renders'],
      ['region', 'Render'],
      ['button', 'Render episode'],
      ['button', 'Publish to the feed'],
      ['region', 'Sign-off by the people heard'],
    ] as const)
      expect(await page.getByRole(role, { name, exact: true }).count(), `${role} “${name}”`).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    // No jargon on what shows; the figures are behind "More detail", closed until asked for.
    const shown = await page.locator('main').innerText();
    expect(shown).not.toMatch(jargon);
    await page.getByText('More detail', { exact: true }).click();
    await page.getByText(/LUFS/).waitFor();
    expect(await axeFindings(page)).toEqual([]);
  });

  it('still gives an editor the tools to build and render the episode', async () => {
    const page = await open(ctx.people.editor, `/e/${episodeId}`);
    await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: 'Render episode' }).waitFor();
    expect(await page.getByRole('region', { name: 'Where this episode is' }).count()).toBe(0);
  });
});
