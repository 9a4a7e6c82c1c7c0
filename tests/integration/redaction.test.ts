import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBytes, uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { everyoneHeardSignsOff, show, type Workspace } from '../support/episodePublishing';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import { rmsLevelDb } from '../support/audio';
import type { TestServer } from '../support/startServer';

const run = promisify(execFile);

/**
 * Issue 10 §1, redaction, end to end on the real server: a clip made with espeak-ng, a transcript with word timings,
 * a published episode rendered by real ffmpeg and a quote of the clip; then the carer strikes out "mother." and every
 * way the word could leave (the transcript as others read it, search, the quote, the episode transcript, the feed,
 * the audio) is checked, the rendered audio measured silent over the stretch with ffmpeg's astats, and undo puts the
 * word back.
 */
const transcript = {
  segments: [
    {
      startSeconds: 0,
      endSeconds: 1.5,
      text: 'I look after my mother.',
      words: [
        { text: 'I', startSeconds: 0, endSeconds: 0.2 },
        { text: 'look', startSeconds: 0.2, endSeconds: 0.5 },
        { text: 'after', startSeconds: 0.5, endSeconds: 0.8 },
        { text: 'my', startSeconds: 0.8, endSeconds: 1 },
        { text: 'mother.', startSeconds: 1, endSeconds: 1.5 },
      ],
    },
    { startSeconds: 1.6, endSeconds: 3, text: 'Some days are long.' },
  ],
};
const STRUCK = { startSeconds: 1, endSeconds: 1.5 };

