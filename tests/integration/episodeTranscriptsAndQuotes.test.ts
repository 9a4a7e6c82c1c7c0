import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import htmlEntities from 'webvtt-parser/html-entities.json';
import * as Y from 'yjs';
import type { QuoteRemovedEvent } from '../../shared/realtime/events';
import { joinedSocket, uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually } from '../support/collabClient';
import { everyoneHeardSignsOff, show, type Workspace } from '../support/episodePublishing';
import type { TestClient } from '../support/httpClient';
import { readPodcastFeed } from '../support/podcastFeedReader';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import { twoSegments } from '../support/transcripts';
import type { TestServer } from '../support/startServer';
import { currentConsentVersion } from '../../shared/contracts/clips';

const run = promisify(execFile);

/**
 * Issue 10 §3 and §4 end to end on the real server: clips made with espeak-ng, transcripts PUT with known times, a
 * timeline with an intro, a trim and a crossfade, a real render; the episode transcript's cue times checked
 * against where each stretch lands (±0.1 s) with the W3C validator's WebVTT parser, the feed read by independent
 * parsers; a quote refused without consent, inserted (seen live by a real socket.io-client + yjs client), exported,
 * then taken out everywhere when the speaker withdraws.
 */
const INTRO = 4;
const TRIM_A = 0.5;
const CROSSFADE = 1;

/** Mary's two timed segments (tests/support/transcripts.ts), her speaker named as she would name herself. */
const maryTranscript = { ...twoSegments, speakers: { carer: 'Mary' } };
const joeTranscript = {
  segments: [
    { startSeconds: 0.2, endSeconds: 1.8, text: 'My husband has dementia.' },
    { startSeconds: 2, endSeconds: 3.2, text: 'I wish someone had told me sooner.' },
  ],
};

