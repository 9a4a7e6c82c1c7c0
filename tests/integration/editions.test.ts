import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorExtensions } from '../../shared/editor/schema';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument } from '../support/collabFixtures';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { spokenWav, twoSegments } from '../support/transcripts';
import { currentConsentVersion } from '../../shared/contracts/clips';

/**
 * Issue 11 §4 and issue 12 §2 on the real server: an edition published from a named version, its four files made by
 * the export jobs, waiting for the sign-off of the carer quoted in it, then public; numbered; unpublished; and taken
 * down at once, its files deleted and its editors told, when the quoted carer withdraws the recording.
 */
const body = 'Carers told us what helps them most.';

describe.each(testDatabaseNames)('published editions on %s', (database) => {
  let server: TestServer;
  let team: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let people: typeof team.people;
  let documentId = '';
  let versionId = '';
  let clipId = '';
  let first = { id: '', publicUrl: '' };
  const collabs: CollabClient[] = [];

  const page = async (url: string) => {
    const res = await fetch(server.url + url);
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const edition = async (client: TestClient, id: string) => {
    const res = await client.get(`/api/editions/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const settled = (client: TestClient, id: string, status: string) =>
    eventually(
      async () => {
        await new Promise((r) => setTimeout(r, 200));
        const e = await edition(client, id);
        expect(['failed', 'withdrawn'].includes(e.status) && e.status !== status).toBe(false);
        return e.status === status && e;
      },
      60_000,
      `the edition to be ${status}`,
    );
  const noticesOf = async (client: TestClient) =>
    ((await client.get('/api/notifications')).body.notifications as { text: string; link: string }[]) ?? [];

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    people = team.people;
    const wav = await spokenWav('I look after my mother. Some days are long, but the neighbours help.');
    try {
      const up = await uploadAudio(people.carer, team.ws.id, wav.file, {
        title: 'Mornings',
        fields: { podcast: 'true', publicationQuotes: 'true', audience: 'public' },
      });
      expect(up.status).toBe(201);
      const ready = await waitForClip(people.carer, up.body.id, undefined, 60_000);
      expect(ready.status).toBe('ready');
      clipId = ready.id;
    } finally {
      await wav.cleanup();
    }
    expect((await people.carer.request('PUT', `/api/clips/${clipId}/transcript`, twoSegments)).status).toBe(200);

    documentId = (await newDocument(people.editor, team.ws.id, 'What helps')).id;
    const collab = await CollabClient.open(server.url, people.editor.cookie);
    collabs.push(collab);
    const doc = await collab.join(documentId);
    const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] };
    Y.applyUpdate(doc.ydoc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(editorExtensions), json, 'default')));
    await eventually(
      async () => (await people.editor.get(`/api/documents/${documentId}/content`)).body.json?.content?.length === 1,
      10_000,
      'the text on the server',
    );
    const quote = await people.editor.post(`/api/documents/${documentId}/quotes`, {
      clipId,
      startSeconds: 0.5,
      endSeconds: 1.5,
    });
    expect(quote.status).toBe(201);
    const version = await people.editor.post(`/api/documents/${documentId}/versions`, { name: 'For the launch' });
    expect(version.status).toBe(201);
    versionId = version.body.id;
  }, 180_000);

  afterAll(async () => {
    for (const c of collabs) c.close();
    await server?.stop();
  });

  it('refuses what is not right: 400 for a bad body, 404 for an unknown version or to outsiders, 403 to members who may not publish', async () => {
    const url = `/api/documents/${documentId}/editions`;
    const noTitle = await people.editor.post(url, { versionId, title: '   ' });
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(noTitle.body)).toContain('Give the edition a title.');
    expect((await people.editor.post(url, { versionId: 'nope', title: 'A' })).status).toBe(400);
    const unknown = await people.editor.post(url, { versionId: crypto.randomUUID(), title: 'A' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/could not find that version of this document/);
    const expert = await people.expert.post(url, { versionId, title: 'A' });
    expect(expert.status).toBe(403);
    expect(expert.body.error.message).toMatch(/Only admins and editors can publish/);
    const outsider = (await signedUp(server.url, 'Olive Outsider')).client;
    expect((await outsider.post(url, { versionId, title: 'A' })).status).toBe(404);
    expect((await outsider.get(url)).status).toBe(404);
    expect((await people.editor.get(url)).body.editions).toEqual([]);
  });

  it('publishes an edition from a named version once the quoted carer has approved their quote in context', async () => {
    const created = await people.editor.post(`/api/documents/${documentId}/editions`, {
      versionId,
      title: 'What helps: first edition',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      status: 'preparing',
      versionId,
      title: 'What helps: first edition',
    });
    first = created.body;
    expect((await page(first.publicUrl)).status).toBe(404);

    // The files are made; the edition waits for the carer quoted in it.
    const waiting = await settled(people.editor, first.id, 'pending_signoff');
    expect(waiting.files.map((f: { format: string; ready: boolean }) => [f.format, f.ready])).toEqual([
      ['html', true],
      ['pdf', true],
      ['docx', true],
      ['epub', true],
    ]);
    expect(waiting.signoffsWaiting).toBe(1);
    const notFoundYet = await page(first.publicUrl);
    expect(notFoundYet.status).toBe(404);
    expect(notFoundYet.text).toContain('We could not find that publication');

    const signoffs = await people.expert.get(`/api/editions/${first.id}/signoffs`);
    expect(signoffs.body).toMatchObject({ complete: false, enabled: true });
    expect(signoffs.body.required).toEqual([expect.objectContaining({ userId: team.ids.carer, state: 'pending' })]);
    expect((await people.carer2.post(`/api/editions/${first.id}/signoffs/me`, { decision: 'approved' })).status).toBe(
      403,
    );
    expect((await people.carer.post(`/api/editions/${first.id}/signoffs/me`, { decision: 'maybe' })).status).toBe(400);
    const asked = await eventually(
      async () => (await noticesOf(people.carer)).find((n) => n.link === `/editions/${first.id}/signoff`),
      10_000,
      'the carer asked to sign off',
    );
    expect(asked.text).toMatch(/quoted in the edition “What helps: first edition”/);
    const mine = await people.carer.get(`/api/editions/${first.id}/signoffs/me`);
    expect(mine.body).toMatchObject({ quoted: true, signoff: { state: 'pending' } });
    expect(mine.body.quotes).toEqual([
      expect.objectContaining({ clipTitle: 'Mornings', text: 'after my mother.', before: body, after: null }),
    ]);

    const approved = await people.carer.post(`/api/editions/${first.id}/signoffs/me`, { decision: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body.complete).toBe(true);
    const published = await edition(people.editor, first.id);
    expect(published.status).toBe('published');

    const pub = await page(first.publicUrl);
    expect(pub.status).toBe(200);
    expect(pub.text).toContain(body);
    expect(pub.text).toContain('“after my mother.”');
    expect(pub.text).toContain('Edition 1');
    const nonce = /style-src 'nonce-([^']+)'/.exec(pub.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(pub.text).toContain(`<style nonce="${nonce}">`);
    for (const format of ['pdf', 'docx', 'epub', 'html'])
      expect(pub.text).toContain(`${first.publicUrl}/files/${format}`);
    const pdf = await fetch(`${server.url}${first.publicUrl}/files/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('numbers editions, holds one back until sign-off unless an admin overrides with a reason, and unpublishes', async () => {
    const second = await people.editor.post(`/api/documents/${documentId}/editions`, { versionId, title: 'Second' });
    expect(second.status).toBe(201);
    expect(second.body.number).toBe(2);
    await settled(people.editor, second.body.id, 'pending_signoff');
    const refused = await people.editor.post(`/api/editions/${second.body.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('signoff_pending');
    const editorOverride = await people.editor.post(`/api/editions/${second.body.id}/publish`, {
      override: { reason: 'The launch is today' },
    });
    expect(editorOverride.status).toBe(403);
    const overridden = await people.admin.post(`/api/editions/${second.body.id}/publish`, {
      override: { reason: 'The launch is today' },
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body).toMatchObject({ status: 'published', override: { reason: 'The launch is today' } });
    expect((await page(second.body.publicUrl)).status).toBe(200);

    expect((await people.expert.post(`/api/editions/${second.body.id}/unpublish`)).status).toBe(403);
    const unpublished = await people.editor.post(`/api/editions/${second.body.id}/unpublish`);
    expect(unpublished.status).toBe(200);
    expect(unpublished.body.status).toBe('unpublished');
    const gone = await page(second.body.publicUrl);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('We could not find that publication');
    expect((await page(`${second.body.publicUrl}/files/pdf`)).status).toBe(404);
    expect((await people.editor.post(`/api/editions/${second.body.id}/unpublish`)).status).toBe(409);
    const list = await people.carer.get(`/api/documents/${documentId}/editions`);
    expect(list.body.editions.map((e: { number: number; status: string }) => [e.number, e.status])).toEqual([
      [2, 'unpublished'],
      [1, 'published'],
    ]);
  });

  it('takes an edition off its public page at once when its quoted clip is withdrawn: files deleted, editors told', async () => {
    const { services } = server.chorus;
    const keysOf = async (id: string) => {
      const row = (await services.editions.find(id))!;
      const exports = await Promise.all(
        Object.values(JSON.parse(row.files) as Record<string, string>).map((e) => services.documentExports.find(e)),
      );
      return exports.map((e) => e?.blob_key ?? null);
    };
    const keys = await keysOf(first.id);
    expect(keys.every((k) => k !== null)).toBe(true);
    for (const key of keys) expect(await services.blobs.head(key!)).not.toBeNull();

    expect((await people.carer.post(`/api/clips/${clipId}/withdraw`)).status).toBe(200);
    const revised = await page(first.publicUrl);
    expect(revised.status).toBe(404);
    expect(revised.text).toContain('This publication is being revised');
    expect((await page(`${first.publicUrl}/files/pdf`)).status).toBe(404);

    const withdrawn = await settled(people.editor, first.id, 'withdrawn');
    expect(withdrawn.reason).toMatch(/“Mornings”, quoted in this edition, was withdrawn/);
    for (const key of keys) expect(await services.blobs.head(key!)).toBeNull();
    expect(await keysOf(first.id)).toEqual([null, null, null, null]);
    const told = await eventually(
      async () =>
        (await noticesOf(people.editor)).find((n) =>
          n.text.startsWith('Edition 1 of “What helps: first edition” was taken down'),
        ),
      10_000,
      'the editor told',
    );
    expect(told.link).toBe(`/d/${documentId}`);
    // The unpublished edition quoting the same voice lost its files too.
    const list = await people.editor.get(`/api/documents/${documentId}/editions`);
    expect(list.body.editions.map((e: { status: string }) => e.status)).toEqual(['withdrawn', 'withdrawn']);
  });

  it('takes an edition down too when a quoted carer narrows consent to members only', async () => {
    const wav = await spokenWav('I look after my mother. Some days are long, but the neighbours help.');
    let joeClip: string;
    try {
      const up = await uploadAudio(people.carer2, team.ws.id, wav.file, {
        title: 'Evenings',
        fields: { podcast: 'true', publicationQuotes: 'true', audience: 'public' },
      });
      joeClip = (await waitForClip(people.carer2, up.body.id, undefined, 60_000)).id;
    } finally {
      await wav.cleanup();
    }
    expect((await people.carer2.request('PUT', `/api/clips/${joeClip}/transcript`, twoSegments)).status).toBe(200);
    const doc = (await newDocument(people.editor, team.ws.id, 'Evenings')).id;
    expect(
      (
        await people.editor.post(`/api/documents/${doc}/quotes`, {
          clipId: joeClip,
          startSeconds: 0.5,
          endSeconds: 1.5,
        })
      ).status,
    ).toBe(201);
    const version = (await people.editor.post(`/api/documents/${doc}/versions`, { name: 'Ready' })).body.id;
    const made = await people.editor.post(`/api/documents/${doc}/editions`, { versionId: version, title: 'Evenings' });
    expect(made.body.number).toBe(1);
    await settled(people.editor, made.body.id, 'pending_signoff');
    expect(
      (await people.carer2.post(`/api/editions/${made.body.id}/signoffs/me`, { decision: 'approved' })).status,
    ).toBe(200);
    expect((await page(made.body.publicUrl)).status).toBe(200);

    const membersOnly = {
      podcast: true,
      publicationQuotes: true,
      audience: 'internal',
      wordingVersion: currentConsentVersion,
    };
    expect((await people.carer2.request('PUT', `/api/clips/${joeClip}/consent`, membersOnly)).status).toBe(200);
    const revised = await page(made.body.publicUrl);
    expect(revised.status).toBe(404);
    expect(revised.text).toContain('This publication is being revised');
    const withdrawn = await settled(people.editor, made.body.id, 'withdrawn');
    expect(withdrawn.reason).toMatch(/no longer agrees to anyone reading their words/);
    expect(withdrawn.files.every((f: { ready: boolean }) => !f.ready)).toBe(true);
  });
  it('numbers two editions asked for at the same moment one after the other, never the same number twice', async () => {
    const doc = (await newDocument(people.editor, team.ws.id, 'Launch day')).id;
    const version = await people.editor.post(`/api/documents/${doc}/versions`, { name: 'Final' });
    expect(version.status).toBe(201);
    const made = await Promise.all(
      ['Morning', 'Evening'].map((title) =>
        people.editor.post(`/api/documents/${doc}/editions`, { versionId: version.body.id, title }),
      ),
    );
    expect(made.map((m) => m.status)).toEqual([201, 201]);
    expect(made.map((m) => m.body.number).sort()).toEqual([1, 2]);
  });
});
