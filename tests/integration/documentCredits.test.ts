import { describe, expect, it } from 'vitest';
import { uploadAudio, waitForClip } from '../support/audioClips';
import { documentThreadsWorld, selectionOf } from '../support/documentThreads';
import { testDatabaseNames } from '../support/serverOnDatabase';
import { makeTestAudio } from '../support/audio';
import { putTranscript, twoSegments } from '../support/transcripts';
import { currentConsentVersion } from '../../shared/contracts/clips';

/**
 * Issue 11 §2 on the real server: an expert writes, a carer's words are quoted, another member comments; only
 * those who agreed to be credited by name are named, under the name they gave; the rest are counted by role, and
 * a quote taken back by its speaker no longer credits them.
 */
describe.each(testDatabaseNames)('a document’s credits and acknowledgements on %s', (database) => {
  const world = documentThreadsWorld(database);

  it('names who wrote, was quoted and commented, only with their consent, and counts the rest', async () => {
    const { team, outsider, commentOnlyDocument } = world;
    const { people } = team;
    const { doc, writer } = await commentOnlyDocument('Caring at home', 'What carers told us about respite.');

    // The carer's recording, its words written down, quoted into the document.
    const audio = await makeTestAudio();
    try {
      const up = await uploadAudio(people.carer, team.workspaceId, audio.files.ogg, {
        title: 'Mornings',
        fields: { podcast: 'true', publicationQuotes: 'true', audience: 'public' },
      });
      expect(up.status).toBe(201);
      expect((await waitForClip(people.carer, up.body.id, undefined, 60_000)).status).toBe('ready');
      expect((await putTranscript(people.carer, up.body.id, twoSegments)).status).toBe(200);
      const quoted = await people.editor.post(`/api/documents/${doc.id}/quotes`, {
        clipId: up.body.id,
        startSeconds: 0,
        endSeconds: 1.5,
      });
      expect(quoted.status).toBe(201);

      // The admin comments; the editor comments too.
      for (const who of ['admin', 'editor'] as const) {
        const thread = await people[who].post(`/api/documents/${doc.id}/threads`, {
          anchor: selectionOf(writer, 'respite'),
          body: `A thought from the ${who}.`,
        });
        expect(thread.status).toBe(201);
      }

      // Nobody is named yet.
      const before = await people.carer.get(`/api/documents/${doc.id}/credits`);
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        credits: [],
        unnamedCount: 4,
        unnamedByRole: [
          { role: 'admin', count: 1 },
          { role: 'editor', count: 1 },
          { role: 'expert', count: 1 },
          { role: 'carer', count: 1 },
        ],
      });

      // The expert and the carer agree to be named, the carer under the name she chose.
      const credit = (body: object) => ({ creditByName: true, ...body });
      expect(
        (await people.expert.request('PATCH', `/api/workspaces/${team.workspaceId}/members/me/credit`, credit({})))
          .status,
      ).toBe(200);
      expect(
        (
          await people.carer.request(
            'PATCH',
            `/api/workspaces/${team.workspaceId}/members/me/credit`,
            credit({ creditName: 'Mary from Leeds' }),
          )
        ).status,
      ).toBe(200);
      const named = await people.admin.get(`/api/documents/${doc.id}/credits`);
      expect(named.body).toEqual({
        credits: [
          { name: 'expert person', role: 'Practice expert or researcher', contributions: ['wrote'] },
          { name: 'Mary from Leeds', role: 'Carer', contributions: ['quoted'] },
        ],
        unnamedCount: 2,
        unnamedByRole: [
          { role: 'admin', count: 1 },
          { role: 'editor', count: 1 },
        ],
        acknowledgements: [
          'Writing: expert person (Practice expert or researcher).',
          'In their own words: Mary from Leeds (Carer).',
          'With thanks also to one admin and one editor who preferred not to be named.',
        ],
      });

      // She takes back consent to be quoted: her words leave the document, and so does her credit for them.
      const consent = {
        podcast: true,
        publicationQuotes: false,
        audience: 'public',
        wordingVersion: currentConsentVersion,
      };
      expect((await people.carer.request('PUT', `/api/clips/${up.body.id}/consent`, consent)).status).toBe(200);
      const after = await people.admin.get(`/api/documents/${doc.id}/credits`);
      expect(after.body.credits.map((c: { name: string }) => c.name)).toEqual(['expert person']);
      expect(after.body.unnamedCount).toBe(2);
    } finally {
      await audio.cleanup();
    }

    // Outsiders and unknown ids learn nothing.
    expect((await outsider.client.get(`/api/documents/${doc.id}/credits`)).status).toBe(404);
    expect((await people.admin.get(`/api/documents/00000000-0000-4000-8000-000000000000/credits`)).status).toBe(404);
    expect((await people.admin.get(`/api/documents/not-an-id/credits`)).status).toBe(400);
  });
});
