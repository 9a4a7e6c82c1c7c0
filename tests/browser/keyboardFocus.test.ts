import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentWording } from '../../shared/contracts/clips';
import type { Person } from './support/browser';
import { journeyServer } from './support/journeyServer';
import { actAs, sweepWorld, type SweepWorld } from './support/sweepWorld';

const run = promisify(execFile);

/** What has focus, as an id (or the tag name when it has none); "body" when focus fell to the page. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? 'body' : el.id || el.tagName.toLowerCase();
  });

/** Presses Tab until the focused element has this accessible label text, and says how many presses it took. */
async function tabsUntil(page: Page, label: RegExp, most = 40): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    });
    if (label.test(name)) return presses;
  }
  throw new Error(`${label} was not reached in ${most} Tab presses`);
}

/**
 * Keyboard journeys where the control pressed goes away or the thing made appears elsewhere: focus must follow
 * the person (to the form opened, the new timeline item, the top of a fresh form), never fall to the page body.
 * Also the GOV.UK-size controls (40 px tick boxes and radios with a 2 px border, a full-size file button).
 */
describe('focus follows the keyboard', { timeout: 60_000 }, () => {
  const server = journeyServer();
  let world: SweepWorld;
  let person: Person;
  let dir: string;
  let recording: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-keyboard-'));
    recording = path.join(dir, 'story.wav');
    [world, person] = await Promise.all([
      sweepWorld(server.url, dir),
      server.person(),
      run('espeak-ng', ['-w', recording, 'A short story about the day centre.']),
    ]);
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('“Upload a recording” goes to the form, and after sending focus waits at the top of the fresh form', async () => {
    const { page, context } = person;
    await actAs(context, world, server.url, 'carer');
    await page.goto(`/w/${world.workspaceId}/clips`);
    await page.getByRole('link', { name: 'Upload a recording' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('upload-heading');

    // The controls are GOV.UK size: 40 px boxes and radios with a 2 px border, and a full-size file button.
    const podcast = page.getByLabel(currentConsentWording.podcast, { exact: true });
    const box = await podcast.evaluate((el) => {
      const style = getComputedStyle(el);
      return { width: el.getBoundingClientRect().width, border: style.borderTopWidth };
    });
    expect(box).toEqual({ width: 40, border: '2px' });
    const radio = page.getByLabel(currentConsentWording.audience.internal, { exact: true });
    expect(await radio.evaluate((el) => el.getBoundingClientRect().height)).toBe(40);
    const file = page.getByLabel('Recording', { exact: true });
    expect(await file.evaluate((el) => el.className)).toBe('file-input');
    expect(await file.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);

    await file.setInputFiles(recording);
    await page.getByLabel('Title', { exact: true }).fill('The day centre');
    await podcast.focus();
    await page.keyboard.press('Space');
    await radio.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Send your recording' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Sent. “The day centre” is being processed').waitFor();
    await expect.poll(() => focused(page)).toBe('upload-heading');
  });

  it('“Change these choices” opens on the first choice, and Cancel or Save come back to the button', async () => {
    const { page, context } = person;
    await actAs(context, world, server.url, 'carer');
    await page.goto(`/c/${world.carerClipId}`);
    const change = page.getByRole('button', { name: 'Change these choices' });
    await change.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('change-consent-podcast');

    await page.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('consent-change');

    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('change-consent-podcast');
    await page.getByRole('button', { name: 'Save choices' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your choices are saved.' }).waitFor();
    await expect.poll(() => focused(page)).toBe('consent-change');
  });

  it('adding a clip to the timeline moves focus to the new item, a few Tabs from its trim', async () => {
    const { page, context } = person;
    const episode = await world.people.editor.post(`/api/workspaces/${world.workspaceId}/episodes`, {
      title: 'Episode 2: Keyboard',
    });
    expect(episode.status).toBe(201);
    await actAs(context, world, server.url, 'editor');
    await page.goto(`/e/${episode.body.id}`);
    const add = page.getByRole('button', { name: /^Add to episode: / }).first();
    await add.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByRole('listitem', { name: /^Item 1: / })
      .waitFor();
    await expect.poll(() => focused(page)).toBe('item-1-title');
    expect(await tabsUntil(page, /^Start at/)).toBeLessThanOrEqual(4);
  });
});
