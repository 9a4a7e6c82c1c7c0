import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg } from '../support/audio';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import type { TestClient } from '../support/httpClient';
import { everyoneHeardSignsOff } from '../support/episodePublishing';
import { showSettings } from '../support/showSettings';
import { startServer } from '../support/startServer';
import { signedInBrowsers } from './support/browser';

const run = promisify(execFile);

const stories = {
  mary: {
    title: 'Mary’s mornings',
    words: 'I look after my mother. Some days are long, but the neighbours help, and I have learned to ask for help.',
  },
  joe: { title: 'Joe on Tuesdays', words: 'We meet on Tuesdays at the library, and it is the best hour of my week.' },
  unready: { title: 'Not reviewed yet', words: 'This one has not been reviewed yet.' },
};

/** Set CHORUS_SCREENSHOTS=some/folder to keep pictures of the screens along the way. */
async function picture(page: Page, name: string): Promise<void> {
  const dir = process.env.CHORUS_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const bin = (page: Page) => page.getByRole('list', { name: 'Clips you can use' });
const binCard = (page: Page, title: string) => bin(page).getByRole('listitem').filter({ hasText: title });
const item = (page: Page, n: number) =>
  page.getByRole('list', { name: 'Timeline' }).getByRole('listitem', { name: new RegExp(`^Item ${n}: `) });
const totalLength = (page: Page) => page.getByTestId('total-length').textContent();
const seconds = (clock: string | null) => {
  const [m, s] = (clock ?? '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

/** Every different thing the render status line said, in order, from now on (so a quick "Rendering" is not missed). */
async function watchRenderStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { renderSeen: string[] }).renderSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.render-panel__status')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { renderSeen: string[] }).renderSeen);
}

/** Where a render's <audio> is up to. */
const audioTime = (audio: Locator) => audio.evaluate((el) => (el as HTMLAudioElement).currentTime);

/**
 * Issue 5 in the browser: an editor lays out an episode from two carers' clips by dragging them from the bin
 * onto the timeline, trims one (the total length follows), names chapters, renders it with live progress,
 * and plays the render, jumping to a chapter. Set-up (people, clips, consent, approval) goes over HTTP.
 */
// Generous: the machine may be busy, and a render runs ffmpeg twice.
describe('making an episode', { timeout: 240_000 }, () => {
  let server: { url: string; stop(): Promise<void> };
  let dir: string;
  let people: Awaited<ReturnType<typeof workspaceWithPeople>>['people'];
  let ids: Awaited<ReturnType<typeof workspaceWithPeople>>['ids'];
  let workspaceId: string;
  const durations: Record<string, number> = {};
  const clipIds: Record<string, string> = {};
  const browsers = signedInBrowsers(() => server.url);
  let ed: Page;

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServer(), mkdtemp(path.join(tmpdir(), 'chorus-episode-journey-'))]);
    const ctx = await workspaceWithPeople(server.url);
    people = ctx.people;
    ids = ctx.ids;
    workspaceId = ctx.ws.id;
    const upload = async (key: keyof typeof stories, carer: TestClient) => {
      const file = path.join(dir, `${key}.wav`);
      await run('espeak-ng', ['-w', file, stories[key].words]);
      const res = await uploadAudio(carer, workspaceId, file, {
        title: stories[key].title,
        fields: { audience: 'public' },
      });
      expect(res.status).toBe(201);
      const ready = await waitForClip(carer, res.body.id, undefined, 180_000);
      expect(ready.status).toBe('ready');
      durations[key] = ready.media.durationSeconds;
      clipIds[key] = ready.id;
      return ready.id as string;
    };
    const [mary, joe] = await Promise.all([
      upload('mary', people.carer),
      upload('joe', people.carer2),
      upload('unready', people.carer),
    ]);
    for (const id of [mary, joe])
      expect((await people.editor.post(`/api/clips/${id}/review`, { state: 'approved' })).status).toBe(200);
    const show = showSettings({
      language: 'en-gb',
      author: 'Caring Voices',
      ownerName: 'Ed Editor',
      ownerEmail: 'ed@example.org',
    });
    expect((await people.editor.request('PUT', `/api/workspaces/${workspaceId}/show`, show)).status).toBe(200);

    ed = await browsers.open(people.editor, 'about:blank');
  }, 300_000);

  afterAll(async () => {
    await browsers.closeAll();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts an episode from the workspace and offers only approved clips with podcast consent', async () => {
    await ed.goto(`/w/${workspaceId}`);
    await ed.getByRole('link', { name: 'Episodes', exact: true }).click();
    await ed.getByRole('heading', { level: 1, name: 'Episodes' }).waitFor();
    await ed.getByText('There are no episodes here yet.').waitFor();
    await ed.getByLabel('Title', { exact: true }).fill('Episode 1: Being heard');
    await ed.getByRole('button', { name: 'Start episode' }).click();
    await ed.getByRole('heading', { level: 1, name: 'Episode 1: Being heard' }).waitFor();
    expect(new URL(ed.url()).pathname).toMatch(/^\/e\/[0-9a-f-]{36}$/);

    await binCard(ed, stories.mary.title).waitFor();
    await binCard(ed, stories.joe.title).waitFor();
    expect(await bin(ed).getByRole('listitem').count()).toBe(2);
    await binCard(ed, stories.mary.title)
      .getByText(/carer person · \d+ seconds/)
      .waitFor();
    await ed.getByText('The timeline is empty.', { exact: false }).waitFor();
    expect(await totalLength(ed)).toBe('0:00');
    await picture(ed, 'episode-empty');
  });

  it('drags two clips onto the timeline, trims one, and the total length follows', async () => {
    const zone = ed.getByTestId('timeline-drop-zone');
    await binCard(ed, stories.mary.title).dragTo(zone);
    await item(ed, 1).getByRole('heading', { name: stories.mary.title }).waitFor();
    await binCard(ed, stories.joe.title).dragTo(zone);
    await item(ed, 2).getByRole('heading', { name: stories.joe.title }).waitFor();

    const both = durations.mary! + durations.joe!;
    await expect.poll(async () => seconds(await totalLength(ed))).toBe(Math.floor(both + 1e-6));

    // Mary's story trimmed to its first 2.5 seconds.
    const end = item(ed, 1).getByLabel('End at');
    await end.fill('0:02.5');
    await end.press('Enter');
    await expect.poll(async () => seconds(await totalLength(ed))).toBe(Math.floor(2.5 + durations.joe! + 1e-6));
    await item(ed, 2).getByText('Plays from 0:02.5').waitFor();

    // Reordering by dragging Joe's story by its heading to the top of Mary's, and back with the button.
    await item(ed, 2)
      .getByRole('heading', { name: stories.joe.title })
      .dragTo(item(ed, 1), { targetPosition: { x: 60, y: 6 } });
    await item(ed, 1).getByRole('heading', { name: stories.joe.title }).waitFor();
    await item(ed, 2).getByRole('heading', { name: stories.mary.title }).waitFor();
    await item(ed, 1).getByRole('button', { name: 'Move later item 1' }).click();
    await item(ed, 1).getByRole('heading', { name: stories.mary.title }).waitFor();
    // Focus follows the moved item, so pressing again would move it further.
    await expect.poll(() => ed.evaluate(() => document.activeElement?.id)).toBe('item-2-later');

    await ed.getByRole('button', { name: 'Name a chapter after each clip' }).click();
    const chapters = ed.getByRole('list', { name: 'Chapters', exact: true });
    await picture(ed, 'episode-timeline');
    await expect
      .poll(() =>
        chapters.getByLabel('Chapter name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      )
      .toEqual([stories.mary.title, stories.joe.title]);
  });

  it('renders with live progress, keeps the trim, and plays the render with its chapters', async () => {
    const seen = await watchRenderStatus(ed);
    await ed.getByRole('button', { name: 'Render episode' }).click();
    await ed
      .locator('.render-panel__status')
      .filter({ hasText: 'Latest render: Ready to publish.' })
      .waitFor({ timeout: 180_000 });
    const statuses = await seen();
    expect(
      statuses.some((s) => /Waiting to start|Rendering/.test(s)),
      statuses.join(' → '),
    ).toBe(true);
    await ed
      .getByRole('status')
      .filter({ hasText: /Loudness is right for podcasts \(−1[5-7]\.\d LUFS/ })
      .waitFor();

    // What was rendered is what was on screen: the save went first.
    const episodeId = new URL(ed.url()).pathname.split('/').pop()!;
    const stored = await people.editor.get(`/api/episodes/${episodeId}/timeline`);
    expect(stored.body.items.map((i: { outSeconds: number }) => i.outSeconds)).toEqual([
      2.5,
      expect.closeTo(durations.joe!, 2),
    ]);
    const renders = await people.editor.get(`/api/episodes/${episodeId}/renders`);
    expect(renders.body.renders[0].durationSeconds).toBeCloseTo(2.5 + durations.joe!, 0);

    const newest = ed.getByRole('list', { name: 'Renders' }).getByRole('listitem').first();
    const audio = newest.locator('audio');
    await newest.getByRole('button', { name: 'Play', exact: true }).click();
    await newest.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await expect.poll(() => audioTime(audio), { timeout: 20_000 }).toBeGreaterThan(0.5);

    // Joe's chapter starts 2.5 seconds in: the button goes there.
    await newest.getByRole('button', { name: `0:02 ${stories.joe.title}` }).click();
    await expect.poll(() => audioTime(audio), { timeout: 20_000 }).toBeGreaterThanOrEqual(2.5);
    await newest.getByRole('button', { name: 'Pause', exact: true }).click();
    await newest.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await picture(ed, 'episode-rendered');

    // Publishing waits for Mary and Joe to sign off their parts (their journey: episodeSignoff.test.ts); the
    // editor's page hears of it as they do. Then it puts the episode in the feed, whose address the page gives.
    await ed.getByText('Publishing waits until carer person and carer2 person', { exact: false }).waitFor();
    await everyoneHeardSignsOff({ people, ids }, episodeId);
    await ed.getByText('Everyone heard in this episode has signed off their parts.').waitFor();
    await ed.getByRole('button', { name: 'Publish to the feed' }).click();
    await ed.getByText(/^Published on \d+ \w+ \d{4}\.$/).waitFor();
    const feed = await fetch(await ed.getByLabel('Podcast feed address').inputValue());
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('<title>Episode 1: Being heard</title>');
  });

  it('says next to the timeline what the server refused: a clip withdrawn by the person who made it', async () => {
    expect((await people.carer2.post(`/api/clips/${clipIds.joe}/withdraw`, {})).status).toBe(200);
    // The bin loses it as it happens.
    await expect.poll(() => binCard(ed, stories.joe.title).count(), { timeout: 20_000 }).toBe(0);

    await ed.getByRole('button', { name: 'Render episode' }).click();
    await item(ed, 2)
      .getByText(`Item 2: “${stories.joe.title}” was withdrawn by the person who made it. Remove it from the timeline.`)
      .waitFor();
    expect(await ed.title()).toMatch(/^Error: /);
    await picture(ed, 'episode-withdrawn-refused');

    // A change to the timeline is refused too while the clip is on it, in the server's words.
    const gain = item(ed, 1).getByLabel('Volume change (dB)');
    await gain.fill('2');
    await gain.press('Enter');
    await ed
      .getByRole('alert')
      .filter({ hasText: 'There is a problem with the episode' })
      .getByText(/was withdrawn by the person who made it/)
      .waitFor({ timeout: 20_000 });

    // Removing it: now Joe's chapter starts where the episode ends, which the server names too. Without it, all is well.
    await item(ed, 2).getByRole('button', { name: 'Remove item 2' }).click();
    const problems = ed.getByRole('alert').filter({ hasText: 'There is a problem with the episode' });
    await problems
      .getByText(`Chapter “${stories.joe.title}” starts at 0:02.5, after the episode ends (0:02.5). Move it earlier.`)
      .waitFor({ timeout: 20_000 });
    await ed
      .getByRole('list', { name: 'Chapters', exact: true })
      .getByText('This is after the end of the episode')
      .waitFor();
    await ed.getByRole('button', { name: `Remove chapter ${stories.joe.title}` }).click();
    await expect
      .poll(() => ed.getByRole('alert').filter({ hasText: 'There is a problem with the episode' }).count(), {
        timeout: 20_000,
      })
      .toBe(0);
    // The render's refusal was about the timeline as it was, so it goes too.
    expect(await ed.getByRole('region', { name: 'Render' }).getByRole('alert').count()).toBe(0);
    const episodeId = new URL(ed.url()).pathname.split('/').pop()!;
    await expect
      .poll(async () => (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body.items.length)
      .toBe(1);
  });

  it('uploads music from the episode page and opens the episode with it', async () => {
    const tune = path.join(dir, 'theme.wav');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=8',
      '-af',
      'volume=-12dB',
      '-ac',
      '2',
      '-ar',
      '44100',
      tune,
    ]);
    await ed.locator('summary', { hasText: 'Upload music' }).click();
    await ed.locator('#music-title').fill('Our theme');
    await ed.locator('#music-file').setInputFiles(tune);
    await ed.getByRole('button', { name: 'Upload music', exact: true }).click();
    await ed.getByText('Sent. “Our theme” is being processed; it can be used when it is ready.').waitFor();
    // It is processed, then offered; the list says where it is up to meanwhile.
    const musicBin = ed.getByRole('region', { name: 'Music' });
    await expect
      .poll(() => musicBin.textContent(), { timeout: 180_000, interval: 1000 })
      .toMatch(/Our theme\d+ secondsPlay/);
    const card = musicBin.getByRole('listitem').filter({ hasText: 'Our theme' });

    const before = seconds(await totalLength(ed));
    await card.getByRole('button', { name: 'Add as intro: Our theme' }).click();
    await item(ed, 1).getByRole('heading', { name: 'Intro music: Our theme' }).waitFor();
    await item(ed, 2).getByRole('heading', { name: stories.mary.title }).waitFor();
    const music = (await people.editor.get(`/api/workspaces/${workspaceId}/music`)).body.music[0];
    await expect.poll(async () => seconds(await totalLength(ed))).toBe(Math.floor(2.5 + music.durationSeconds + 1e-6));
    expect(seconds(await totalLength(ed))).toBeGreaterThan(before);
    await item(ed, 2).getByText('Plays from 0:08.0').waitFor();
    const episodeId = new URL(ed.url()).pathname.split('/').pop()!;
    await expect
      .poll(
        async () =>
          (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body.items.map(
            (i: { kind: string }) => i.kind,
          ),
        { timeout: 20_000 },
      )
      .toEqual(['music', 'clip']);
    await picture(ed, 'episode-with-music');
  });
});
