import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestAudio, type TestAudio } from '../support/audio';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { startServer, type TestServer } from '../support/startServer';
import { axeFindings } from './support/accessibility';
import { openPerson, type Person } from './support/browser';

/**
 * A carer has Chorus open when an editor checks her recording: the bell's count rises by itself and says so, she
 * opens her notifications, follows the link to the recording, and the notification counts as read.
 */
describe('notifications: the bell and the inbox', () => {
  let server: TestServer;
  let audio: TestAudio;
  let carer: Person | undefined;

  beforeAll(async () => {
    [server, audio] = await Promise.all([startServer(), makeTestAudio()]);
  });
  afterAll(async () => {
    await carer?.close();
    await server?.stop();
    await audio?.cleanup();
  });

  const bell = (page: Page) => page.getByRole('link', { name: /^Notifications/ });

  it('shows a carer the count rise when her recording is checked, and takes her to it', async () => {
    const { ws, people } = await workspaceWithPeople(server.url);
    const clipId = (await uploadAudio(people.carer, ws.id, audio.files.ogg, { title: 'Sunday dinners' })).body.id;
    await waitForClip(people.carer, clipId);

    carer = await openPerson(server.url);
    const { page, context } = carer;
    const cookie = people.carer.cookie!;
    const at = cookie.indexOf('=');
    await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.url }]);
    await page.goto(`/w/${ws.id}`);
    await page.getByText('Your role:').waitFor();
    await expect.poll(() => bell(page).getAttribute('data-unread')).toBe('0');
    expect(await bell(page).textContent()).toBe('Notifications');

    expect((await people.editor.post(`/api/clips/${clipId}/review`, { state: 'approved' })).status).toBe(200);
    await expect.poll(() => bell(page).getAttribute('data-unread')).toBe('1');
    // The count has words for screen readers, and the change is announced politely.
    expect(await bell(page).innerText()).toMatch(/Notifications\s*1/);
    await page.getByRole('link', { name: 'Notifications (1 new notification)' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You have 1 new notification.' }).waitFor();

    await bell(page).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Sunday dinners' });
    await item.getByText('New', { exact: true }).waitFor();
    expect(await item.textContent()).toContain(
      'editor person checked your recording “Sunday dinners”: it is ready to use.',
    );
    expect(await axeFindings(page)).toEqual([]);

    await item.getByRole('link', { name: /^Open/ }).click();
    await page.waitForURL(`**/c/${clipId}`);
    await page.getByRole('heading', { level: 1, name: 'Sunday dinners' }).waitFor();
    await expect.poll(() => bell(page).getAttribute('data-unread')).toBe('0');

    await bell(page).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Sunday dinners' }).waitFor();
    expect(await page.getByText('New', { exact: true }).count()).toBe(0);
  });

  it('lets her choose which notifications are emailed to her', async () => {
    const { page } = carer!;
    await page.getByRole('link', { name: 'Your settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Your settings' }).waitFor();
    const review = page.getByRole('group', { name: 'When your recording has been checked' });
    expect(await review.getByLabel('Email me straight away').isChecked()).toBe(true);
    await review.getByLabel('Once a day, in one email').check();
    await page.getByRole('button', { name: 'Save email choices' }).click();
    await page.getByRole('status').filter({ hasText: 'Your email choices are saved.' }).waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your settings' }).waitFor();
    expect(
      await page
        .getByRole('group', { name: 'When your recording has been checked' })
        .getByLabel('Once a day, in one email')
        .isChecked(),
    ).toBe(true);
  });
});
