import { withdrawalWords } from '../../client/src/features/clips/clipWords';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentWording } from '../../shared/contracts/clips';
import { makeLongWav, makeTestAudio, type TestAudio } from '../support/audio';
import { startServer } from '../support/startServer';
import { openPerson, type Person } from './support/browser';
import { adminStartsWorkspace, createInviteLink, joinByInvite } from './support/journeys';

/** Set CHORUS_SCREENSHOTS=some/folder to keep pictures of the screens along the way. */
async function picture(page: Page, name: string): Promise<void> {
  const dir = process.env.CHORUS_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const title = 'Mornings with Mum';
const card = (page: Page, name = title): Locator =>
  page.getByRole('list', { name: 'Recordings' }).getByRole('listitem').filter({ hasText: name });
const slider = (page: Page) => page.getByRole('slider', { name: 'Position in the recording' });
const thread = (page: Page, body: string) =>
  page.getByRole('list', { name: 'Comment threads' }).getByRole('listitem').filter({ hasText: body }).first();

/** Where the player is, as its slider tells screen readers. */
const playerTime = async (page: Page) => Number(await slider(page).getAttribute('aria-valuenow'));

/** Every different thing a card's status said, in order, from now on (so a quick "Processing" is not missed). */
async function watchStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
    const look = () => {
      for (const el of document.querySelectorAll('.clip-card__status')) {
        const text = el.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);
}

/**
 * Journey 3, Review: a carer uploads a recording with her consent; the editor watches it process live,
 * listens on the waveform and comments at a moment; the carer sees the comment arrive and answers; the
 * editor approves and the carer's list says so. Then journey 7 in short: the carer withdraws consent,
 * the editor's page says so and the audio is gone (410).
 */
describe('reviewing a recording together', () => {
  let server: { url: string; stop(): Promise<void> };
  let audio: TestAudio;
  const people: Person[] = [];
  const person = async (viewport?: { width: number; height: number }) => {
    const p = await openPerson(server.url, viewport);
    people.push(p);
    return p;
  };
  let ed: Page;
  let cara: Page;
  let clipUrl: string;

  beforeAll(async () => {
    // A 2 MB upload limit, so a longer WAV is refused without sending a gigabyte.
    [server, audio] = await Promise.all([
      startServer({ env: { MAX_UPLOAD_BYTES: String(2 * 1024 * 1024) } }),
      makeTestAudio(),
    ]);
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
    await audio?.cleanup();
  });

  it('takes a carer’s upload with her consent, and shows the editor it processing, then ready', async () => {
    ed = (await person()).page;
    await adminStartsWorkspace(ed, { name: 'Ed Editor', email: 'ed@example.com', password: 'a long enough password' });
    const link = await createInviteLink(ed, 'carer');
    await ed.getByRole('link', { name: 'Clips', exact: true }).click();
    await ed.getByRole('heading', { level: 1, name: 'Clips' }).waitFor();
    await ed.getByText('Live: this page updates by itself.').waitFor();
    const statusesSeen = await watchStatuses(ed);

    const caraPerson = await person({ width: 390, height: 844 }); // Cara is on her phone
    cara = caraPerson.page;
    await joinByInvite(cara, link, { name: 'Cara Carer', email: 'cara@example.com', password: 'cara has a password' });
    // Carers' screens say "Recordings" where editors' say "Clips" (docs/words.md).
    await cara.getByRole('link', { name: 'Recordings', exact: true }).click();
    await cara.getByRole('heading', { level: 1, name: 'Recordings' }).waitFor();
    await cara.getByText('There are no recordings here yet.').waitFor();

    // A text file with an audio name: the server's words appear next to the file field.
    const notAudio = path.join(audio.dir, 'shopping-list.mp3');
    await writeFile(notAudio, 'eggs, milk, bread, and something for the weekend\n'.repeat(20));
    await cara.getByLabel('Recording', { exact: true }).setInputFiles(notAudio);
    await cara.getByLabel('Title').fill(title);
    await cara.getByLabel(currentConsentWording.podcast).check();
    await cara.getByLabel(currentConsentWording.audience.public).check();
    await cara.getByRole('button', { name: 'Send your recording' }).click();
    await cara.locator('#upload-audio-error').getByText('This file is not a sound recording we can use').waitFor();
    await cara
      .getByRole('alert')
      .getByRole('link', { name: /not a sound recording we can use/ })
      .waitFor();
    expect(await cara.title()).toMatch(/^Error: /);
    await picture(cara, 'review-upload-refused');

    // Too big: refused while it streams in, said next to the field in the server's words.
    await cara.getByLabel('Recording', { exact: true }).setInputFiles(await makeLongWav(audio.dir, 15));
    await cara.getByRole('button', { name: 'Send your recording' }).click();
    await cara.locator('#upload-audio-error').getByText('This file is larger than the 2 MB limit.').waitFor();

    // The real recording, over a slow line so the progress shows in words.
    const cdp = await caraPerson.context.newCDPSession(cara);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 400 * 1024,
    });
    await cara.getByLabel('Recording', { exact: true }).setInputFiles(audio.files.wav);
    await cara.getByRole('button', { name: 'Send your recording' }).click();
    await cara
      .locator('.upload__progress-words')
      .filter({ hasText: /^Uploading [1-9]\d?%$/ })
      .waitFor();
    await picture(cara, 'review-uploading');
    await cara
      .getByRole('status')
      .filter({ hasText: `Sent. “${title}” is being processed` })
      .waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // Ed's list shows it arrive and become ready, without reloading.
    await card(ed).getByText('Ready', { exact: true }).waitFor({ timeout: 20_000 });
    const seen = await statusesSeen();
    expect(seen.at(-1)).toBe('Ready');
    expect(seen.slice(0, -1).length, `statuses seen: ${seen.join(' → ')}`).toBeGreaterThan(0);
    expect(
      seen.slice(0, -1).every((s) => /^(Waiting to be processed|Processing( \d+%)?)$/.test(s)),
      seen.join(' → '),
    ).toBe(true);
    const consent = (await card(ed).locator('.clip-card__consent').textContent()) ?? '';
    expect(consent).toContain('Podcast ✓');
    expect(consent).toContain('Publication quotes ✗');
    expect(consent).toContain('Public');
    await card(ed).getByText('Waiting for review').waitFor();
    await card(ed).getByText('Recorded by Cara Carer').waitFor();
    await card(ed)
      .getByText(/ · \d+ seconds$/)
      .waitFor();
    await card(cara).getByText('Ready', { exact: true }).waitFor();
    // The same choices, said back to the carer as a sentence rather than ticks.
    await card(cara)
      .getByText('You said: podcast yes, written quotes no, anyone may hear it', { exact: true })
      .waitFor();
    await card(cara).getByText('Waiting to be checked', { exact: true }).waitFor();
    await picture(ed, 'review-list-ready');
  });

  it('lets the editor listen on the waveform and comment at a moment, and the carer answer, live', async () => {
    await card(ed).getByRole('link', { name: title }).click();
    await ed.getByRole('heading', { level: 1, name: title }).waitFor();
    clipUrl = ed.url();
    expect(new URL(clipUrl).pathname).toMatch(/^\/c\/[0-9a-f-]{36}$/);

    // The waveform is drawn from the peaks: a canvas with a real width, inside wavesurfer's shadow root.
    await ed.waitForFunction(() => {
      const host = document.querySelector('.player__waveform')?.firstElementChild;
      const canvas = host?.shadowRoot?.querySelector('canvas');
      return canvas !== null && canvas !== undefined && canvas.getBoundingClientRect().width > 100;
    });
    const duration = Number(await slider(ed).getAttribute('aria-valuemax'));
    expect(duration).toBeGreaterThan(3);

    // Play: the time moves on. Pause.
    await ed.getByRole('button', { name: 'Play', exact: true }).click();
    await ed.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await ed.waitForFunction(
      () => Number(document.querySelector('[role="slider"]')?.getAttribute('aria-valuenow')) > 0.5,
    );
    await ed.getByRole('button', { name: 'Pause', exact: true }).click();
    await ed.getByRole('button', { name: 'Play', exact: true }).waitFor();

    // The keyboard: Home, Space plays and pauses, → goes forward 5 seconds.
    await slider(ed).focus();
    await ed.keyboard.press('Home');
    await expect.poll(() => playerTime(ed)).toBe(0);
    await ed.keyboard.press('ArrowRight');
    await expect.poll(() => playerTime(ed)).toBeCloseTo(Math.min(5, duration), 0);
    await ed.keyboard.press('Space');
    await ed.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await ed.keyboard.press('Space');
    await ed.getByRole('button', { name: 'Play', exact: true }).waitFor();

    // Cara opens the recording too.
    await card(cara).getByRole('link', { name: title }).click();
    await cara.getByRole('heading', { level: 1, name: title }).waitFor();
    await slider(cara).waitFor();

    // Ed clicks the waveform at 1.5 s and comments there.
    const box = (await slider(ed).boundingBox())!;
    await ed.mouse.click(box.x + (box.width * 1.5) / duration, box.y + box.height / 2);
    await ed.getByRole('button', { name: 'Comment at 0:01' }).click();
    await ed.getByRole('heading', { name: 'Comment at 0:01' }).waitFor();
    await ed.getByLabel('Your comment').fill('Could you say a bit more here?');
    await picture(ed, 'review-comment-form');
    await ed.getByRole('button', { name: 'Add comment' }).click();
    await thread(ed, 'Could you say a bit more here?').getByRole('button', { name: 'Go to 0:01' }).waitFor();
    // Its marker is on the waveform.
    await ed.waitForFunction(
      () =>
        document.querySelector('.player__waveform')?.firstElementChild?.shadowRoot?.querySelectorAll('[part~="marker"]')
          .length === 1,
    );

    // Cara sees it arrive, goes to that moment, and replies.
    const onCara = thread(cara, 'Could you say a bit more here?');
    await onCara.getByText('Ed Editor').waitFor();
    await onCara.getByRole('button', { name: 'Go to 0:01' }).click();
    await expect.poll(async () => Math.floor(await playerTime(cara))).toBe(1);
    await onCara.getByRole('button', { name: 'Reply to comment 1' }).click();
    await onCara.getByLabel('Your reply').fill('Yes, I will record another bit about the neighbours.');
    await onCara.getByRole('button', { name: 'Send reply' }).click();
    await onCara.getByText('Yes, I will record another bit about the neighbours.').waitFor();
    await picture(cara, 'review-carer-replied');

    await thread(ed, 'Could you say a bit more here?')
      .getByText('Yes, I will record another bit about the neighbours.')
      .waitFor();
    await picture(ed, 'review-editor-clip');
  });

  it('shows the editor’s approval in the carer’s list as it happens', async () => {
    await cara.getByRole('link', { name: 'All recordings' }).click();
    await cara.getByRole('heading', { level: 1, name: 'Recordings' }).waitFor();
    await card(cara).getByText('Waiting to be checked').waitFor();
    await card(cara).getByText('1 open comment').waitFor();

    // Ed asks for changes, with a note; it becomes a comment at the player's time.
    await ed.getByRole('button', { name: 'Ask for changes' }).click();
    await ed.getByRole('button', { name: 'Send request for changes' }).click();
    await ed.locator('#review-note-error').getByText('Say what you would like changed').waitFor();
    await ed.getByLabel('What would you like changed?').fill('Please add a sentence about the neighbours.');
    await picture(ed, 'review-ask-for-changes');
    await ed.getByRole('button', { name: 'Send request for changes' }).click();
    await ed.locator('.review__state').getByText('Changes asked for').waitFor();
    await ed.locator('.review__note').getByText('Please add a sentence about the neighbours.').waitFor();
    await thread(ed, 'Changes asked for: Please add a sentence about the neighbours.').waitFor();
    await card(cara).getByText('Changes asked for', { exact: true }).waitFor();
    await card(cara).getByText('2 open comments').waitFor();

    // The first thread is settled: the count goes down on Cara's list.
    await thread(ed, 'Could you say a bit more here?')
      .getByRole('button', { name: 'Mark as resolved comment 1' })
      .click();
    await thread(ed, 'Could you say a bit more here?').getByText('Resolved', { exact: true }).waitFor();
    await card(cara).getByText('1 open comment').waitFor();

    await ed.getByRole('button', { name: 'Approve' }).click();
    await ed.getByText(/^ by you on /).waitFor();
    await ed.locator('.review__state').getByText('Approved').waitFor();
    await card(cara).getByText('Ready to use', { exact: true }).waitFor();
    await picture(cara, 'review-carer-list-approved');
  });

  it('lets the carer withdraw consent; the editor’s page says so and the audio is gone', async () => {
    await card(cara).getByRole('link', { name: title }).click();
    await cara.getByRole('heading', { level: 1, name: title }).waitFor();
    // Cara, a carer, is not offered review decisions.
    expect(await cara.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await cara.getByRole('button', { name: 'Ask for changes' }).count()).toBe(0);
    await cara.getByRole('button', { name: 'Withdraw consent' }).click();
    await cara.getByText(withdrawalWords('your')).waitFor();
    await picture(cara, 'review-withdraw-confirm');
    await cara.getByRole('button', { name: 'Yes, withdraw consent and delete the recording' }).click();
    await cara.getByText(/^Consent withdrawn on \d+ \w+ \d{4} by you\. The audio has been deleted\.$/).waitFor();
    expect(await slider(cara).count()).toBe(0);
    await expect
      .poll(() => cara.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Consent withdrawn on /);

    // Ed still has the recording open: it changes in front of him.
    await ed.getByText(/^Consent withdrawn on \d+ \w+ \d{4} by Cara Carer\. The audio has been deleted\.$/).waitFor();
    expect(await slider(ed).count()).toBe(0);
    expect(await ed.getByRole('button', { name: /^Comment at/ }).count()).toBe(0);
    await thread(ed, 'Could you say a bit more here?').waitFor();
    expect(await ed.getByRole('button', { name: /^Reply/ }).count()).toBe(0);
    await picture(ed, 'review-editor-withdrawn');

    const id = new URL(clipUrl).pathname.split('/').pop();
    const answer = await ed.context().request.get(`/api/clips/${id}/audio`);
    expect(answer.status()).toBe(410);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('clip_withdrawn');

    // The way back says "recordings" for everyone (docs/words.md); the list itself is "Clips" for editors.
    await ed.getByRole('link', { name: 'All recordings' }).click();
    await ed.getByRole('heading', { level: 1, name: 'Clips' }).waitFor();
    await card(ed).getByText('Consent withdrawn').first().waitFor();
    await picture(ed, 'review-list-withdrawn');
  });
});
