import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentWordings, currentConsentVersion } from '../../shared/contracts/clips';
import { testAudioForThisFile } from '../support/audio';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { startServer, type TestServer } from '../support/startServer';

const audio = testAudioForThisFile();

/**
 * Consent wording version 2 (issue 14 item 7): new consents are given under it, a page still showing version 1
 * is told to read the words again, and a consent given under version 1 keeps saying version 1, so the person sees
 * the words they agreed to, until they choose again.
 */
describe('consent wording versions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('gives new consents under version 2 and keeps version 1 on consents given under it', async () => {
    const { ws, people } = await workspaceWithPeople(server.url);
    expect(currentConsentVersion).toBe(2);
    const clip = (await uploadAudio(people.carer, ws.id, audio.files.flac)).body;
    expect(clip.consent.wordingVersion).toBe(2);

    // An upload from a page loaded before version 2: refused with words to act on, nothing stored.
    const stale = await uploadAudio(people.carer, ws.id, audio.files.flac, { fields: { consentVersion: '1' } });
    expect(stale.status).toBe(400);
    expect(JSON.stringify(stale.body.error)).toMatch(/The consent wording has changed since this page was loaded/);
    const choices = { podcast: true, publicationQuotes: false, audience: 'internal' };
    const staleChange = await people.carer.request('PUT', `/api/clips/${clip.id}/consent`, {
      ...choices,
      wordingVersion: 1,
    });
    expect(staleChange.status).toBe(400);

    // A consent given before version 2 existed (as every consent on an older install was).
    await server.chorus.services.db
      .updateTable('clip_consents')
      .set({ wording_version: 1 })
      .where('clip_id', '=', clip.id)
      .execute();
    const old = (await people.editor.get(`/api/clips/${clip.id}`)).body;
    expect(old.consent.wordingVersion).toBe(1);
    expect(consentWordings[old.consent.wordingVersion]?.changeYourMind).toMatch(/Choose “Withdraw” on your/);
    await waitForClip(people.carer, clip.id);

    // Choosing again is under version 2; the version 1 record stays as it was.
    const chosen = await people.carer.request('PUT', `/api/clips/${clip.id}/consent`, {
      ...choices,
      audience: 'public',
      wordingVersion: 2,
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.consent.wordingVersion).toBe(2);
    const records = await server.chorus.services.db
      .selectFrom('clip_consents')
      .select(['kind', 'wording_version'])
      .where('clip_id', '=', clip.id)
      .orderBy('created_at')
      .execute();
    expect(records).toEqual([
      { kind: 'given', wording_version: 1 },
      { kind: 'changed', wording_version: 2 },
    ]);
  });
});
