import { expect } from 'vitest';
import { currentConsentVersion } from '../../../shared/contracts/clips';
import { twoSegments } from '../../support/transcripts';
import { heading, type State } from './sweepStates';
import type { SweepWorld } from './sweepWorld';

/**
 * The pages about working together, added after the first sweep: involvement and statements, reflections, the
 * balance of voices, reports on involvement, what people bring (strengths and task offers), an edition's sign-off
 * by the person quoted, help, and the account page. Each `prepare` makes its data over HTTP.
 */

/** The carer's recording may be quoted, has its words written down, and is quoted in a document's edition. */
async function carerQuotedInAnEdition(w: SweepWorld): Promise<void> {
  const { people, workspaceId, carerClipId } = w;
  const consent = { podcast: true, publicationQuotes: true, audience: 'public', wordingVersion: currentConsentVersion };
  expect((await people.carer.request('PUT', `/api/clips/${carerClipId}/consent`, consent)).status).toBe(200);
  expect((await people.carer.request('PUT', `/api/clips/${carerClipId}/transcript`, twoSegments)).status).toBe(200);
  const doc = await people.editor.post(`/api/workspaces/${workspaceId}/documents`, {
    title: 'What helps',
    kind: 'publication',
  });
  expect(doc.status).toBe(201);
  const quote = { clipId: carerClipId, startSeconds: 0, endSeconds: 1.5 };
  expect((await people.editor.post(`/api/documents/${doc.body.id}/quotes`, quote)).status).toBe(201);
  const version = await people.editor.post(`/api/documents/${doc.body.id}/versions`, { name: 'For the launch' });
  expect(version.status).toBe(201);
  const edition = await people.editor.post(`/api/documents/${doc.body.id}/editions`, {
    versionId: version.body.id,
    title: 'What helps: first edition',
  });
  expect(edition.status).toBe(201);
  w.editionId = edition.body.id as string;
}

