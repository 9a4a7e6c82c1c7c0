import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { typeAndSave, type CollabClient } from '../support/collabClient';
import type { TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { carersClip, putTranscript, spokenWav, twoSegments, type ReadyClip, type Team } from '../support/transcripts';

/**
 * A search compares the workspace's sources with the index only when triggers noted a change since the last
 * catch-up (docs/decisions/0008-search-index-caught-up-before-each-search.md). Each way text changes is made right
 * after a search that left nothing to compare, and the next search must see it: a redaction, a transcript PUT, typing
 * in a document, a document and an episode renamed, episode notes, a new document, a withdrawal.
 */
let speech: Awaited<ReturnType<typeof spokenWav>>;
beforeAll(async () => {
  speech = await spokenWav('I look after my mother. Some days are long.');
});
afterAll(() => speech?.cleanup());

describe.each(testDatabaseNames)('search after each kind of change on %s', (database) => {
  let server: TestServer;
  let team: Team;
  let clip: ReadyClip;
  let documentId: string;
  let episodeId: string;
  const sockets: CollabClient[] = [];
  const found = async (q: string, who?: TestClient) => {
    const res = await (who ?? team.people.editor).get(
      `/api/workspaces/${team.ws.id}/search?q=${encodeURIComponent(q)}`,
    );
    expect(res.status).toBe(200);
    return (res.body.results as Array<{ kind: string; id: string }>).map((r) => `${r.kind}:${r.id}`);
  };
  /** A search that leaves nothing noted: the change that follows is the only one the next search can see. */
  const settled = async (q: string) => {
    const before = await found(q);
    expect(await server.chorus.services.search.changed(team.ws.id)).toBe(false);
    return before;
  };

  const typeInto = (who: TestClient, docId: string, text: string) =>
    typeAndSave(server.url, who.cookie, docId, text, (client) => sockets.push(client));

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    clip = await carersClip(team, speech.file, 'Mornings');
    // "I look after my mother.", with the times of its words.
    const words = { segments: twoSegments.segments.slice(0, 1) };
    expect((await putTranscript(team.people.carer, clip.id, words)).status).toBe(200);
    const doc = await team.people.editor.post(`/api/workspaces/${team.ws.id}/documents`, {
      title: 'Chapter one',
      kind: 'publication',
    });
    documentId = doc.body.id;
    await typeInto(team.people.editor, documentId, 'Carers told us about long days.');
    episodeId = (
      await team.people.editor.post(`/api/workspaces/${team.ws.id}/episodes`, {
        title: 'Harbour lights',
        description: 'Three carers on their days.',
      })
    ).body.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop();
  });

  it('compares nothing while nothing changed, and once after a change', async () => {
    await settled('long');
    const compared = vi.spyOn(server.chorus.services.search, 'exclusively');
    try {
      await found('long');
      await found('days');
      expect(compared).not.toHaveBeenCalled();
      expect((await team.people.editor.patch(`/api/episodes/${episodeId}`, { title: 'Harbour lamps' })).status).toBe(
        200,
      );
      expect(await found('lamps')).toEqual([`episode:${episodeId}`]);
      await found('lamps');
      expect(compared).toHaveBeenCalledTimes(1);
    } finally {
      compared.mockRestore();
    }
  });

  it('a redaction', async () => {
    expect(await settled('mother')).toEqual([`clip:${clip.id}`]);
    expect(
      (await team.people.carer.post(`/api/clips/${clip.id}/redactions`, { startSeconds: 1, endSeconds: 1.5 })).status,
    ).toBe(201);
    expect(await found('mother')).toEqual([]);
    expect(await found('look')).toEqual([`clip:${clip.id}`]);
  });

  it('a transcript put', async () => {
    expect(await settled('kettle')).toEqual([]);
    const put = await putTranscript(team.people.carer, clip.id, {
      // After the stretch struck out above.
      segments: [{ startSeconds: 1.6, endSeconds: 2.5, text: 'The kettle is always on.' }],
    });
    expect(put.status).toBe(200);
    expect(await found('kettle')).toEqual([`clip:${clip.id}`]);
    expect(await found('look')).toEqual([]);
  });

  it('typing in a document', async () => {
    expect(await settled('lanterns')).toEqual([]);
    // Typed at the end of the paragraph: the space keeps it a word of its own.
    await typeInto(team.people.admin, documentId, ' Lanterns in the window.');
    expect(await found('lanterns')).toEqual([`document:${documentId}`]);
  });

  it('a document renamed', async () => {
    expect(await settled('almanac')).toEqual([]);
    expect((await team.people.editor.patch(`/api/documents/${documentId}`, { title: 'Winter almanac' })).status).toBe(
      200,
    );
    expect(await found('almanac')).toEqual([`document:${documentId}`]);
  });

  it('an episode renamed, and its notes changed', async () => {
    expect(await settled('lamps')).toEqual([`episode:${episodeId}`]);
    expect((await team.people.editor.patch(`/api/episodes/${episodeId}`, { title: 'Quiet evenings' })).status).toBe(
      200,
    );
    expect(await found('lamps')).toEqual([]);
    expect(await found('evenings')).toEqual([`episode:${episodeId}`]);
    await settled('evenings');
    expect(
      (await team.people.editor.patch(`/api/episodes/${episodeId}`, { description: 'Neighbours and a sitter.' }))
        .status,
    ).toBe(200);
    expect(await found('sitter')).toEqual([`episode:${episodeId}`]);
  });

  it('a new document', async () => {
    expect(await settled('gardening')).toEqual([]);
    const doc = await team.people.editor.post(`/api/workspaces/${team.ws.id}/documents`, {
      title: 'Gardening notes',
      kind: 'script',
    });
    expect(await found('gardening')).toEqual([`document:${doc.body.id}`]);
  });

  it('a withdrawal', async () => {
    expect(await settled('kettle')).toEqual([`clip:${clip.id}`]);
    expect((await team.people.carer.post(`/api/clips/${clip.id}/withdraw`, {})).status).toBe(200);
    for (const who of [team.people.carer, team.people.admin, team.people.editor])
      expect(await found('kettle', who)).toEqual([]);
  });
});
