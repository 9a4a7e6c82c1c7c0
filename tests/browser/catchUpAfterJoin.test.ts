import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/contracts/notifications';
import { eventually } from '../support/collabClient';
import { documentThreadsWorld, selectionOf } from '../support/documentThreads';
import { signedUp } from '../support/httpClient';
import { signedInBrowsers } from './support/browser';

/** Every try at the page's live connections fails (as on a train in a tunnel) until the returned function is called. */
async function inATunnel(page: Page): Promise<() => void> {
  let tunnel = true;
  await page.route('**/socket.io/**', (route) => (tunnel ? route.abort() : route.continue()));
  return () => {
    tunnel = false;
  };
}

/**
 * The page's live connections are merely slow: their requests wait, unanswered and unrefused, until the returned
 * function is called. The page has loaded but not yet joined the room, and nothing tells it the connection broke.
 */
async function slowToConnect(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/socket.io/**', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Live events reach only the pages already in the room they are sent to. Whatever happened after a page loaded and
 * before it joined (a slow connection, a break in it) was told to nobody there: each live part loads again what it
 * shows after every join, so the person looking at it never misses it.
 */
describe('every live part of a page catches up after it joins', { timeout: 120_000 }, () => {
  const world = documentThreadsWorld('sqlite');
  const { open, closeAll } = signedInBrowsers(() => world.server.url);
  afterAll(closeAll);

  it('shows a comment made on the document while the page was still connecting', async () => {
    const { team, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('What carers told us', 'Carers spoke about Tuesdays.');
    const page = await open(team.people.carer, 'about:blank');
    const connect = await slowToConnect(page);
    const threadsLoaded = page.waitForResponse((r) => r.url().endsWith(`/api/documents/${doc.id}/threads`));
    await page.goto(`/d/${doc.id}`);
    await threadsLoaded;
    const comments = page.getByRole('complementary', { name: 'Comments' });
    await comments.getByRole('heading', { name: 'Comments' }).waitFor();

    const made = await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'Tuesdays'),
      body: 'Which Tuesdays were these?',
    });
    expect(made.status).toBe(201);
    await page.waitForTimeout(500); // nothing can arrive: the page has not joined the room
    expect(await comments.getByText('Which Tuesdays were these?').count()).toBe(0);

    connect();
    await comments.getByText('Which Tuesdays were these?').waitFor({ timeout: 20_000 });
  });

  it('lists a notice that came while the notifications page could not reach its connection', async () => {
    const { team, commentOnlyDocument } = world;
    const { doc, writer } = await commentOnlyDocument('Our findings', 'Carers spoke about Sundays.');
    const page = await open(team.people.editor, 'about:blank');
    const outOfTheTunnel = await inATunnel(page);
    await page.goto('/notifications');
    await page.getByText('You have no notifications yet.').waitFor();

    await team.people.expert.post(`/api/documents/${doc.id}/threads`, {
      anchor: selectionOf(writer, 'Sundays'),
      body: '@editor person is this right?',
      mentions: [team.ids.editor],
    });
    await eventually(
      async () => ((await team.people.editor.get('/api/notifications')).body.notifications as Notification[]).length,
    );
    await page.waitForTimeout(500);
    expect(await page.getByRole('listitem').count()).toBe(0);

    outOfTheTunnel();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'expert person mentioned you in a comment on “Our findings”' })
      .waitFor({ timeout: 30_000 });
  });

  it('shows someone who joined the workspace while its page could not reach its connection', async () => {
    const { team, server } = world;
    const page = await open(team.people.admin, 'about:blank');
    const outOfTheTunnel = await inATunnel(page);
    await page.goto(`/w/${team.workspaceId}`);
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByRole('rowheader', { name: 'carer person' }).waitFor();

    const invite = await team.people.admin.post(`/api/workspaces/${team.workspaceId}/invites`, { role: 'carer' });
    const wendy = await signedUp(server.url, 'Wendy Newcomer');
    expect((await wendy.client.post(`/api/invites/${invite.body.token}/accept`, {})).status).toBe(200);
    await page.waitForTimeout(500);
    expect(await members.getByRole('rowheader', { name: 'Wendy Newcomer' }).count()).toBe(0);

    outOfTheTunnel();
    await members.getByRole('rowheader', { name: 'Wendy Newcomer' }).waitFor({ timeout: 30_000 });
  });
});