describe.each(testDatabaseNames)('redaction on %s', (database) => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let people: Workspace['people'];
  let outsider: TestClient;
  let clipId = '';
  let duration = 0;
  let episodeId = '';
  let firstRenderId = '';
  let publicationId = '';
  let redactionId = '';
  let heardBefore = 0;

  const redactions = '/api/clips/CLIP/redactions';
  const path_ = (p: string) => p.replace('CLIP', clipId);
  const latestRender = async () =>
    eventually(
      async () => {
        const r = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
        if (r.status === 'failed') throw new Error(`render failed: ${r.failureReason}`);
        return (r.status === 'passed' || r.status === 'failing') && r;
      },
      120_000,
      'the render',
    );
  const render = async () => {
    expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
    const r = await latestRender();
    expect(r.status).toBe('passed');
    return r as { id: string; transcript: { urls: Record<string, string> } };
  };
  /** RMS level (dB) of a stretch of a render's audio, measured by ffmpeg's astats on the decoded MP3. */
  const rmsOf = async (renderId: string, from: number, to: number) => {
    const audio = await getBytes(people.editor, `/api/episodes/${episodeId}/renders/${renderId}/audio`);
    expect(audio.status).toBe(200);
    const file = path.join(dir, `${renderId}.mp3`);
    await writeFile(file, audio.bytes);
    return rmsLevelDb(file, from, to);
  };
  const words = async (client: TestClient) =>
    ((await client.get(path_('/api/clips/CLIP/transcript'))).body.segments as { text: string }[])
      .map((s) => s.text)
      .join(' ');
  const quoteText = async () =>
    (await people.editor.get(`/api/documents/${publicationId}/quotes`)).body.quotes[0].text as string;

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-redaction-'))]);
    ctx = await workspaceWithPeople(server.url);
    people = ctx.people;
    outsider = (await signedUp(server.url, 'Olly Outsider')).client;
    const wav = path.join(dir, 'carer.wav');
    await run('espeak-ng', ['-w', wav, 'I look after my mother. Some days are long, but the neighbours help.']);
    const up = await uploadAudio(people.carer, ctx.ws.id, wav, {
      title: 'Mornings',
      fields: { podcast: 'true', publicationQuotes: 'true', audience: 'public' },
    });
    expect(up.status).toBe(201);
    const ready = await waitForClip(people.carer, up.body.id, undefined, 60_000);
    expect(ready.status).toBe('ready');
    expect((await people.editor.post(`/api/clips/${ready.id}/review`, { state: 'approved' })).status).toBe(200);
    [clipId, duration] = [ready.id, ready.media.durationSeconds];
    expect((await people.carer.request('PUT', path_('/api/clips/CLIP/transcript'), transcript)).status).toBe(200);

    expect((await people.editor.request('PUT', `/api/workspaces/${ctx.ws.id}/show`, show)).status).toBe(200);
    episodeId = (await people.editor.post(`/api/workspaces/${ctx.ws.id}/episodes`, { title: 'Being heard' })).body.id;
    const timeline = { items: [{ kind: 'clip', clipId, inSeconds: 0, outSeconds: duration }], chapters: [] };
    expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline)).status).toBe(200);
    firstRenderId = (await render()).id;
    heardBefore = await rmsOf(firstRenderId, STRUCK.startSeconds + 0.05, STRUCK.endSeconds - 0.05);
    await everyoneHeardSignsOff(ctx, episodeId);
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);

    publicationId = (
      await people.expert.post(`/api/workspaces/${ctx.ws.id}/documents`, { title: 'Our report', kind: 'publication' })
    ).body.id;
    const quoted = await people.editor.post(`/api/documents/${publicationId}/quotes`, {
      clipId,
      startSeconds: 0,
      endSeconds: 1.5,
    });
    expect(quoted.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets only the contributor and admins strike words out; editors see the stretches; others are refused', async () => {
    expect((await people.editor.post(path_(redactions), STRUCK)).status).toBe(403);
    expect((await people.expert.post(path_(redactions), STRUCK)).status).toBe(403);
    expect((await people.carer2.post(path_(redactions), STRUCK)).status).toBe(403);
    expect((await people.expert.get(path_(redactions))).status).toBe(403);
    expect((await people.carer2.get(path_(redactions))).status).toBe(403);
    expect((await outsider.get(path_(redactions))).status).toBe(404);
    expect((await outsider.post(path_(redactions), STRUCK)).status).toBe(404);
    const listed = await people.editor.get(path_(redactions));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ redactions: [], canRedact: false });
    expect((await people.carer.get(path_(redactions))).body.canRedact).toBe(true);
  });

  it('checks the stretch: it ends after it starts, inside the recording', async () => {
    const backwards = await people.carer.post(path_(redactions), { startSeconds: 2, endSeconds: 1 });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body.error.fields)).toMatch(/end must come after the start/);
    const past = await people.carer.post(path_(redactions), { startSeconds: 1, endSeconds: duration + 5 });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toMatch(/recording ends at/);
    expect((await people.carer.post(path_(redactions), { startSeconds: 'soon', endSeconds: 2 })).status).toBe(400);
  });

  it('strikes the words out of everything anyone else reads, keeping them for the contributor and admins', async () => {
    expect(await words(people.editor)).toContain('mother');
    const struck = await people.carer.post(path_(redactions), STRUCK);
    expect(struck.status).toBe(201);
    expect(struck.body).toMatchObject({ ...STRUCK, text: 'mother.' });
    redactionId = struck.body.id;
    expect((await people.carer.post(path_(redactions), { startSeconds: 1.2, endSeconds: 2 })).status).toBe(409);

    for (const who of [people.editor, people.expert, people.carer2, people.carer])
      expect(await words(who)).toBe('I look after my Some days are long.');
    const seen = (await people.editor.get(path_(redactions))).body.redactions;
    expect(seen).toEqual([{ id: redactionId, clipId, ...STRUCK, at: expect.any(String) }]);
    const own = (await people.carer.get(path_(redactions))).body.redactions[0];
    expect(own).toMatchObject({ text: 'mother.', by: ctx.ids.carer });
    expect((await people.admin.get(path_(redactions))).body.redactions[0].text).toBe('mother.');

    const search = async (q: string) =>
      (await people.editor.get(`/api/workspaces/${ctx.ws.id}/search?q=${q}`)).body.results as { id: string }[];
    expect((await search('mother')).filter((r) => r.id === clipId)).toEqual([]);
    expect((await search('look')).map((r) => r.id)).toContain(clipId);

    await eventually(async () => (await quoteText()) === 'I look after my', 10_000, 'the quote to lose the word');
  });

  it('flags the episode, takes it out of the feed and refuses the old render until it is rendered again', async () => {
    const episode = await eventually(
      async () => {
        const e = (await people.editor.get(`/api/episodes/${episodeId}`)).body;
        return e.needsRerender && e;
      },
      10_000,
      'the flag',
    );
    expect(episode.rerenderReason).toMatch(/“Mornings” struck out some words/);
    const feed = await fetch(`${server.url}/feeds/${ctx.ws.id}/podcast.xml`).then((r) => r.text());
    expect(feed).not.toContain('<item>');
    const old = await people.editor.get(`/api/episodes/${episodeId}/renders/${firstRenderId}/audio`);
    expect(old.status).toBe(403);
    const notices = (await people.editor.get('/api/notifications')).body;
    expect(JSON.stringify(notices)).toMatch(/needs your attention/);
  });

  it('renders the struck stretch silent, with a transcript without the words, and the feed serves it again', async () => {
    expect(heardBefore).toBeGreaterThan(-40); // the first render, before the strike, was heard there
    const second = await render();
    const inside = await rmsOf(second.id, STRUCK.startSeconds + 0.05, STRUCK.endSeconds - 0.05);
    const around = await rmsOf(second.id, 0.1, 0.9);
    expect(inside).toBeLessThan(-60);
    expect(around).toBeGreaterThan(-40);
    const vtt = await (
      await fetch(server.url + second.transcript.urls.vtt!, { headers: { cookie: people.editor.cookie! } })
    ).text();
    expect(vtt).toContain('I look after my');
    expect(vtt).not.toContain('mother');
    expect((await people.editor.get(`/api/episodes/${episodeId}`)).body.needsRerender).toBe(false);
    const feed = await fetch(`${server.url}/feeds/${ctx.ws.id}/podcast.xml`).then((r) => r.text());
    expect(feed).toContain(`/renders/${second.id}.mp3`);
  }, 180_000);

  it('puts the words back on undo (the contributor’s alone), and says the episode may be rendered again', async () => {
    const gone = `${path_(redactions)}/${redactionId}`;
    expect((await people.editor.request('DELETE', gone)).status).toBe(403);
    expect((await people.carer.request('DELETE', gone)).status).toBe(204);
    expect((await people.carer.request('DELETE', gone)).status).toBe(404);
    expect(await words(people.editor)).toBe('I look after my mother. Some days are long.');
    expect((await people.carer.get(path_(redactions))).body.redactions).toEqual([]);
    await eventually(
      async () =>
        /put back words/.test((await people.editor.get(`/api/episodes/${episodeId}`)).body.rerenderReason ?? ''),
      10_000,
      'the flag after undo',
    );
    const third = await render();
    expect(await rmsOf(third.id, STRUCK.startSeconds + 0.05, STRUCK.endSeconds - 0.05)).toBeGreaterThan(-40);
    const search = (await people.editor.get(`/api/workspaces/${ctx.ws.id}/search?q=mother`)).body.results;
    expect(search.map((r: { id: string }) => r.id)).toContain(clipId);
  }, 180_000);
});
