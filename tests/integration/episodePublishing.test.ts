import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg } from '../support/audio';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { CollabClient, eventually } from '../support/collabClient';
import type { TestClient } from '../support/httpClient';
import { readPodcastFeed } from '../support/podcastFeedReader';
import { freshPostgresSchema, testPostgresUrl } from '../support/postgres';
import { startServer, type TestServer } from '../support/startServer';

const run = promisify(execFile);

/**
 * Publishing extras end to end on the real server: artwork checked by its real pixel size (pictures made by
 * ffmpeg), the script document link, a WebVTT transcript, each person's consent to be named, the feed read by
 * independent parsers (tests/support/podcastFeedReader.ts), and the public episode page.
 */
const show = {
  title: 'Caring Voices',
  description: 'Older carers tell their stories.',
  language: 'en-GB',
  category: 'Health & Fitness',
  subcategory: 'Mental Health',
  explicit: false,
  author: 'Caring Voices team',
  ownerName: 'Ada Admin',
  ownerEmail: 'ada@example.org',
};
const vtt =
  'WEBVTT\n\n00:00.000 --> 00:03.000\n<v Mary>I look after my mother.\n\n00:03.000 --> 00:06.000\nSome days are long.\n';

/** Sends one file as a browser form would (multipart/form-data), with this person's session. */
async function putFile(
  client: TestClient,
  urlPath: string,
  field: string,
  bytes: Buffer,
  filename: string,
  type: string,
) {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(client.baseUrl + urlPath, {
    method: 'PUT',
    body: form,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** SQLite always; PostgreSQL too when CHORUS_TEST_DATABASE_URL names one (always in CI). */
const databases: Array<'sqlite' | 'postgres'> = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(databases)('episode publishing extras on %s', (database) => {
  let server: TestServer;
  let schema: { url: string; drop(): Promise<void> } | undefined;
  let dir: string;
  let ctx: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let other: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let episodeId = '';
  let unpublishedId = '';
  let scriptId = '';
  const images: Record<string, Buffer> = {};

  const picture = async (name: string, size: string, ext: 'png' | 'jpg') => {
    const file = path.join(dir, `${name}.${ext}`);
    await ffmpeg(['-f', 'lavfi', '-i', `color=c=red:s=${size}`, '-frames:v', '1', file]);
    images[name] = await readFile(file);
  };

  beforeAll(async () => {
    if (database === 'postgres') schema = await freshPostgresSchema(testPostgresUrl()!);
    [server, dir] = await Promise.all([
      startServer(schema ? { env: { DATABASE_URL: schema.url } } : {}),
      mkdtemp(path.join(tmpdir(), 'chorus-publishing-')),
    ]);
    [ctx, other] = await Promise.all([workspaceWithPeople(server.url), workspaceWithPeople(server.url)]);
    const { people, ws } = ctx;
    await Promise.all([
      picture('square1400', '1400x1400', 'jpg'),
      picture('square3000', '3000x3000', 'png'),
      picture('wide', '1200x800', 'png'),
      picture('small', '1000x1000', 'jpg'),
      picture('huge', '3200x3200', 'png'),
      picture('episode', '1600x1600', 'png'),
    ]);
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);

    const speech = async (name: string, words: string) => {
      const file = path.join(dir, `${name}.wav`);
      await run('espeak-ng', ['-w', file, words]);
      return file;
    };
    const [mary, joe] = await Promise.all([
      speech('mary', 'I look after my mother. Some days are long, but the neighbours help.'),
      speech('joe', 'My husband has dementia. I wish someone had told me sooner.'),
    ]);
    const clipIds: string[] = [];
    for (const [who, file] of [
      ['carer', mary],
      ['carer2', joe],
    ] as const) {
      const up = await uploadAudio(people[who], ws.id, file, {
        title: `${who}'s story`,
        fields: { audience: 'public' },
      });
      expect(up.status).toBe(201);
      expect((await waitForClip(people[who], up.body.id, undefined, 30_000)).status).toBe('ready');
      expect((await people.editor.post(`/api/clips/${up.body.id}/review`, { state: 'approved' })).status).toBe(200);
      clipIds.push(up.body.id);
    }
    const durations = await Promise.all(
      clipIds.map(async (id) => (await people.editor.get(`/api/clips/${id}`)).body.media.durationSeconds as number),
    );
    const created = await people.editor.post(`/api/workspaces/${ws.id}/episodes`, {
      title: 'Episode 1: Being heard',
      description: '<p>Two carers on being heard.</p>',
      number: 1,
      season: 1,
    });
    episodeId = created.body.id;
    unpublishedId = (await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Not out yet' })).body.id;
    const timeline = {
      items: clipIds.map((clipId, i) => ({ kind: 'clip', clipId, inSeconds: 0, outSeconds: durations[i]! })),
      chapters: [
        { atSeconds: 0, title: 'Mary' },
        { atSeconds: Math.floor(durations[0]!), title: 'Joe & “dementia”' },
      ],
    };
    expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline)).status).toBe(200);
    expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
    await eventually(
      async () => {
        const r = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
        if (r.status === 'failing' || r.status === 'failed') throw new Error(`render ${r.status}: ${r.failureReason}`);
        return r.status === 'passed';
      },
      60_000,
      'a passing render',
    );

    // The expert and the admin write in the script; the live document records who wrote.
    scriptId = (
      await people.expert.post(`/api/workspaces/${ws.id}/documents`, { title: 'Episode 1 script', kind: 'script' })
    ).body.id;
    for (const who of ['expert', 'admin'] as const) {
      const collab = await CollabClient.open(server.url, people[who].cookie);
      const doc = await collab.join(scriptId);
      doc.type(`Words from the ${who}. `);
      await eventually(
        async () =>
          (await server.chorus.services.db
            .selectFrom('document_authors')
            .select('user_id')
            .where('document_id', '=', scriptId)
            .where('user_id', '=', ctx.ids[who])
            .executeTakeFirst()) !== undefined,
        10_000,
        `${who} recorded as an author`,
      );
      collab.close();
    }
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    await schema?.drop();
  });

  it('checks show artwork by its real pixel size and says exactly what is wrong', async () => {
    const { people, ws } = ctx;
    const url = `/api/workspaces/${ws.id}/show/artwork`;
    const wide = await putFile(people.editor, url, 'image', images.wide!, 'wide.png', 'image/png');
    expect(wide.status).toBe(422);
    expect(wide.body.error.message).toBe(
      'The picture is 1200 × 800 pixels; podcast apps need a square picture between 1400 and 3000 pixels wide.',
    );
    expect(
      (await putFile(people.editor, url, 'image', images.small!, 'small.jpg', 'image/jpeg')).body.error.message,
    ).toMatch(/^The picture is 1000 × 1000 pixels;/);
    expect((await putFile(people.editor, url, 'image', images.huge!, 'huge.png', 'image/png')).status).toBe(422);
    // Named .png and sent as image/png, but not a picture at all: the bytes decide.
    const text = await putFile(
      people.editor,
      url,
      'image',
      Buffer.from('not a picture, only words'),
      'fake.png',
      'image/png',
    );
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/not a PNG or JPEG picture/);
    const json = await people.editor.request('PUT', url, {});
    expect(json.status).toBe(415);
    expect(json.body.error.message).toBe(
      'Send the picture as a multipart/form-data upload, with the file in the field "image".',
    );

    expect((await putFile(people.carer, url, 'image', images.square1400!, 'a.jpg', 'image/jpeg')).status).toBe(403);
    expect((await putFile(other.people.editor, url, 'image', images.square1400!, 'a.jpg', 'image/jpeg')).status).toBe(
      404,
    );

    const ok = await putFile(people.editor, url, 'image', images.square1400!, 'art.jpg', 'image/jpeg');
    expect(ok.status).toBe(200);
    expect(ok.body.artwork).toMatchObject({
      contentType: 'image/jpeg',
      width: 1400,
      height: 1400,
      size: images.square1400!.length,
    });
    const first = await fetch(ok.body.artwork.url); // no session: podcast apps fetch it
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=31536000, immutable/);
    expect(Buffer.from(await first.arrayBuffer()).equals(images.square1400!)).toBe(true);

    // A new picture gets a new address; the old one stops answering.
    const replaced = await putFile(people.admin, url, 'image', images.square3000!, 'art.png', 'image/png');
    expect(replaced.body.artwork).toMatchObject({ contentType: 'image/png', width: 3000, height: 3000 });
    expect(replaced.body.artwork.url).not.toBe(ok.body.artwork.url);
    expect((await fetch(ok.body.artwork.url)).status).toBe(404);
    expect((await people.carer.get(`/api/workspaces/${ws.id}/show`)).body.artwork.url).toBe(replaced.body.artwork.url);
  });

  it('takes episode artwork from admins and editors only, shown to members before it is public', async () => {
    const { people } = ctx;
    const url = `/api/episodes/${episodeId}/artwork`;
    expect((await putFile(people.carer, url, 'image', images.episode!, 'e.png', 'image/png')).status).toBe(403);
    expect((await putFile(other.people.admin, url, 'image', images.episode!, 'e.png', 'image/png')).status).toBe(404);
    expect((await putFile(people.editor, url, 'image', images.wide!, 'e.png', 'image/png')).status).toBe(422);
    const ok = await putFile(people.editor, url, 'image', images.episode!, 'e.png', 'image/png');
    expect(ok.status).toBe(200);
    expect(ok.body.artwork).toMatchObject({ width: 1600, height: 1600, contentType: 'image/png' });
    const seen = await fetch(server.url + ok.body.artwork.url, { headers: { cookie: people.carer.cookie! } });
    expect(seen.status).toBe(200);
    expect(Buffer.from(await seen.arrayBuffer()).equals(images.episode!)).toBe(true);
    expect((await fetch(server.url + ok.body.artwork.url)).status).toBe(401);
  });

  it('links a script document of the same workspace only', async () => {
    const { people, ws } = ctx;
    const publication = (
      await people.expert.post(`/api/workspaces/${ws.id}/documents`, { title: 'Our report', kind: 'publication' })
    ).body.id;
    const wrongKind = await people.editor.patch(`/api/episodes/${episodeId}`, { scriptDocumentId: publication });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.fields).toEqual([
      {
        path: 'scriptDocumentId',
        message: '“Our report” is a publication, not a script. Choose a script document, or start one.',
      },
    ]);
    const foreign = (
      await other.people.expert.post(`/api/workspaces/${other.ws.id}/documents`, {
        title: 'Their script',
        kind: 'script',
      })
    ).body.id;
    const elsewhere = await people.editor.patch(`/api/episodes/${episodeId}`, { scriptDocumentId: foreign });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toMatch(/no such document in this workspace/);
    const timelineDocumentId = (await people.editor.get(`/api/episodes/${episodeId}`)).body.timelineDocumentId;
    expect(
      (await people.editor.patch(`/api/episodes/${episodeId}`, { scriptDocumentId: timelineDocumentId })).body.error
        .message,
    ).toMatch(/no such document in this workspace/);
    expect((await people.carer.patch(`/api/episodes/${episodeId}`, { scriptDocumentId: scriptId })).status).toBe(403);

    const linked = await people.editor.patch(`/api/episodes/${episodeId}`, { scriptDocumentId: scriptId });
    expect(linked.status).toBe(200);
    expect(linked.body.scriptDocumentId).toBe(scriptId);
    expect((await people.carer.get(`/api/episodes/${episodeId}`)).body.scriptDocumentId).toBe(scriptId);
    // Changing the title leaves the link alone.
    expect(
      (await people.editor.patch(`/api/episodes/${episodeId}`, { title: 'Episode 1: Being heard' })).body
        .scriptDocumentId,
    ).toBe(scriptId);
  });

  it('takes a checked WebVTT or SubRip transcript', async () => {
    const { people } = ctx;
    const url = `/api/episodes/${episodeId}/transcript`;
    const broken = await putFile(
      people.editor,
      url,
      'file',
      Buffer.from('WEBVTT\n\n00:05.000 --> 00:01.000\nBackwards\n'),
      't.vtt',
      'text/vtt',
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/Line 3 of the WebVTT transcript ends before it starts/);
    expect((await putFile(people.editor, url, 'file', Buffer.from('Just words'), 't.txt', 'text/plain')).status).toBe(
      415,
    );
    expect(
      (await putFile(people.editor, url, 'file', Buffer.alloc(2 * 1024 * 1024 + 10, 'a'), 't.vtt', 'text/vtt')).status,
    ).toBe(413);
    expect((await putFile(people.carer, url, 'file', Buffer.from(vtt), 't.vtt', 'text/vtt')).status).toBe(403);

    const srt = await putFile(
      people.editor,
      url,
      'file',
      Buffer.from('1\n00:00:00,000 --> 00:00:03,000\nHello\n'),
      't.srt',
      'application/x-subrip',
    );
    expect(srt.body.transcript).toMatchObject({ format: 'srt', contentType: 'application/x-subrip' });
    const ok = await putFile(people.editor, url, 'file', Buffer.from(vtt), 't.vtt', 'text/vtt');
    expect(ok.status).toBe(200);
    expect(ok.body.transcript).toMatchObject({ format: 'vtt', contentType: 'text/vtt', size: Buffer.byteLength(vtt) });
    const seen = await fetch(server.url + ok.body.transcript.url, { headers: { cookie: people.expert.cookie! } });
    expect(await seen.text()).toBe(vtt);
  });

  it('lets each member choose, for themselves only, to be credited by name', async () => {
    const { people, ws } = ctx;
    const url = `/api/workspaces/${ws.id}/members/me/credit`;
    expect((await people.carer.get(url)).body).toEqual({
      creditByName: false,
      creditName: null,
      accountName: 'carer person',
    });
    const mine = await people.carer.patch(url, { creditByName: true, creditName: 'Mary O’Brien' });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ creditByName: true, creditName: 'Mary O’Brien', accountName: 'carer person' });
    expect((await people.carer.patch(url, { creditByName: true, creditName: '   ' })).status).toBe(400);
    expect((await people.expert.patch(url, { creditByName: true })).body.creditName).toBe('expert person');
    expect((await people.editor.patch(url, { creditByName: true, creditName: 'Eddie Editor' })).status).toBe(200);
    // Nobody sets it for someone else: the route only ever speaks of the caller.
    expect((await people.carer2.get(url)).body.creditByName).toBe(false);
    expect((await other.people.carer.get(url)).status).toBe(404);

    expect(
      (await people.carer.request('PUT', `/api/episodes/${episodeId}/consultants`, { userIds: [ctx.ids.expert] }))
        .status,
    ).toBe(403);
    expect(
      (await people.editor.request('PUT', `/api/episodes/${episodeId}/consultants`, { userIds: [other.ids.expert] }))
        .status,
    ).toBe(400);
    const marked = await people.editor.request('PUT', `/api/episodes/${episodeId}/consultants`, {
      userIds: [ctx.ids.expert, ctx.ids.carer2],
    });
    expect(marked.body.consultantIds).toEqual(expect.arrayContaining([ctx.ids.expert, ctx.ids.carer2]));
  });

  it('publishes a feed with artwork, transcript and exactly the people who agreed to be named', async () => {
    const { people, ws } = ctx;
    expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
    const xml = await (await fetch(`${server.url}/feeds/${ws.id}/podcast.xml`)).text();
    const feed = readPodcastFeed(xml);
    expect(feed.wellFormed).toBe(true);
    const showArt = (await people.carer.get(`/api/workspaces/${ws.id}/show`)).body.artwork.url;
    expect(feed.imageUrl).toBe(showArt);
    expect(feed.items).toHaveLength(1);
    const entry = feed.items[0]!;
    expect(entry.url).toBe(`${server.url}/shows/${ws.id}/episodes/${episodeId}`);
    expect(entry.imageUrl).toMatch(
      new RegExp(`^${server.url}/feeds/${ws.id}/episodes/${episodeId}/artwork/[0-9a-f]{16}\\.png$`),
    );
    expect(entry.transcript).toEqual({
      url: expect.stringMatching(/\/transcript\/[0-9a-f]{16}\.vtt$/),
      type: 'text/vtt',
      language: 'en-gb',
      rel: 'captions',
    });
    // Mary (carer, heard, agreed), the expert (wrote the script, marked consultant, agreed), Eddie (rendered, agreed).
    // Not named: carer2 (heard and marked consultant, never agreed) and the admin (wrote in the script, never agreed).
    expect(entry.persons).toEqual([
      ['cast', 'guest', 'Mary O’Brien'],
      ['writing', 'co-writer', 'expert person'],
      ['misc.', 'consultant', 'expert person'],
      ['audio post-production', 'audio editor', 'Eddie Editor'],
    ]);

    const art = await fetch(entry.imageUrl!);
    expect(art.status).toBe(200);
    expect(Buffer.from(await art.arrayBuffer()).equals(images.episode!)).toBe(true);
    const transcript = await fetch(entry.transcript!.url!);
    expect(transcript.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await transcript.text()).toBe(vtt);
    expect((await people.carer.get(`/api/episodes/${episodeId}/credits`)).body.credits).toHaveLength(4);

    // Mary changes her mind: from the next fetch, the feed no longer names her.
    await people.carer.patch(`/api/workspaces/${ws.id}/members/me/credit`, { creditByName: false });
    const after = readPodcastFeed(await (await fetch(`${server.url}/feeds/${ws.id}/podcast.xml`)).text());
    expect(after.items[0]!.persons.map((p) => p[2])).not.toContain('Mary O’Brien');
    expect(after.items[0]!.persons).toHaveLength(3);
  });

  it('serves a public page for a published episode, and 404 for anything else', async () => {
    const { ws } = ctx;
    const res = await fetch(`${server.url}/shows/${ws.id}/episodes/${episodeId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="en-gb">');
    expect(html).toContain('<h1>Episode 1: Being heard</h1>');
    expect(html).toMatch(/<audio id="player" controls preload="metadata" src="\/feeds\/[^"]+\.mp3"/);
    expect(html).toMatch(
      /<img src="\/feeds\/[^"]+\/artwork\/[0-9a-f]{16}\.png" width="1600" height="1600" alt="Artwork for Episode 1: Being heard">/,
    );
    expect(html).toContain('<p>Two carers on being heard.</p>');
    expect(html).toMatch(/<button type="button" data-seek="0" aria-label="Play from 0:00: Mary">/);
    expect(html).toContain('Joe &amp; “dementia”');
    expect(html).toMatch(
      /<a href="\/feeds\/[^"]+\/transcript\/[0-9a-f]{16}\.vtt" type="text\/vtt">Read the transcript<\/a>/,
    );
    expect(html).toContain('<li>Eddie Editor, audio editor</li>');
    expect(html).not.toContain('Mary O’Brien');
    const nonce = /<script nonce="([^"]+)">/.exec(html)![1];
    expect(res.headers.get('content-security-policy')).toContain(`script-src 'nonce-${nonce}'`);

    // Everything the page points at answers without a session.
    for (const src of [...html.matchAll(/(?:src|href)="(\/feeds\/[^"]+)"/g)].map((m) => m[1]!)) {
      expect((await fetch(server.url + src, { headers: { range: 'bytes=0-0' } })).status, src).toBeLessThan(300);
    }

    for (const url of [
      `/shows/${ws.id}/episodes/${unpublishedId}`,
      `/shows/${other.ws.id}/episodes/${episodeId}`,
      `/shows/${ws.id}/episodes/not-an-id`,
    ]) {
      const missing = await fetch(server.url + url);
      expect(missing.status, url).toBe(404);
      expect(await missing.text()).toContain('We could not find that episode');
    }
    const unpublishedArt = await putFile(
      ctx.people.editor,
      `/api/episodes/${unpublishedId}/artwork`,
      'image',
      images.episode!,
      'e.png',
      'image/png',
    );
    const hidden = unpublishedArt.body.artwork.url.replace(
      `/api/episodes/${unpublishedId}/artwork?v=`,
      `/feeds/${ws.id}/episodes/${unpublishedId}/artwork/`,
    );
    expect((await fetch(`${server.url}${hidden}.png`)).status).toBe(404);
  });
});
