import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegImage } from '../support/images';
import { startServer } from '../support/startServer';
import { openPerson, type Person } from './support/browser';
import { adminStartsWorkspace } from './support/journeys';
import { publishSpokenEpisode } from './support/publishedEpisode';

/**
 * Publishing extras as an editor meets them: choosing "credit me by name" for herself, episode artwork refused
 * with the size in words before anything is sent, then accepted and shown; a transcript; the script it is written from.
 */
describe('episode publishing extras', () => {
  let server: { url: string; stop(): Promise<void> };
  let person: Person;

  beforeAll(async () => {
    server = await startServer();
    person = await openPerson(server.url);
  });

  afterAll(async () => {
    await person?.close();
    await server?.stop();
  });

  it('credits by choice, checks artwork, takes a transcript and links the script', { timeout: 120_000 }, async () => {
    const page = person.page;
    const { workspaceId } = await adminStartsWorkspace(page, {
      name: 'Ann Admin',
      email: 'ann-publishing@example.com',
      password: 'a long enough password',
    });

    const credit = page.getByRole('region', { name: 'Your name in published episodes' });
    await expect.poll(() => credit.getByLabel('Credit me by name in published episodes').isChecked()).toBe(false);
    await credit.getByLabel('Credit me by name in published episodes').check();
    await credit.getByLabel('The name to use').fill('Ann O’Neill');
    await credit.getByRole('button', { name: 'Save' }).click();
    await credit.getByRole('status').filter({ hasText: 'will name you as “Ann O’Neill”' }).waitFor();

    // The episode and a script are started through the API with the same session; this journey is about what follows.
    const episode = await (
      await page.request.post(`/api/workspaces/${workspaceId}/episodes`, { data: { title: 'Being heard' } })
    ).json();
    const script = await (
      await page.request.post(`/api/workspaces/${workspaceId}/documents`, {
        data: { title: 'Being heard: script', kind: 'script' },
      })
    ).json();
    await page.goto(`/e/${episode.id}`);
    const panel = page.getByRole('region', { name: 'Artwork, script, transcript and credits' });
    await panel.waitFor();

    await panel
      .getByLabel('Artwork for this episode')
      .setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: ffmpegImage('1200x800', 'png', 'blue') });
    await panel.getByRole('button', { name: 'Upload the picture' }).first().click();
    await panel
      .getByText(
        'The picture is 1200 × 800 pixels; podcast apps need a square picture between 1400 and 3000 pixels wide.',
      )
      .waitFor();
    await panel
      .getByLabel('Artwork for this episode')
      .setInputFiles({ name: 'square.jpg', mimeType: 'image/jpeg', buffer: ffmpegImage('1400x1400', 'mjpeg', 'blue') });
    await panel.getByRole('button', { name: 'Upload the picture' }).first().click();
    await panel.getByRole('status').filter({ hasText: 'Picture saved.' }).waitFor();
    const artwork = panel.getByRole('img', { name: 'Artwork for this episode' });
    await expect.poll(() => artwork.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1400);

    await panel.getByLabel('Transcript file').setInputFiles({
      name: 'episode.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n'),
    });
    await panel.getByRole('button', { name: 'Upload the transcript' }).click();
    await panel.getByRole('link', { name: 'Open the transcript' }).waitFor();

    await panel.getByRole('combobox', { name: 'Script', exact: true }).selectOption({ label: 'Being heard: script' });
    await panel.getByRole('link', { name: 'Open “Being heard: script”' }).waitFor();
    const saved = await (await page.request.get(`/api/episodes/${episode.id}`)).json();
    expect(saved).toMatchObject({
      scriptDocumentId: script.id,
      artwork: { width: 1400 },
      transcript: { format: 'vtt' },
    });
  });

  it(
    'plays a published episode on its public page, and its chapter buttons move the player',
    { timeout: 180_000 },
    async () => {
      const page = person.page;
      const api = page.request;
      const workspaceId = (await (await api.post('/api/workspaces', { data: { name: 'Public page' } })).json())
        .id as string;
      const { episode } = await publishSpokenEpisode(api, workspaceId, {
        speech:
          'I look after my mother. Some days are long, but the neighbours help, and I have learned to ask for help when I need it.',
        clipTitle: 'Mary’s mornings',
        episodeTitle: 'Being heard',
        chapters: [
          { atSeconds: 0, title: 'Mornings' },
          { atSeconds: 3, title: 'Neighbours' },
        ],
      });

      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await page.goto(`/shows/${workspaceId}/episodes/${episode.id}`);
      await page.getByRole('heading', { level: 1, name: 'Being heard' }).waitFor();
      const player = page.getByLabel('Episode audio: Being heard');
      await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
      await page.getByRole('button', { name: 'Play from 0:03 Neighbours' }).click();
      await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(3);
      // The keyboard reaches the chapters too.
      await page.getByRole('button', { name: 'Play from 0:00 Mornings' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeLessThan(3);
      expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    },
  );
});
