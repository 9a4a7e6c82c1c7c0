import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentWording } from '../../shared/contracts/clips';
import { ffmpeg, speechText } from '../support/audio';
import type { Person } from './support/browser';
import { journeyServer } from './support/journeyServer';
import { adminStartsWorkspace, createInviteLink, joinByInvite } from './support/journeys';
import { picture } from './support/screenshots';

const run = promisify(execFile);

const timer = (page: Page) => page.getByRole('timer', { name: 'Time recorded' });

/** Waits until the recorder's clock shows at least `seconds`, and returns what it shows, in seconds. */
async function recordFor(page: Page, seconds: number): Promise<number> {
  await page.waitForFunction(
    (s) => {
      const text = document.querySelector('[role="timer"]')?.textContent ?? '';
      const [m = '0', sec = '0'] = text.split(':');
      return Number(m) * 60 + Number(sec) >= s;
    },
    seconds,
    { timeout: (seconds + 20) * 1000, polling: 100 },
  );
  return clockSeconds(page);
}

async function clockSeconds(page: Page): Promise<number> {
  const [m = '0', s = '0'] = ((await timer(page).textContent()) ?? '').split(':');
  return Number(m) * 60 + Number(s);
}

const uploadLine = (page: Page, words: string) => page.locator('.upload-line__words').filter({ hasText: words });