describe.each(testDatabaseNames)('episode transcripts and quotes on %s', (database) => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let people: Workspace['people'];
  let mary = { id: '', duration: 0 };
  let joe = { id: '', duration: 0 };
  let episodeId = '';
  let render: { id: string; status: string; transcript: { urls: Record<string, string>; missing: unknown[] } };
  let publicationId = '';
  let quoteId = '';
  const collabs: CollabClient[] = [];

  const clipOf = async (who: 'carer' | 'carer2', words: string, title: string) => {
    const file = path.join(dir, `${who}.wav`);
    await run('espeak-ng', ['-w', file, words]);
    const up = await uploadAudio(people[who], ctx.ws.id, file, {
      title,
      fields: { podcast: 'true', publicationQuotes: 'true', audience: 'public' },
    });
    expect(up.status).toBe(201);
    const ready = await waitForClip(people[who], up.body.id, undefined, 60_000);
    expect(ready.status).toBe('ready');
    expect((await people.editor.post(`/api/clips/${ready.id}/review`, { state: 'approved' })).status).toBe(200);
    return { id: ready.id as string, duration: ready.media.durationSeconds as number };
  };
  const text = async (client: TestClient | null, url: string) => {
    const res = await fetch(server.url + url, { headers: client?.cookie ? { cookie: client.cookie } : {} });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const exportHtml = async (documentId: string) => {
    const started = await people.expert.post(`/api/documents/${documentId}/exports`, { format: 'html' });
    expect(started.status).toBe(202);
    await eventually(
      async () => (await people.expert.get(`/api/exports/${started.body.id}`)).body.status === 'ready',
      60_000,
      'the export',
    );
    return (await text(people.expert, `/api/exports/${started.body.id}/file`)).body;
  };

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-quotes-'))]);
    ctx = await workspaceWithPeople(server.url);
    people = ctx.people;
    const chord = path.join(dir, 'chord.wav');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=330:d=6', '-ac', '2', chord]);
    const form = new FormData();
    form.append('title', 'Theme');
    form.append('audio', new Blob([new Uint8Array(await readFile(chord))]), 'chord.wav');
    const music = await fetch(`${server.url}/api/workspaces/${ctx.ws.id}/music`, {
      method: 'POST',
      body: form,
      headers: { cookie: people.editor.cookie! },
    }).then((r) => r.json() as Promise<{ id: string }>);
    [mary, joe] = [
      await clipOf('carer', 'I look after my mother. Some days are long, but the neighbours help.', 'Mornings'),
      await clipOf('carer2', 'My husband has dementia. I wish someone had told me sooner.', 'Evenings'),
    ];
    await eventually(
      async () => (await people.editor.get(`/api/music/${music.id}`)).body.status === 'ready',
      30_000,
      'the music',
    );
    expect((await people.carer.request('PUT', `/api/clips/${mary.id}/transcript`, maryTranscript)).status).toBe(200);
    expect((await people.carer2.request('PUT', `/api/clips/${joe.id}/transcript`, joeTranscript)).status).toBe(200);

    expect((await people.editor.request('PUT', `/api/workspaces/${ctx.ws.id}/show`, show)).status).toBe(200);
    episodeId = (await people.editor.post(`/api/workspaces/${ctx.ws.id}/episodes`, { title: 'Being heard' })).body.id;
    const timeline = {
      items: [
        { kind: 'music', assetId: music.id, role: 'intro', inSeconds: 0, outSeconds: INTRO },
        { kind: 'clip', clipId: mary.id, inSeconds: TRIM_A, outSeconds: mary.duration },
        { kind: 'clip', clipId: joe.id, inSeconds: 0, outSeconds: joe.duration, crossfadeSeconds: CROSSFADE },
      ],
      chapters: [],
    };
    expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline)).status).toBe(200);
    expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
    render = await eventually(
      async () => {
        const r = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
        if (r.status === 'failed') throw new Error(`render failed: ${r.failureReason}`);
        return (r.status === 'passed' || r.status === 'failing') && r;
      },
      120_000,
      'the render',
    );
    expect(render.status).toBe('passed');
    publicationId = (
      await people.expert.post(`/api/workspaces/${ctx.ws.id}/documents`, { title: 'Our report', kind: 'publication' })
    ).body.id;
  }, 300_000);

  afterAll(async () => {
    for (const c of collabs) c.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('assembles the episode transcript where each stretch lands, with neutral speaker labels', async () => {
    expect(render.transcript.missing).toEqual([]);
    const vtt = await text(people.expert, render.transcript.urls.vtt!);
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get('content-type')).toMatch(/^text\/vtt/);
    const parsed = new WebVTTParser(htmlEntities).parse(vtt.body, 'metadata');
    expect(parsed.errors).toEqual([]);
    const maryOffset = INTRO - TRIM_A;
    const joeOffset = INTRO + (mary.duration - TRIM_A) - CROSSFADE;
    const cues = parsed.cues.map((c) => ({
      start: c.startTime,
      end: c.endTime,
      voice: c.tree.children[0]?.value,
      text: c.tree.children[0]?.children?.map((n) => n.value).join(''),
    }));
    const expected = [
      // "I" and "look" are cut by the trim at 0.5 s.
      { start: 0.5 + maryOffset, end: 1.5 + maryOffset, voice: 'Carer 1', text: 'after my mother.' },
      { start: 1.6 + maryOffset, end: 3 + maryOffset, voice: 'Carer 1', text: 'Some days are long.' },
      { start: 0.2 + joeOffset, end: 1.8 + joeOffset, voice: 'Carer 2', text: 'My husband has dementia.' },
      { start: 2 + joeOffset, end: 3.2 + joeOffset, voice: 'Carer 2', text: 'I wish someone had told me sooner.' },
    ];
    expect(cues).toHaveLength(expected.length);
    cues.forEach((cue, i) => {
      const want = expected[i]!;
      expect(cue).toMatchObject({ voice: want.voice, text: want.text });
      expect(Math.abs(cue.start - want.start)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(cue.end - want.end)).toBeLessThanOrEqual(0.1);
    });
    const srt = await text(people.carer2, render.transcript.urls.srt!);
    expect(srt.body).toContain('Carer 2: My husband has dementia.');
    const json = JSON.parse((await text(people.carer2, render.transcript.urls.json!)).body);
    expect(json.version).toBe('1.0.0');
    expect(json.segments[0]).toMatchObject({ speaker: 'Carer 1', body: 'after my mother.' });
    expect((await text(null, render.transcript.urls.vtt!)).status).toBe(401);
  });

  it('lists one podcast:transcript per type in the feed, served to anyone with CORS, and names who agreed', async () => {
    const credit = `/api/workspaces/${ctx.ws.id}/members/me/credit`;
    expect((await people.carer.patch(credit, { creditByName: true, creditName: 'Mary O’Brien' })).status).toBe(200);
    await everyoneHeardSignsOff(ctx, episodeId);
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
    const feed = readPodcastFeed((await text(null, `/feeds/${ctx.ws.id}/podcast.xml`)).body);
    expect(feed.wellFormed).toBe(true);
    const base = `${server.url}/feeds/${ctx.ws.id}/episodes/${episodeId}/transcript`;
    const language = show.language.toLowerCase();
    expect(feed.items[0]!.transcripts).toEqual([
      { url: `${base}.vtt`, type: 'text/vtt', language, rel: 'captions' },
      { url: `${base}.json`, type: 'application/json', language },
      { url: `${base}.srt`, type: 'application/x-subrip', language },
    ]);
    for (const t of feed.items[0]!.transcripts) {
      const res = await fetch(t.url!);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('content-type')).toContain(t.type!);
    }
    const vtt = await (await fetch(`${base}.vtt`)).text();
    expect(vtt).toContain('<v Mary O’Brien>after my mother.</v>');
    expect(vtt).toContain('<v Carer 1>My husband has dementia.</v>');
    const page = await text(null, `/shows/${ctx.ws.id}/episodes/${episodeId}`);
    expect(page.body).toContain('I wish someone had told me sooner.');
  });

  it('refuses a quote without quote consent, inserts one with it, live, and exports it as a quotation', async () => {
    const consent = {
      podcast: true,
      publicationQuotes: false,
      audience: 'public',
      wordingVersion: currentConsentVersion,
    };
    expect((await people.carer2.request('PUT', `/api/clips/${joe.id}/consent`, consent)).status).toBe(200);
    const refused = await people.editor.post(`/api/documents/${publicationId}/quotes`, {
      clipId: joe.id,
      startSeconds: 0,
      endSeconds: 2,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/has not agreed to “Evenings” being quoted/);
    const nothing = await people.editor.post(`/api/documents/${publicationId}/quotes`, {
      clipId: mary.id,
      startSeconds: 3.5,
      endSeconds: 4,
    });
    expect(nothing.status).toBe(422);
    // A place by the caret (`at`) must be one the editor gave: not base64, or a place this document does not hold.
    const stretch = { clipId: mary.id, startSeconds: 0.5, endSeconds: 1.5 };
    const garbled = await people.editor.post(`/api/documents/${publicationId}/quotes`, {
      ...stretch,
      at: 'not a place!',
    });
    expect(garbled.status).toBe(400);
    expect(garbled.body.error.fields[0]).toMatchObject({ path: 'at' });
    const other = new Y.Doc();
    other.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    const unknown = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(other.getXmlFragment('default'), 0));
    const unheld = await people.editor.post(`/api/documents/${publicationId}/quotes`, {
      ...stretch,
      at: Buffer.from(unknown).toString('base64'),
    });
    expect(unheld.status).toBe(409);
    expect(unheld.body.error.message).toMatch(/has not reached Chorus yet/);

    const collab = await CollabClient.open(server.url, people.expert.cookie);
    collabs.push(collab);
    const doc = await collab.join(publicationId);
    const created = await people.editor.post(`/api/documents/${publicationId}/quotes`, {
      clipId: mary.id,
      startSeconds: 0.5,
      endSeconds: 1.5,
    });
    expect(created.status).toBe(201);
    quoteId = created.body.quoteId;
    const node = await eventually(
      () =>
        doc.ydoc
          .getXmlFragment('default')
          .toArray()
          .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'clipQuote'),
      10_000,
      'the quote in the live document',
    );
    expect(node.getAttributes()).toMatchObject({ quoteId, clipId: mary.id, text: 'after my mother.', speaker: 'Mary' });
    const listed = await people.expert.get(`/api/documents/${publicationId}/quotes`);
    expect(listed.body.quotes).toEqual([
      {
        quoteId,
        clipId: mary.id,
        text: 'after my mother.',
        state: 'ok',
        startSeconds: 0.5,
        endSeconds: 1.5,
        correctedText: null,
      },
    ]);
    const html = await exportHtml(publicationId);
    expect(html).toMatch(/<blockquote>[\s\S]*“after my mother\.”[\s\S]*— Mary O’Brien[\s\S]*<\/blockquote>/);
  });

  it('says when the quoted transcript was corrected, and takes the new words only when asked', async () => {
    const corrected = structuredClone(maryTranscript);
    corrected.segments[0]!.text = 'I look after my mum.';
    corrected.segments[0]!.words![4]!.text = 'mum.';
    expect((await people.carer.request('PUT', `/api/clips/${mary.id}/transcript`, corrected)).status).toBe(200);
    const listed = await people.editor.get(`/api/documents/${publicationId}/quotes`);
    expect(listed.body.quotes[0]).toMatchObject({ text: 'after my mother.', correctedText: 'after my mum.' });
    const node = () =>
      collabs[0]!.docs
        .get(publicationId)!
        .ydoc.getXmlFragment('default')
        .toArray()
        .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'clipQuote')!;
    expect(node().getAttribute('text')).toBe('after my mother.');
    expect((await people.carer2.post(`/api/documents/${publicationId}/quotes/${quoteId}/refresh`)).status).toBe(403);
    const refreshed = await people.editor.post(`/api/documents/${publicationId}/quotes/${quoteId}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ text: 'after my mum.', correctedText: null });
    await eventually(() => node().getAttribute('text') === 'after my mum.', 10_000, 'the new words live');
  });

  it('takes the quote out everywhere at once when its speaker withdraws', async () => {
    const socket = await joinedSocket(server.url, people.expert, ctx.ws.id);
    const told = new Promise<QuoteRemovedEvent>((resolve) => socket.once('quote:removed', resolve));
    const doc = collabs[0]!.docs.get(publicationId)!;
    expect((await people.carer.post(`/api/clips/${mary.id}/withdraw`)).status).toBe(200);
    expect(await told).toMatchObject({ documentId: publicationId, quoteIds: [quoteId], reason: 'withdrawn' });
    socket.close();
    const node = doc.ydoc
      .getXmlFragment('default')
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'clipQuote')!;
    await eventually(() => node.getAttribute('removed') === 'withdrawn', 10_000, 'the quote taken out live');
    expect(node.getAttributes()).toMatchObject({ text: '', speaker: '' });
    expect((await people.expert.get(`/api/documents/${publicationId}/quotes`)).body.quotes).toEqual([
      {
        quoteId,
        clipId: mary.id,
        text: '',
        state: 'withdrawn',
        startSeconds: 0.5,
        endSeconds: 1.5,
        correctedText: null,
      },
    ]);
    const html = await exportHtml(publicationId);
    expect(html).not.toContain('after my');
    expect(html).toContain('A quote was removed because its speaker changed their mind.');
    // The episode leaves the feed, and its transcripts go with it.
    const feed = readPodcastFeed((await text(null, `/feeds/${ctx.ws.id}/podcast.xml`)).body);
    expect(feed.items).toHaveLength(0);
    expect((await text(null, `/feeds/${ctx.ws.id}/episodes/${episodeId}/transcript.vtt`)).status).toBe(404);
    expect((await text(people.expert, render.transcript.urls.vtt!)).status).toBe(410);
  });
});
