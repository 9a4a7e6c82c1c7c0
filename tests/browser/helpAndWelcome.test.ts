import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { TestClient } from '../support/httpClient';
import { axeFindings } from './support/accessibility';
import { openSignedIn, type Person } from './support/browser';
import { journeyServer } from './support/journeyServer';
import { picture } from './support/screenshots';

type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;

const welcome = (page: Page) => page.getByRole('region', { name: /^Welcome to / });
const axeClean = async (page: Page) =>
  expect((await axeFindings(page)).map((f) => `${f.rule}: ${f.detail}`)).toEqual([]);

/**
 * Issue 14: a help page per role, linked from the header, and the carers' first-visit welcome, which says what
 * they can do and that nothing they record is used without their say; put away once, it stays away everywhere.
 */
describe('help pages and the carers’ welcome', { timeout: 60_000 }, () => {
  const server = journeyServer();
  let team: Team;
  const opened: Person[] = [];
  const open = async (cookie: string, path: string) => {
    const person = await openSignedIn(server.url, cookie, path);
    opened.push(person);
    return person.page;
  };

  beforeAll(async () => {
    team = await workspaceWithPeople(server.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close()));
  });

  it('welcomes a carer once: it says what they can do, links to help, and “Got it” keeps it away, here and on another device', async () => {
    const workspacePath = `/w/${team.ws.id}`;
    const page = await open(team.people.carer.cookie!, workspacePath);
    await welcome(page).waitFor();
    await welcome(page).getByText('Nothing you record is used without your say.').waitFor();
    expect(await welcome(page).getByRole('heading', { level: 2 }).getAttribute('tabindex')).toBe('-1');
    expect(await welcome(page).getByRole('link', { name: 'Record a story' }).getAttribute('href')).toBe(
      `${workspacePath}/record`,
    );
    // A region of the page, not a dialog: nothing else is blocked while it shows.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await axeClean(page);
    await picture(page, 'welcome-carer');

    // Reading the help and coming back: still there until they say "Got it".
    await welcome(page).getByRole('link', { name: 'Read how Chorus works for carers' }).click();
    await page.getByRole('heading', { level: 1, name: 'How Chorus works for carers' }).waitFor();
    await page.goBack();
    await welcome(page).waitFor();

    await welcome(page).getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => welcome(page).count()).toBe(0);
    // Focus goes on to the page's own "Record a story", not to the page body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('record-story-link');

    await page.reload();
    await page.getByText('Your role: Carer').waitFor();
    await page.getByRole('link', { name: 'Recordings', exact: true }).waitFor();
    expect(await welcome(page).count()).toBe(0);

    // Another device: a separate browser, signed in afresh.
    const email = (await team.people.carer.get('/api/me')).body.user.email as string;
    const laptop = new TestClient(server.url);
    expect((await laptop.post('/api/auth/login', { email, password: 'a good long password' })).status).toBe(200);
    const other = await open(laptop.cookie!, workspacePath);
    await other.getByText('Your role: Carer').waitFor();
    await other.getByRole('link', { name: 'Recordings', exact: true }).waitFor();
    expect(await welcome(other).count()).toBe(0);

    // "Show the welcome again" on the carers' help page brings it back.
    await other.getByRole('link', { name: 'Help', exact: true }).click();
    await other.getByRole('link', { name: 'How Chorus works for carers' }).click();
    await other.getByRole('button', { name: 'Show the welcome again' }).click();
    await other.getByRole('status').filter({ hasText: 'The welcome will show again' }).waitFor();
    await other.goto(workspacePath);
    await welcome(other).waitFor();
  });

  it('does not show the welcome to an editor, who gets a one-line pointer to their help instead', async () => {
    const page = await open(team.people.editor.cookie!, `/w/${team.ws.id}`);
    await page.getByText('Your role: Editor').waitFor();
    const pointer = page.getByRole('link', { name: 'Read how Chorus works for editors' });
    await pointer.waitFor();
    expect(await welcome(page).count()).toBe(0);
    expect((await team.people.editor.get('/api/me/welcome')).body.seen).toBe(false);
    await pointer.click();
    await page.getByRole('heading', { level: 1, name: 'How Chorus works for editors' }).waitFor();
  });

  it('reaches the help from the header, puts the person’s own page first, and each role’s page is axe-clean', async () => {
    const page = await open(team.people.carer2.cookie!, '/');
    await page.getByRole('banner').getByRole('link', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Help: how Chorus works' }).waitFor();
    const forYou = page.getByRole('region', { name: 'For you' });
    await forYou.getByRole('link', { name: 'How Chorus works for carers' }).waitFor();
    expect(await forYou.getByRole('link').count()).toBe(1);
    const others = page.getByRole('region', { name: 'Other help pages' });
    expect(await others.getByRole('link').allTextContents()).toEqual([
      'How Chorus works for editors',
      'How Chorus works for experts',
    ]);
    await axeClean(page);

    const pages: Array<[string, string[]]> = [
      [
        'carers',
        [
          'Recording your story',
          'Saying how it may be used',
          'Changing your mind',
          'Checking what you said',
          'Approving your parts',
        ],
      ],
      ['editors', ['Checking recordings', 'Making an episode', 'Asking people to approve their parts', 'Publishing']],
      ['experts', ['Writing together', 'Comments', 'Recording your own part']],
    ];
    for (const [topic, headings] of pages) {
      await page.goto(`/help/${topic}`);
      await page.getByRole('heading', { level: 1, name: `How Chorus works for ${topic}` }).waitFor();
      for (const name of headings) await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
      // Every picture is drawn in the page (no image files) and named for screen readers.
      const pictures = page.locator('svg.help-picture');
      expect(await pictures.count()).toBeGreaterThan(0);
      for (const label of await pictures.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))) {
        expect(label).toBeTruthy();
      }
      expect(await page.locator('main img').count()).toBe(0);
      await axeClean(page);
      await picture(page, `help-${topic}`);
    }
    // The carers' page speaks the carers' words (docs/words.md), and keeps the promise.
    await page.goto('/help/carers');
    await page.getByText('Nothing you record is used without your say.').first().waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Nothing you record is used without your say.');
    expect(text).not.toMatch(/\bclips?\b|\bsubmit|\binvalid\b|\bflagged\b|\bin review\b/i);

    await page.goto('/help/nobody');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  it('is there for someone not signed in, linked from the sign-in page', async () => {
    const person = await server.person();
    await person.page.goto('/login');
    await person.page.getByRole('link', { name: 'How Chorus works' }).click();
    await person.page.getByRole('heading', { level: 1, name: 'Help: how Chorus works' }).waitFor();
    expect(await person.page.getByRole('region', { name: 'Help pages' }).getByRole('link').count()).toBe(3);
  });
});