/** Polls the clip through the carer's own session until it is ready (or failed). */
async function clipWhenReady(context: BrowserContext, baseUrl: string, clipId: string): Promise<any> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await context.request.get(`${baseUrl}/api/clips/${clipId}`);
    const clip = await res.json();
    if (clip.status === 'ready' || clip.status === 'failed') return clip;
    if (Date.now() > deadline) throw new Error(`clip not ready: ${JSON.stringify(clip)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const clipIdFrom = async (page: Page) => {
  const href = await page
    .getByRole('link', { name: 'Listen to your recording and see comments on it' })
    .getAttribute('href');
  return href!.split('/').pop()!;
};

/** The consent step, as a person would fill it in: podcast yes, quotes no, workspace only. */
async function giveConsent(page: Page) {
  await page.getByRole('heading', { level: 1, name: currentConsentWording.heading }).waitFor();
  for (const words of [currentConsentWording.intro, currentConsentWording.changeYourMind])
    await page.getByText(words, { exact: true }).waitFor();
  await page.getByLabel(currentConsentWording.podcast, { exact: true }).check();
  await page.getByLabel(currentConsentWording.audience.internal, { exact: true }).check();
  await picture(page, 'recording-3-consent');
  await page.getByRole('button', { name: 'Send your recording' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Thank you — your story has been sent' })
    .waitFor({ timeout: 30_000 });
}

/**
 * Journey 2, Tell a story: a carer who joined by invite records in the browser with a (fake)
 * microphone, sees the pieces reach the server while speaking, listens back, chooses what the
 * recording may be used for and sends it; it is processed to the length that was recorded. A page
 * reloaded mid-recording offers to send what arrived; a refused microphone is explained.
 */
describe('telling a story by recording in the browser', () => {
  const server = journeyServer();
  let dir: string;
  let micArgs: string[];
  let workspaceUrl: string;
  let admin: Person;
  /** The first test's recording and the carer who made it, for the review step that follows. */
  let story: { clipId: string; carer: Person } | undefined;

  /** Invite links are for one person each: the admin makes a fresh one. */
  const carerInvite = async () => {
    await admin.page.goto(workspaceUrl);
    return createInviteLink(admin.page, 'carer');
  };
  /** A new carer at their own browser, started with these Chromium flags, who joins through a fresh invite link. */
  const carerJoins = async (firstName: string, extraArgs: string[]) => {
    const carer = await server.person({ width: 1100, height: 900 }, { extraArgs });
    const lower = firstName.toLowerCase();
    await joinByInvite(carer.page, await carerInvite(), {
      name: `${firstName} Carer`,
      email: `${lower}@example.com`,
      password: `${lower} has a password`,
    });
    return carer;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-mic-'));
    // The fake microphone plays this file, over and over: speech at 48 kHz, mono.
    const speech = path.join(dir, 'speech.wav');
    await run('espeak-ng', ['-w', speech, speechText]);
    const mic = path.join(dir, 'microphone.wav');
    await ffmpeg(['-i', speech, '-af', 'apad=pad_dur=0.5', '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', mic]);
    micArgs = [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${mic}`,
    ];

    admin = await server.person();
    ({ workspaceUrl } = await adminStartsWorkspace(admin.page));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records about 12 seconds, listens back, gives consent, sends, and the clip is processed to that length', async () => {
    const carer = await carerJoins('Cora', micArgs);
    const { page, context } = carer;
    await picture(page, 'recording-0-workspace');
    // A new carer meets the welcome first; its "Record a story" is the one they would press.
    await page
      .getByRole('region', { name: /^Welcome to / })
      .getByRole('link', { name: 'Record a story' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tell a story' }).waitFor();
    await page.getByLabel('What is this story about?').fill('Learning to ask for help');
    await picture(page, 'recording-1-ready');

    await page.getByRole('button', { name: 'Record' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Recording$/ })
      .waitFor();
    await page.getByText('The microphone can hear you').waitFor();
    // The level meter moves with the speech.
    await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLElement>('.level__bar');
        return Number(/scaleX\(([\d.]+)\)/.exec(bar?.style.transform ?? '')?.[1] ?? 0) > 0.3;
      },
      undefined,
      { timeout: 10_000 },
    );
    // The first piece (5 s) reaches the server while the carer is still speaking.
    await uploadLine(page, 'Everything recorded so far is safe on the server').waitFor({ timeout: 15_000 });
    await picture(page, 'recording-2-recording');

    // The connection drops for a few seconds: the page says so, keeps the pieces, and catches up.
    await context.setOffline(true);
    await uploadLine(page, 'Offline — we will keep trying').waitFor({ timeout: 15_000 });
    await context.setOffline(false);
    await uploadLine(page, 'Everything recorded so far is safe on the server').waitFor({ timeout: 30_000 });

    await recordFor(page, 12);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('heading', { name: 'Listen back' }).waitFor();
    const recorded = await clockSeconds(page);
    expect(recorded).toBeGreaterThanOrEqual(12);
    await uploadLine(page, 'All of your recording is safe on the server').waitFor({ timeout: 30_000 });

    // Listen back: the recording on this device, with its real length (not MediaRecorder's "endless").
    const audio = page.locator('audio');
    await page.waitForFunction(() => Number.isFinite(document.querySelector('audio')?.duration ?? NaN), undefined, {
      timeout: 15_000,
    });
    const localSeconds = await audio.evaluate((el: HTMLAudioElement) => el.duration);
    expect(Math.abs(localSeconds - recorded)).toBeLessThan(2);
    await picture(page, 'recording-2b-stopped');

    await page.getByRole('button', { name: 'Send your recording' }).click();
    await giveConsent(page);
    await picture(page, 'recording-4-sent');

    const clipId = await clipIdFrom(page);
    const clip = await clipWhenReady(context, server.url, clipId);
    expect(clip.status, clip.failureReason).toBe('ready');
    expect(clip).toMatchObject({
      title: 'Learning to ask for help',
      contributor: { name: 'Cora Carer' },
      original: { format: 'webm' },
    });
    expect(clip.consent).toMatchObject({
      podcast: true,
      publicationQuotes: false,
      audience: 'internal',
      wordingVersion: currentConsentWording.version,
    });
    // ffprobe's reading of the stored original, through the server: close to what the clock showed.
    expect(Math.abs(clip.media.durationSeconds - recorded)).toBeLessThan(2);
    expect(clip.media.codec).toBe('opus');

    // Nothing is left waiting on the server.
    const unsent = await context.request.get(
      `${server.url}/api/workspaces/${workspaceUrl.split('/').pop()}/recordings`,
    );
    expect((await unsent.json()).recordings).toEqual([]);
    story = { clipId, carer };
  });

  it('shows the recording processed with a waveform on the admin’s screen; a comment at a moment reaches the carer live', async () => {
    expect(story, 'the recording test above must have run').toBeDefined();
    const { clipId, carer } = story!;
    const ed = admin.page;
    await ed.goto(`${server.url}/c/${clipId}`);
    await ed.getByRole('heading', { level: 1, name: 'Learning to ask for help' }).waitFor();
    // The waveform is drawn from the server's peaks: a canvas with a real width inside wavesurfer's shadow root.
    await ed.waitForFunction(() => {
      const canvas = document
        .querySelector('.player__waveform')
        ?.firstElementChild?.shadowRoot?.querySelector('canvas');
      return canvas !== null && canvas !== undefined && canvas.getBoundingClientRect().width > 100;
    });
    await carer.page.goto(`${server.url}/c/${clipId}`);
    await carer.page.getByRole('heading', { level: 1, name: 'Learning to ask for help' }).waitFor();

    await ed.getByRole('button', { name: 'Forward 10 seconds' }).click();
    await ed.getByRole('button', { name: /^Comment at 0:1\d$/ }).click();
    await ed.getByLabel('Your comment').fill('Could you say a bit more about who helped?');
    await ed.getByRole('button', { name: 'Add comment' }).click();
    await carer.page.getByText('Could you say a bit more about who helped?').first().waitFor();
    await carer.page.getByRole('button', { name: /^Go to 0:1\d$/ }).waitFor();
    await picture(carer.page, 'recording-7-comment-arrived');
  });

  it('offers to send what arrived when the page was reloaded mid-recording', async () => {
    const carer = await carerJoins('Dev', micArgs);
    const { page, context } = carer;
    await page.goto(`${workspaceUrl}/record`);
    await page.getByLabel('What is this story about?').fill('The day centre');
    await page.getByRole('button', { name: 'Record' }).click();
    await uploadLine(page, 'Everything recorded so far is safe on the server').waitFor({ timeout: 15_000 });
    await recordFor(page, 7);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'You have a recording that was interrupted' }).waitFor();
    await page.getByText('“The day centre”', { exact: false }).waitFor();
    await page.getByText(/About \d+ seconds of it is safe on the server/).waitFor();
    await picture(page, 'recording-5-interrupted');
    await page.getByRole('button', { name: 'Send what we have' }).click();
    await giveConsent(page);

    const clip = await clipWhenReady(context, server.url, await clipIdFrom(page));
    expect(clip.status, clip.failureReason).toBe('ready');
    expect(clip.title).toBe('The day centre');
    expect(clip.media.durationSeconds).toBeGreaterThan(3);
    expect(clip.media.durationSeconds).toBeLessThan(12);

    // Back on the record page, nothing is offered any more.
    await page.getByRole('button', { name: 'Record another story' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tell a story' }).waitFor();
    await page.getByRole('button', { name: 'Record' }).waitFor();
  });

  it('explains how to allow the microphone when it is refused', async () => {
    const { page } = await carerJoins('Eli', ['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
    await page.goto(`${workspaceUrl}/record`);
    await page.getByRole('button', { name: 'Record' }).click();
    const help = page.getByRole('alert').filter({ hasText: 'Chorus is not allowed to use your microphone' });
    await help.waitFor();
    await help.getByText('choose “Allow”').waitFor();
    expect(
      await page.evaluate(
        () => document.activeElement?.id === 'mic-help-title' || document.activeElement?.classList.contains('mic-help'),
      ),
    ).toBe(true);
    await picture(page, 'recording-6-refused');
    await page.getByRole('button', { name: 'Try again' }).waitFor();
  });
});
