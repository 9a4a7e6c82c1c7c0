import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import type { TestClient } from '../support/httpClient';
import { startServer } from '../support/startServer';
import { signedInBrowsers } from './support/browser';

const run = promisify(execFile);

const item = (page: Page, n: number) =>
  page.getByRole('list', { name: 'Timeline' }).getByRole('listitem', { name: new RegExp(`^Item ${n}: `) });

/**
 * Two editors and an expert with the same episode open in their own Chromium: an edit by one shows up
 * for the others without a reload, and each sees what the others have selected. Set-up goes over HTTP.
 */
describe('the episode timeline, edited by two people at once', { timeout: 240_000 }, () => {
  let server: { url: string; stop(): Promise<void> };
  let dir: string;
  let people: Awaited<ReturnType<typeof workspaceWithPeople>>['people'];
  let episodeId: string;
  const browsers = signedInBrowsers(() => server.url);
  const open = (client: TestClient) => browsers.open(client, `/e/${episodeId}`);

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-timeline-live-'))]);
    const ctx = await workspaceWithPeople(server.url);
    people = ctx.people;
    const file = path.join(dir, 'story.wav');
    await run('espeak-ng', ['-w', file, 'I look after my mother. Some days are long, but the neighbours help.']);
    const res = await uploadAudio(people.carer, ctx.ws.id, file, { title: 'Mary’s mornings' });
    expect(res.status).toBe(201);
    const clip = await waitForClip(people.carer, res.body.id, undefined, 180_000);
    expect(clip.status).toBe('ready');
    expect((await people.editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' })).status).toBe(200);
    episodeId = (await people.editor.post(`/api/workspaces/${ctx.ws.id}/episodes`, { title: 'Being heard' })).body.id;
    const stretch = (inSeconds: number, outSeconds: number) => ({
      kind: 'clip',
      clipId: clip.id,
      inSeconds,
      outSeconds,
    });
    expect(
      (
        await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
          items: [stretch(0, 1), stretch(1, 2)],
          chapters: [],
        })
      ).status,
    ).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await browsers.closeAll();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows one person’s edit and selection to the others as they happen; the expert watches without editing', async () => {
    const [ed, admin, expert] = [await open(people.editor), await open(people.admin), await open(people.expert)];
    for (const page of [ed, admin, expert]) await item(page, 2).waitFor();

    // The editor puts the cursor in item 1: the others see who is looking at it.
    await item(ed, 1).getByLabel('Volume change (dB)').focus();
    for (const page of [admin, expert])
      await item(page, 1).getByText('editor person is looking at this').waitFor({ timeout: 20_000 });

    // The admin changes item 2's volume: the editor's screen follows without a reload.
    const gain = item(admin, 2).getByLabel('Volume change (dB)');
    await gain.fill('3');
    await gain.press('Enter');
    await expect.poll(() => item(ed, 2).getByLabel('Volume change (dB)').inputValue(), { timeout: 20_000 }).toBe('3');
    await expect
      .poll(() => item(expert, 2).getByLabel('Volume change (dB)').inputValue(), { timeout: 20_000 })
      .toBe('3');
    await expect
      .poll(async () => (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body.items[1].gainDb, {
        timeout: 20_000,
      })
      .toBe(3);

    // The expert may look but not change anything.
    expect(await item(expert, 2).getByLabel('Volume change (dB)').isDisabled()).toBe(true);
    expect(
      await item(expert, 2)
        .getByRole('button', { name: /Remove/ })
        .count(),
    ).toBe(0);
  });
});
