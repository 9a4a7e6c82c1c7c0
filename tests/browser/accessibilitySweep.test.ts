import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusFinding, sweepPage, type Finding } from './support/accessibility';
import type { Person } from './support/browser';
import { journeyServer } from './support/journeyServer';
import { documentStatus } from './support/documentEditor';
import { picture } from './support/screenshots';
import { voiceCommentOverHttp } from '../support/voiceComments';
import { heading, type State } from './support/sweepStates';
import { togetherStates } from './support/sweepStatesTogether';
import { actAs, sweepWorld, type SweepWorld } from './support/sweepWorld';

const states: State[] = [
  { name: 'sign in', who: 'nobody', path: () => '/login', ready: heading('Sign in') },
  { name: 'sign up', who: 'nobody', path: () => '/signup', ready: heading('Create your account') },
  {
    name: 'join by invite',
    who: 'nobody',
    path: (w) => `/invite/${w.joinToken}`,
    ready: (page) => page.getByRole('button', { name: 'Create account and join' }).waitFor(),
  },
  {
    name: 'invite, signed in with a long email address',
    who: 'longEmail',
    path: (w) => `/invite/${w.signedInInviteToken}`,
    ready: (page) => page.getByText('featherstonehaugh', { exact: false }).first().waitFor(),
  },
  { name: 'workspace list', who: 'admin', path: () => '/', ready: heading('Your workspaces') },
  {
    name: 'notifications as carer (their recording checked, and published)',
    who: 'carer',
    path: () => '/notifications',
    ready: async (page) => {
      await heading('Notifications')(page);
      await page.getByRole('listitem').filter({ hasText: 'ready to use' }).first().waitFor();
    },
  },
  {
    name: 'your settings: email choices',
    who: 'carer',
    path: () => '/settings',
    ready: (page) => page.getByRole('button', { name: 'Save email choices' }).waitFor(),
  },
  ...(['admin', 'editor', 'carer'] as const).map((who): State => ({
    name: `workspace home and members as ${who}`,
    who,
    path: (w) => `/w/${w.workspaceId}`,
    ready: (page) => page.getByText('Your role:').waitFor(),
  })),
  ...(['editor', 'carer'] as const).map((who): State => ({
    name: `clips list as ${who}`,
    who,
    path: (w) => `/w/${w.workspaceId}/clips`,
    ready: async (page) => {
      await heading(who === 'carer' ? 'Recordings' : 'Clips')(page);
      await page
        .getByRole('link', { name: /carer's story/ })
        .first()
        .waitFor();
    },
  })),
  ...(
    [
      ['contributor', 'carer'],
      ['editor', 'editor'],
    ] as const
  ).map(([as, who]): State => ({
    name: `a clip as ${as}`,
    who,
    path: (w) => `/c/${w.carerClipId}`,
    ready: async (page) => {
      await heading("carer's story")(page);
      await page.locator('.player__waveform').waitFor();
    },
  })),
  {
    name: 'clips list, after following “Upload a recording”',
    who: 'carer',
    path: (w) => `/w/${w.workspaceId}/clips`,
    ready: heading('Recordings'),
    act: async (page) => {
      await page.getByRole('link', { name: 'Upload a recording' }).click();
      return '“Upload a recording”';
    },
  },
  {
    name: 'a clip as contributor, changing consent',
    who: 'carer',
    path: (w) => `/c/${w.carerClipId}`,
    ready: heading("carer's story"),
    act: async (page) => {
      await page.getByRole('button', { name: 'Change these choices' }).click();
      await page.getByRole('button', { name: 'Save choices' }).waitFor();
      return '“Change these choices”';
    },
  },
  {
    name: 'a clip, recording a voice comment instead of writing one',
    who: 'editor',
    path: (w) => `/c/${w.carerClipId}`,
    ready: heading("carer's story"),
    act: async (page) => {
      await page.getByRole('button', { name: /^Comment at / }).click();
      await page.getByRole('button', { name: 'Record a voice comment instead' }).click();
      await page.getByRole('region', { name: 'Record a voice comment' }).waitFor();
      return '“Record a voice comment instead”';
    },
  },
  {
    name: 'a clip with a voice comment, as another member',
    who: 'carer',
    path: (w) => `/c/${w.carerClipId}`,
    prepare: async (w) => {
      await voiceCommentOverHttp(
        w.people.editor,
        w.workspaceId,
        { on: 'clip', clipId: w.carerClipId, atSeconds: 1 },
        w.dir,
      );
    },
    ready: (page) => page.getByLabel(/^Voice comment from editor person/).waitFor(),
  },
  {
    name: 'record a story',
    who: 'carer',
    path: (w) => `/w/${w.workspaceId}/record`,
    ready: (page) => page.getByRole('button', { name: 'Record' }).waitFor(),
  },
  {
    name: 'documents',
    who: 'editor',
    path: (w) => `/w/${w.workspaceId}/documents`,
    ready: (page) => page.getByRole('link', { name: 'What carers told us' }).waitFor(),
  },
  {
    name: 'a document',
    who: 'editor',
    path: (w) => `/d/${w.docId}`,
    ready: (page) => documentStatus(page, 'Saved'),
  },
  {
    name: 'the “Add an image” dialog, with its problems listed',
    who: 'editor',
    path: (w) => `/d/${w.docId}`,
    ready: (page) => documentStatus(page, 'Saved'),
    act: async (page) => {
      await page.getByRole('button', { name: 'Add an image' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add an image' });
      await dialog.getByRole('button', { name: 'Add image' }).click();
      await dialog.getByRole('alert').getByText('Choose an image to add.').waitFor();
      return '“Add image” with nothing chosen';
    },
  },
  {
    name: 'a viewed version',
    who: 'editor',
    path: (w) => `/d/${w.docId}`,
    ready: (page) => documentStatus(page, 'Saved'),
    act: async (page) => {
      await page.getByRole('button', { name: 'Show versions' }).click();
      await page.getByRole('button', { name: 'Look at this version: First draft' }).click();
      await page.getByRole('heading', { name: 'Looking at “First draft”' }).waitFor();
      return '“Look at this version”';
    },
  },
  {
    name: 'the footnote dialog',
    who: 'editor',
    path: (w) => `/d/${w.docId}`,
    ready: (page) => documentStatus(page, 'Saved'),
    act: async (page) => {
      await page.getByRole('button', { name: 'Add a footnote' }).click();
      await page.getByRole('dialog', { name: 'Add a footnote' }).waitFor();
      return '“Add a footnote”';
    },
  },
  {
    name: 'episodes',
    who: 'editor',
    path: (w) => `/w/${w.workspaceId}/episodes`,
    ready: (page) => page.getByRole('link', { name: 'Episode 1: Being heard' }).waitFor(),
  },
  {
    name: 'an episode with a timeline and a render',
    who: 'editor',
    path: (w) => `/e/${w.episodeId}`,
    ready: async (page) => {
      await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
      await page.getByRole('list', { name: 'Renders' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'an episode as a carer heard in it (the plain view: their parts, listen, what is said)',
    who: 'carer',
    path: (w) => `/e/${w.episodeId}`,
    ready: async (page) => {
      await page.getByRole('region', { name: 'Where this episode is' }).waitFor();
      await page.getByRole('region', { name: 'Listen' }).getByRole('button', { name: 'Play' }).waitFor();
      await page.getByRole('region', { name: 'Your parts' }).waitFor();
    },
  },
  {
    name: 'the public episode page',
    who: 'nobody',
    path: (w) => `/shows/${w.workspaceId}/episodes/${w.episodeId}`,
    ready: heading('Episode 1: Being heard'),
  },
  {
    name: 'a public page that is not there',
    who: 'nobody',
    path: (w) => `/shows/${w.workspaceId}/episodes/00000000-0000-4000-8000-000000000000`,
    ready: heading('We could not find that episode'),
  },
  {
    name: 'the show’s “How to listen” page',
    who: 'nobody',
    path: (w) => `/shows/${w.workspaceId}`,
    ready: (page) => page.getByRole('heading', { level: 2, name: 'How to listen' }).waitFor(),
  },
  {
    name: 'a show page that is not there',
    who: 'nobody',
    path: () => '/shows/00000000-0000-4000-8000-000000000000',
    ready: heading('We could not find that podcast'),
  },
  {
    // Last: it takes the published episode out of the feed.
    name: 'a flagged episode (a clip in it withdrawn)',
    who: 'editor',
    prepare: async (w) => {
      expect((await w.people.carer2.post(`/api/clips/${w.carer2ClipId}/withdraw`, {})).status).toBe(200);
    },
    path: (w) => `/e/${w.episodeId}`,
    ready: (page) => page.getByRole('region', { name: 'This episode needs your attention' }).waitFor(),
  },
  ...togetherStates,
  {
    name: 'an address that is not there',
    who: 'admin',
    path: () => '/no/such/page',
    ready: (page) => page.locator('h1').waitFor(),
  },
];

/**
 * Every page and its main states, as each role that sees it differently, held to WCAG 2.2 AA: no axe violation
 * (target-size included), no sideways scrolling at 320 px with or without WCAG 1.4.12 text spacing, and focus
 * kept off the page body after an action. One browser, one tab, reused.
 */
describe('accessibility sweep', { timeout: 60_000 }, () => {
  const server = journeyServer();
  let world: SweepWorld;
  let person: Person;
  let dir: string;
  const tally = new Map<string, number>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-sweep-'));
    [world, person] = await Promise.all([sweepWorld(server.url, dir), server.person()]);
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    if (tally.size > 0) console.log('accessibility sweep findings, by rule:', Object.fromEntries(tally));
  });

  for (const state of states) {
    it(state.name, async () => {
      const { page, context } = person;
      await state.prepare?.(world);
      await actAs(context, world, server.url, state.who);
      await page.goto(state.path(world));
      await state.ready(page);
      const findings: Finding[] = [];
      if (state.act) findings.push(...(await focusFinding(page, await state.act(page))));
      findings.push(...(await sweepPage(page)));
      await picture(page, `sweep-${state.name.replace(/[^a-z0-9]+/gi, '-')}`);
      for (const f of findings) tally.set(`${f.check}: ${f.rule}`, (tally.get(`${f.check}: ${f.rule}`) ?? 0) + 1);
      expect(findings.map((f) => `${f.check} ${f.rule}: ${f.detail}`)).toEqual([]);
    });
  }

  // Issue 14, item 6: the flagged episode swept above says what is wrong once, at the top, and marks the item.
  it('a flagged episode says it once, at the top, with what to do, and marks the withdrawn item', async () => {
    const { page, context } = person;
    await actAs(context, world, server.url, 'editor');
    await page.goto(`/e/${world.episodeId}`);
    const attention = page.getByRole('region', { name: 'This episode needs your attention' });
    await attention
      .getByText(
        /was withdrawn by the person who made it, and the renders with it were deleted\. Take it out of the timeline/,
      )
      .waitFor();
    // Straight under the heading.
    expect(await page.locator('h1 + *').getAttribute('aria-labelledby')).toBe('attention-heading');
    expect(await page.getByText(/Take it out of the timeline and render the episode again/).count()).toBe(1);
    const withdrawn = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem', { name: /^Item 2: / });
    await withdrawn
      .getByText('was withdrawn by the person who made it. Remove it from the timeline.', { exact: false })
      .waitFor();
    // No green "Ready to publish" beside it, and the feed panel does not claim the episode is in the feed.
    expect(await page.getByText('Ready to publish').count()).toBe(0);
    await page.getByText('Latest render: made before the change at the top of this page.').waitFor();
    await page.getByText('It is out of the podcast feed until the episode is rendered again').waitFor();
  });
});
