import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg } from '../support/audio';
import { workspaceWithPeople } from '../support/audioClips';
import { startServer, type TestServer } from '../support/startServer';
import { carersClip, spokenWav, type ReadyClip, type Team } from '../support/transcripts';
import { openPerson, openSignedIn, type Person } from './support/browser';

/**
 * Voice comments (issue 10 §5): on a carer's clip, an editor records a comment with a (fake) microphone instead of
 * writing it; the carer, on the same page in their own browser, sees it arrive live, plays it and reads that no
 * words are written down yet; the editor writes its words and then deletes it, and it goes from the carer's page.
 */
describe('a voice comment, recorded by one member and heard by another', () => {
  let server: TestServer;
  let team: Team;
  let clip: ReadyClip;
  let speech: Awaited<ReturnType<typeof spokenWav>>;
  const people: Person[] = [];

  /** Someone at their own browser, signed in with their own session, with these Chromium flags. */
  const browserOf = async (cookie: string, pagePath: string, extraArgs: string[] = []) => {
    const person = extraArgs.length
      ? await openPerson(server.url, { width: 1100, height: 900 }, { extraArgs })
      : await openSignedIn(server.url, cookie, pagePath);
    if (extraArgs.length) {
      const [name, ...value] = cookie.split('=');
      await person.context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
      await person.page.goto(pagePath);
    }
    people.push(person);
    return person.page;
  };

  beforeAll(async () => {
    [server, speech] = await Promise.all([
      startServer(),
      spokenWav('Thank you for telling us about the day centre. I would like to hear more about the bus.'),
    ]);
    team = await workspaceWithPeople(server.url);
    clip = await carersClip(team, speech.file, 'The day centre');
  }, 300_000);

  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
    await speech?.cleanup();
  });

  const voiceComment = (page: Page) =>
    page.locator('.voice-comment').filter({ hasText: 'Voice comment from editor person' });

  it('is recorded with the fake microphone, arrives live for the carer, and plays', async () => {
    // The fake microphone plays the spoken words, over and over, at 48 kHz mono.
    const mic = path.join(path.dirname(speech.file), 'microphone.wav');
    await ffmpeg(['-i', speech.file, '-af', 'apad=pad_dur=0.5', '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', mic]);
    const micArgs = [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${mic}`,
    ];
    const editor = await browserOf(team.people.editor.cookie!, `/c/${clip.id}`, micArgs);
    const carer = await browserOf(team.people.carer.cookie!, `/c/${clip.id}`);
    await carer.getByRole('heading', { name: 'Comments' }).waitFor();

    await editor.getByRole('button', { name: /^Comment at / }).click();
    await editor.getByRole('button', { name: 'Record a voice comment instead' }).click();
    const recorder = editor.getByRole('region', { name: 'Record a voice comment' });
    await recorder.getByText('Only people in this workspace will hear it').waitFor();
    const start = recorder.getByRole('button', { name: 'Start recording' });
    await expect.poll(() => start.evaluate((el) => el === document.activeElement)).toBe(true);
    await start.click();
    await editor.waitForFunction(
      () => {
        const [m = '0', s = '0'] = (document.querySelector('[role="timer"]')?.textContent ?? '').split(':');
        return Number(m) * 60 + Number(s) >= 6;
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    await recorder.getByRole('button', { name: 'Stop recording' }).click();
    const send = recorder.getByRole('button', { name: 'Send voice comment' });
    await expect.poll(() => send.evaluate((el) => el === document.activeElement)).toBe(true);
    await recorder.getByLabel('Listen back to your voice comment').waitFor();
    await send.click();
    await editor
      .getByRole('status')
      .filter({ hasText: /Your voice comment at \d+:\d\d is added\./ })
      .waitFor({
        timeout: 30_000,
      });

    // The carer's page: the comment arrives without a reload, becomes playable, and plays.
    const heard = voiceComment(carer);
    await heard.waitFor({ timeout: 30_000 });
    const audio = heard.getByLabel(/^Voice comment from editor person/);
    await audio.waitFor({ timeout: 60_000 });
    await heard.getByText('No words written down yet.').waitFor();
    expect(await heard.getByRole('button', { name: 'Delete voice comment' }).count()).toBe(0);
    await audio.evaluate((el: HTMLAudioElement) => el.play());
    await carer.waitForFunction(
      () => (document.querySelector('.voice-comment audio') as HTMLAudioElement | null)!.currentTime > 0,
      undefined,
      { timeout: 20_000, polling: 100 },
    );
    const seconds = await audio.evaluate((el: HTMLAudioElement) => el.duration);
    expect(seconds).toBeGreaterThan(4);
    expect(seconds).toBeLessThan(15);

    // Its maker writes its words; the carer reads them, live.
    const mine = voiceComment(editor);
    await mine.getByRole('button', { name: 'Write down the words' }).click();
    await mine.getByLabel('What you said, in writing').fill('I would like to hear more about the bus.');
    await mine.getByRole('button', { name: 'Save the words' }).click();
    await heard.getByText('I would like to hear more about the bus.').waitFor({ timeout: 15_000 });

    // Its maker deletes it: it goes from the carer's page at once, and its audio answers 404.
    const audioUrl = await audio.getAttribute('src');
    await mine.getByRole('button', { name: 'Delete voice comment' }).click();
    await mine.getByRole('button', { name: 'Yes, delete it' }).click();
    await carer.getByText('This voice comment was deleted by the person who recorded it.').waitFor({ timeout: 15_000 });
    expect((await carer.request.get(`${server.url}${audioUrl}`)).status()).toBe(404);
  }, 240_000);
});
