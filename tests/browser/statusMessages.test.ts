import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg } from '../support/audio';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import type { TestClient } from '../support/httpClient';
import { journeyServer } from './support/journeyServer';

const run = promisify(execFile);

/** Every role="status" region's words, as a screen reader would be handed them. */
const statuses = (page: Page) =>
  page.getByRole('status').evaluateAll((els) => els.map((el) => el.textContent ?? '').filter((t) => t !== ''));

async function signIn(context: BrowserContext, baseUrl: string, client: TestClient): Promise<void> {
  const at = client.cookie!.indexOf('=');
  await context.clearCookies();
  await context.addCookies([{ name: client.cookie!.slice(0, at), value: client.cookie!.slice(at + 1), url: baseUrl }]);
}

/**
 * Status messages that say what happened, once, when it happens: a silent microphone, a comment added, the
 * episode's new length after an edit (not on every change to the page).
 */
describe('status messages', { timeout: 60_000 }, () => {
  const server = journeyServer();
  let dir: string;
  let ctx: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let clipId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-status-'));
    ctx = await workspaceWithPeople(server.url);
    const file = path.join(dir, 'story.wav');
    await run('espeak-ng', ['-w', file, 'We meet on Tuesdays at the library.']);
    const up = await uploadAudio(ctx.people.carer, ctx.ws.id, file, { title: 'Tuesdays' });
    expect(up.status).toBe(201);
    clipId = up.body.id;
    expect((await waitForClip(ctx.people.carer, clipId, undefined, 60_000)).status).toBe('ready');
    expect((await ctx.people.editor.post(`/api/clips/${clipId}/review`, { state: 'approved' })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('confirms a comment once it is added', async () => {
    const { page, context } = await server.person();
    await signIn(context, server.url, ctx.people.editor);
    await page.goto(`/c/${clipId}`);
    await page.getByRole('button', { name: /^Comment at / }).click();
    await page.getByLabel('Your comment').fill('Lovely detail about the library.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => statuses(page)).toContain('Your comment at 0:00 is added.');
  });

  it('says the episode’s new length when an edit is committed, and only then', async () => {
    const episode = await ctx.people.editor.post(`/api/workspaces/${ctx.ws.id}/episodes`, { title: 'Tuesdays' });
    const { page, context } = await server.person();
    await signIn(context, server.url, ctx.people.editor);
    await page.goto(`/e/${episode.body.id}`);
    await page.getByRole('button', { name: 'Add to episode: Tuesdays' }).click();
    const item = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem', { name: /^Item 1: / });
    await item.waitFor();
    // The total on screen is not a live region: it changes with everyone's edits.
    expect(await page.getByTestId('total-length').evaluate((el) => el.closest('[aria-live]'))).toBeNull();

    const end = item.getByLabel('End at');
    await end.fill('0:01.2');
    expect(await statuses(page)).not.toContainEqual(expect.stringMatching(/The episode is now/));
    await end.press('Enter');
    await expect.poll(() => statuses(page)).toContain('Changed item 1. The episode is now 1 second long.');
  });

  it('says so when the microphone hears nothing', async () => {
    const silence = path.join(dir, 'silence.wav');
    await ffmpeg(['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '10', '-c:a', 'pcm_s16le', silence]);
    const { page, context } = await server.person(undefined, {
      extraArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${silence}`,
      ],
    });
    await signIn(context, server.url, ctx.people.carer);
    await page.goto(`/w/${ctx.ws.id}/record`);
    await page.getByRole('button', { name: 'Record' }).click();
    await expect
      .poll(() => statuses(page), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^We cannot hear anything\. Check that your microphone/));
  });
});