export const togetherStates: State[] = [
  {
    name: 'involvement as admin: record an activity, everyone’s log, rates, the CSV',
    who: 'admin',
    prepare: async (w) => {
      const { people, workspaceId } = w;
      const members = (await people.admin.get(`/api/workspaces/${workspaceId}/members`)).body.members as {
        userId: string;
        role: string;
      }[];
      const base = `/api/workspaces/${workspaceId}/involvement`;
      const rates = { currency: 'GBP', hourMinor: 2500, halfDayMinor: 7500, dayMinor: 15000 };
      expect((await people.admin.request('PUT', `${base}/rates`, rates)).status).toBe(200);
      const meeting = await people.admin.post(`${base}/activities`, {
        kind: 'meeting',
        title: 'Group meeting about respite',
        occurredOn: '2026-03-14',
        durationMinutes: 90,
        participantIds: members.filter((m) => m.role === 'carer').map((m) => m.userId),
      });
      expect(meeting.status).toBe(201);
      const answer = { answer: 'confirmed', choice: 'voucher' };
      expect(
        (await people.carer.request('PUT', `/api/involvement/activities/${meeting.body.id}/me`, answer)).status,
      ).toBe(200);
    },
    path: (w) => `/w/${w.workspaceId}/involvement`,
    ready: (page) =>
      page.getByRole('region', { name: 'Everyone’s activities' }).getByText('Group meeting about respite').waitFor(),
  },
  {
    name: 'my involvement as carer',
    who: 'carer',
    path: (w) => `/w/${w.workspaceId}/involvement`,
    ready: (page) => page.getByRole('region', { name: 'Group meeting about respite' }).waitFor(),
  },
  {
    name: 'my statement as carer',
    who: 'carer',
    path: (w) => `/w/${w.workspaceId}/involvement/statements/me`,
    ready: (page) => page.getByText('Voucher: £37.50').waitFor(),
  },
  {
    name: 'how are we doing together, as admin: everyone’s answers, charts, the plan, milestones, the ladder',
    who: 'admin',
    prepare: async (w) => {
      const { people, workspaceId } = w;
      const base = `/api/workspaces/${workspaceId}/reflections`;
      const milestone = await people.editor.post(`${base}/milestones`, { name: 'After episode 1' });
      expect(milestone.status).toBe(201);
      const cube = { voice: 30, knowledge: 40, diversity: 50, responsiveness: 20 };
      for (const [who, rung, note] of [
        [people.carer, 4, 'They ask us, but do they listen?'],
        [people.editor, 6, 'We decide most things together.'],
      ] as const) {
        const answer = { milestoneId: milestone.body.id, ladder: 'arnstein', rung, cube, note, shareNote: true };
        expect((await who.post(base, answer)).status).toBe(201);
      }
      const members = (await people.admin.get(`/api/workspaces/${workspaceId}/members`)).body.members as {
        userId: string;
        role: string;
      }[];
      const action = await people.editor.post(`${base}/actions`, {
        text: 'Carers chair the next planning meeting',
        ownerId: members.find((m) => m.role === 'carer')!.userId,
        dueOn: '2026-04-01',
        reviewMilestoneId: milestone.body.id,
      });
      expect(action.status).toBe(201);
    },
    path: (w) => `/w/${w.workspaceId}/reflections`,
    ready: (page) => page.getByRole('region', { name: 'Everyone’s answers' }).getByText('They ask us').waitFor(),
  },
  {
    name: 'how are we doing together, as carer',
    who: 'carer',
    path: (w) => `/w/${w.workspaceId}/reflections`,
    ready: (page) =>
      page
        .getByRole('img', { name: /average step on Arnstein’s ladder/ })
        .locator('svg')
        .waitFor(),
  },
  {
    name: 'whose voices are heard (charts and their tables)',
    who: 'carer',
    path: (w) => `/w/${w.workspaceId}/balance`,
    ready: (page) => page.getByRole('region', { name: 'Who signs off' }).waitFor(),
  },
  {
    name: 'reports on involvement as admin: the GRIPP2 report with its evidence, the impact log',
    who: 'admin',
    prepare: async (w) => {
      const entry = await w.people.editor.post(`/api/workspaces/${w.workspaceId}/reports/impact-log`, {
        occurredOn: '2026-03-20',
        activity: 'Carers listened to the first draft',
        whatChanged: 'The episode now opens with a carer’s story.',
      });
      expect(entry.status).toBe(201);
    },
    path: (w) => `/w/${w.workspaceId}/reports`,
    ready: async (page) => {
      await page.getByRole('region', { name: 'Our involvement report' }).getByRole('table').waitFor();
      await page.getByRole('heading', { name: '2026-03-20: Carers listened to the first draft' }).waitFor();
    },
  },
  {
    name: 'reports on involvement as carer, adding their view',
    who: 'carer',
    path: (w) => `/w/${w.workspaceId}/reports`,
    ready: (page) => page.getByRole('heading', { name: '2026-03-20: Carers listened to the first draft' }).waitFor(),
    act: async (page) => {
      const log = page.getByRole('region', { name: 'Impact log' });
      await log.getByText('Add your view (Carers’ view)').click();
      await log.getByRole('textbox', { name: /Carers’ view/ }).fill('It felt like our story at last.');
      await log.getByRole('button', { name: 'Save view' }).click();
      await log.getByText('Your view is saved.').waitFor();
      return '“Save view”';
    },
  },
  {
    name: 'what people bring, as carer: a task offered to them',
    who: 'carer',
    prepare: async (w) => {
      const { people, workspaceId, ids } = w;
      const mine = { brings: 'Years of running a carers’ group.', wantsToTry: ['chairing_meeting'] };
      const saved = await people.carer.request(
        'PUT',
        `/api/workspaces/${workspaceId}/members/${ids.carer}/strengths`,
        mine,
      );
      expect(saved.status).toBe(200);
      const offer = { task: 'chairing_meeting', message: 'Would you chair the May meeting?' };
      expect(
        (await people.editor.post(`/api/workspaces/${workspaceId}/members/${ids.carer}/offers`, offer)).status,
      ).toBe(201);
    },
    path: (w) => `/w/${w.workspaceId}`,
    ready: (page) =>
      page
        .getByRole('region', { name: 'Tasks offered' })
        .getByRole('button', { name: 'Yes, I would like to' })
        .waitFor(),
  },
  {
    name: 'what people bring, as editor: everyone’s strengths, offering a task',
    who: 'editor',
    path: (w) => `/w/${w.workspaceId}`,
    ready: (page) =>
      page.getByRole('region', { name: 'What people bring' }).getByText('Years of running').first().waitFor(),
  },
  {
    name: 'an edition’s sign-off, as the carer quoted in it',
    who: 'carer',
    prepare: carerQuotedInAnEdition,
    path: (w) => `/editions/${w.editionId}/signoff`,
    ready: (page) => page.getByRole('list', { name: 'Your quotes' }).getByText('I look after my mother.').waitFor(),
    act: async (page) => {
      await page.getByRole('button', { name: 'These are fine' }).click();
      await page.getByText(/^You said these are fine/).waitFor();
      return '“These are fine”';
    },
  },
  { name: 'help', who: 'carer', path: () => '/help', ready: heading('Help: how Chorus works') },
  ...(['carers', 'editors', 'experts'] as const).map((topic): State => ({
    name: `help for ${topic}`,
    who: topic === 'carers' ? 'carer' : topic === 'editors' ? 'editor' : 'expert',
    path: () => `/help/${topic}`,
    ready: heading(`How Chorus works for ${topic}`),
  })),
  { name: 'your account', who: 'carer', path: () => '/account', ready: heading('Your account') },
];
