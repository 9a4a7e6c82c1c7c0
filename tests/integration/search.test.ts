import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually, typeAndSave } from '../support/collabClient';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { carersClip, putTranscript, spokenWav, type ReadyClip, type Team } from '../support/transcripts';

/**
 * Workspace search on each database: a real clip (espeak-ng, processed) with a transcript PUT at known times, a
 * document typed over `/collab`, an episode's notes; and a second workspace whose words must never show.
 */
let speech: Awaited<ReturnType<typeof spokenWav>>;
beforeAll(async () => {
  speech = await spokenWav('The respite care on Tuesdays gives me a break. The neighbours help too.');
});
afterAll(() => speech?.cleanup());

describe.each(testDatabaseNames)('search on %s', (database) => {
  let server: TestServer;
  let team: Team;
  let clip: ReadyClip;
  let documentId: string;
  let episodeId: string;
  let otherWorkspaceId: string;
  let outsider: TestClient;
  const sockets: CollabClient[] = [];
  const search = (who: TestClient, q: string, workspaceId = team.ws.id) =>
    who.get(`/api/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}`);
  const found = async (who: TestClient, q: string) =>
    ((await search(who, q)).body.results as Array<{ kind: string; id: string }>).map((r) => `${r.kind}:${r.id}`);

  const typeInto = (who: TestClient, docId: string, text: string) =>
    typeAndSave(server.url, who.cookie, docId, text, (client) => sockets.push(client));

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    clip = await carersClip(team, speech.file, 'Tuesdays');
    const put = await putTranscript(team.people.carer, clip.id, {
      segments: [
        { startSeconds: 0, endSeconds: 2.5, text: 'The respite care on Tuesdays gives me a break.' },
        { startSeconds: 2.75, endSeconds: 4, text: 'The neighbours help too.' },
      ],
    });
    expect(put.status).toBe(200);
    const doc = await team.people.editor.post(`/api/workspaces/${team.ws.id}/documents`, {
      title: 'Chapter one',
      kind: 'publication',
    });
    documentId = doc.body.id;
    await typeInto(team.people.editor, documentId, 'Carers told us that respite is rare and precious.');
    const episode = await team.people.editor.post(`/api/workspaces/${team.ws.id}/episodes`, {
      title: 'Finding a break',
      description: 'Three carers on respite, and what helps.',
    });
    episodeId = episode.body.id;

    const otherAdmin = await signedUp(server.url, 'Other Admin');
    otherWorkspaceId = (await otherAdmin.client.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
    const theirs = await otherAdmin.client.post(`/api/workspaces/${otherWorkspaceId}/documents`, {
      title: 'Their respite notes',
      kind: 'script',
    });
    await typeInto(otherAdmin.client, theirs.body.id, 'Respite elsewhere, never to be seen by the first team.');
    outsider = (await signedUp(server.url, 'Olly Outsider')).client;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop();
  });

  it('finds a word in a clip transcript, a document and an episode, for any member', async () => {
    const res = await search(team.people.expert, 'respite');
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(3);
    const byKind = Object.fromEntries(res.body.results.map((r: { kind: string }) => [r.kind, r]));
    expect(byKind.clip).toEqual({
      kind: 'clip',
      id: clip.id,
      title: 'Tuesdays',
      snippet: 'The respite care on Tuesdays gives me a break.',
      atSeconds: 0,
    });
    expect(byKind.document).toMatchObject({
      id: documentId,
      title: 'Chapter one',
      snippet: expect.stringMatching(/respite/),
    });
    expect(byKind.episode).toMatchObject({ id: episodeId, title: 'Finding a break' });
    expect(await found(team.people.carer2, 'respite')).toHaveLength(3);
  });

  it('finds a word by its stem, says where in the clip it is said, and needs every word of the search', async () => {
    const res = await search(team.people.carer, 'neighbour');
    expect(res.body.results).toEqual([
      expect.objectContaining({ kind: 'clip', id: clip.id, atSeconds: 2.75, snippet: 'The neighbours help too.' }),
    ]);
    expect(await found(team.people.carer, 'respite Tuesdays')).toEqual([`clip:${clip.id}`]);
    expect(await found(team.people.carer, 'respite nowhere')).toEqual([]);
    // Punctuation and FTS syntax are only words here.
    expect((await search(team.people.carer, '"respite" OR (NEAR')).status).toBe(200);
  });

  it('finds what was written a moment ago, live or through PUT', async () => {
    await typeInto(team.people.admin, documentId, 'Overnight sitters came up again. ');
    expect(await found(team.people.expert, 'sitters')).toEqual([`document:${documentId}`]);
    await putTranscript(team.people.editor, clip.id, {
      segments: [{ startSeconds: 0.5, endSeconds: 2.5, text: 'Respite on Tuesdays, and a sitter on Fridays.' }],
    });
    const res = await search(team.people.expert, 'fridays');
    expect(res.body.results).toEqual([expect.objectContaining({ kind: 'clip', atSeconds: 0.5 })]);
    expect(await found(team.people.expert, 'neighbours')).toEqual([]);
  });

  it('does not find words only suggested, not yet part of the text', async () => {
    const client = await CollabClient.open(server.url, team.people.editor.cookie);
    sockets.push(client);
    const doc = await client.join(documentId);
    await doc.whenSynced();
    doc.ydoc.transact(() => {
      const text = (doc.body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      // As the editor writes a suggested insertion: its mark as a formatting attribute of the words.
      text.insert(0, 'Weekend minders. ', { insertion: { id: 'suggested-1' } });
    });
    await eventually(() => client.saved.some((s) => s.docId === documentId && s.through >= 2), 5000, 'the suggestion');
    expect(await found(team.people.expert, 'minders')).toEqual([]);
    expect(await found(team.people.expert, 'rare')).toEqual([`document:${documentId}`]);
  });

  it('never shows another workspace’s words, and answers outsiders 404', async () => {
    expect(JSON.stringify((await search(team.people.admin, 'elsewhere')).body)).toBe('{"results":[]}');
    expect((await search(outsider, 'respite')).status).toBe(404);
    expect((await search(team.people.admin, 'respite', otherWorkspaceId)).status).toBe(404);
    expect((await search(team.people.admin, '')).status).toBe(400);
  });

  it('never finds a withdrawn clip', async () => {
    expect(await found(team.people.editor, 'tuesdays')).toContain(`clip:${clip.id}`);
    expect((await team.people.carer.post(`/api/clips/${clip.id}/withdraw`, {})).status).toBe(200);
    for (const who of [team.people.carer, team.people.admin, team.people.editor])
      expect(await found(who, 'tuesdays')).toEqual([]);
    expect((await found(team.people.editor, 'respite')).sort()).toEqual(
      [`document:${documentId}`, `episode:${episodeId}`].sort(),
    );
  });
});
