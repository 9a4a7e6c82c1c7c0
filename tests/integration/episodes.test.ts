import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, measureLoudness } from '../support/audio';
import type { EpisodeRenderEvent } from '../../shared/realtime/events';
import { getBytes, joinedSocket, uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { signedUp } from '../support/httpClient';
import { everyoneHeardSignsOff, show as publishingShow } from '../support/episodePublishing';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { readPodcastFeed } from '../support/podcastFeedReader';

const run = promisify(execFile);

/**
 * Episodes end to end on the real server with real ffmpeg: clips made here with espeak-ng at very different
 * levels, processed by the clip pipeline, approved, laid out on a timeline with trims, a crossfade and
 * chapters, rendered, and the MP3 measured HERE with ffmpeg's ebur128 and ffprobe, not with server code.
 */
const show = { ...publishingShow, artworkUrl: 'https://example.org/art.jpg' };

describe.each(testDatabaseNames)('%s', (database) => {
  let server: TestServer;
  let dir: string;
  let ctx: Awaited<ReturnType<typeof workspaceWithPeople>>;
  const clips: Record<'quiet' | 'loud' | 'third' | 'unapproved', { id: string; duration: number }> = {} as never;
  let episodeId = '';
  let renderedFile = '';
  let renderBody: any;

  /** Speech from espeak-ng brought to `lufs` integrated (32-bit float WAV, so a loud one does not clip). */
  async function speechAt(name: string, words: string, lufs: number): Promise<string> {
    const raw = path.join(dir, `${name}-raw.wav`);
    await run('espeak-ng', ['-w', raw, words]);
    const measured = await measureLoudness(raw);
    const file = path.join(dir, `${name}.wav`);
    await ffmpeg([
      '-i',
      raw,
      '-af',
      `volume=${(lufs - measured.integratedLufs).toFixed(2)}dB`,
      '-ac',
      '2',
      '-ar',
      '44100',
      '-c:a',
      'pcm_f32le',
      file,
    ]);
    return file;
  }

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-episodes-'))]);
    ctx = await workspaceWithPeople(server.url);
    const { people, ws } = ctx;
    const [quiet, loud, third, unapproved] = await Promise.all([
      speechAt(
        'quiet',
        'I look after my mother. Some days are long, but the neighbours help, and I have learned to ask for help.',
        -30,
      ),
      speechAt(
        'loud',
        'My husband has dementia. I wish someone had told me sooner where to find support for carers like me.',
        -12,
      ),
      speechAt('third', 'We meet on Tuesdays at the library, and it is the best hour of my week.', -20),
      speechAt('unapproved', 'This one has not been reviewed yet.', -18),
    ]);
    const upload = async (who: 'carer' | 'carer2', file: string, title: string, audience: 'public' | 'internal') => {
      const res = await uploadAudio(people[who], ws.id, file, { title, fields: { audience } });
      expect(res.status).toBe(201);
      const ready = await waitForClip(people[who], res.body.id, undefined, 30_000);
      expect(ready.status).toBe('ready');
      return { id: ready.id as string, duration: ready.media.durationSeconds as number };
    };
    [clips.quiet, clips.loud, clips.third, clips.unapproved] = await Promise.all([
      upload('carer', quiet, 'Mary’s mornings', 'public'),
      // Everyone heard in a published episode must have agreed that anyone may hear them (the consent rules).
      upload('carer2', loud, 'Joe on dementia', 'public'),
      upload('carer', third, 'Tuesdays', 'public'),
      upload('carer', unapproved, 'Not yet', 'public'),
    ]);
    for (const c of [clips.quiet, clips.loud, clips.third])
      expect((await people.editor.post(`/api/clips/${c.id}/review`, { state: 'approved' })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe(`episodes on ${database}: show, timeline, render, publish`, () => {
    it('keeps one show per workspace and episodes that only admins and editors create; outsiders learn nothing', async () => {
      const { people, ws } = ctx;
      const outsider = (await signedUp(server.url, 'Olly Outsider')).client;
      expect((await people.carer.get(`/api/workspaces/${ws.id}/show`)).status).toBe(404);
      expect((await people.carer.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(403);
      const bad = await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, { ...show, ownerEmail: 'nope' });
      expect(bad.status).toBe(400);
      const put = await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({
        title: 'Caring Voices',
        language: 'en-gb',
        feedUrl: `${server.url}/feeds/${ws.id}/podcast.xml`,
      });
      expect((await people.carer.get(`/api/workspaces/${ws.id}/show`)).body.title).toBe('Caring Voices');

      const refused = await people.carer.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Mine' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/Only admins and editors/);
      const created = await people.editor.post(`/api/workspaces/${ws.id}/episodes`, {
        title: 'Episode 1: Being heard',
        number: 1,
        season: 1,
        type: 'full',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: 'Episode 1: Being heard',
        number: 1,
        season: 1,
        type: 'full',
        totalSeconds: 0,
        publishedAt: null,
        latestRender: null,
        abilities: { edit: true, render: true, publish: true },
      });
      episodeId = created.body.id;
      expect((await people.carer.get(`/api/episodes/${episodeId}`)).body.abilities).toEqual({
        edit: false,
        render: false,
        publish: false,
      });
      expect(
        (await people.expert.get(`/api/workspaces/${ws.id}/episodes`)).body.episodes.map((e: any) => e.id),
      ).toEqual([episodeId]);
      const patched = await people.editor.patch(`/api/episodes/${episodeId}`, {
        description: 'Three carers on being heard.',
      });
      expect(patched.body.description).toBe('Three carers on being heard.');

      for (const path of [
        `/api/episodes/${episodeId}`,
        `/api/episodes/${episodeId}/timeline`,
        `/api/workspaces/${ws.id}/episodes`,
        `/api/workspaces/${ws.id}/show`,
      ]) {
        expect((await outsider.get(path)).status).toBe(404);
      }
      expect((await outsider.post(`/api/episodes/${episodeId}/render`)).status).toBe(404);
    });

    it('refuses a timeline with an unapproved clip, a trim past the end or a foreign clip, saying what to fix', async () => {
      const { people } = ctx;
      const unapproved = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
        items: [{ kind: 'clip', clipId: clips.unapproved.id, inSeconds: 0, outSeconds: 1 }],
        chapters: [],
      });
      expect(unapproved.status).toBe(400);
      expect(unapproved.body.error.message).toMatch(/“Not yet” has not been approved/);
      expect(unapproved.body.error.fields[0].path).toBe('items.0.clipId');

      const pastEnd = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
        items: [{ kind: 'clip', clipId: clips.quiet.id, inSeconds: 0, outSeconds: clips.quiet.duration + 5 }],
        chapters: [],
      });
      expect(pastEnd.status).toBe(400);
      expect(pastEnd.body.error.fields).toEqual([
        { path: 'items.0.outSeconds', message: expect.stringMatching(/after the end of “Mary’s mornings”/) },
      ]);

      const backwards = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
        items: [{ kind: 'clip', clipId: clips.quiet.id, inSeconds: 2, outSeconds: 1 }],
      });
      expect(backwards.status).toBe(400);

      const other = await workspaceWithPeople(server.url);
      const foreign = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
        items: [{ kind: 'clip', clipId: other.ws.id, inSeconds: 0, outSeconds: 1 }],
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.message).toMatch(/no such clip in this workspace/);

      const empty = await people.editor.post(`/api/episodes/${episodeId}/render`);
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toMatch(/The timeline is empty/);
    });

    it('renders one MP3 at −16 LUFS, true peak ≤ −1 dBTP, with chapters and the timeline’s length (measured independently)', async () => {
      const { people } = ctx;
      const timeline = {
        items: [
          { kind: 'clip', clipId: clips.quiet.id, inSeconds: 0.3, outSeconds: clips.quiet.duration - 0.2, gainDb: 0 },
          {
            kind: 'clip',
            clipId: clips.loud.id,
            inSeconds: 0.2,
            outSeconds: clips.loud.duration,
            gainDb: 0,
            crossfadeSeconds: 1,
          },
          { kind: 'clip', clipId: clips.third.id, inSeconds: 0, outSeconds: clips.third.duration, gainDb: -1 },
        ],
        chapters: [
          { atSeconds: 0, title: 'Mary' },
          { atSeconds: clips.quiet.duration - 0.5 - 1, title: 'Joe = “dementia”; #2' },
        ],
      };
      const expected = timeline.items.reduce((t, i) => t + (i.outSeconds - i.inSeconds) - (i.crossfadeSeconds ?? 0), 0);
      const saved = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline);
      expect(saved.status).toBe(200);
      expect(saved.body.totalSeconds).toBeCloseTo(expected, 2);
      expect((await people.carer.get(`/api/episodes/${episodeId}/timeline`)).body.items).toHaveLength(3);

      const socket = await joinedSocket(server.url, people.expert, ctx.ws.id);
      const events: EpisodeRenderEvent[] = [];
      socket.on('episode:render', (e) => events.push(e));
      const refused = await people.carer.post(`/api/episodes/${episodeId}/render`);
      expect(refused.status).toBe(403);
      const started = await people.editor.post(`/api/episodes/${episodeId}/render`);
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: 'queued', episodeId });

      const deadline = Date.now() + 60_000;
      for (;;) {
        renderBody = (await people.expert.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
        if (['passed', 'failing', 'failed'].includes(renderBody.status)) break;
        if (Date.now() > deadline) throw new Error(`render not finished: ${JSON.stringify(renderBody)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(renderBody).toMatchObject({ id: started.body.id, status: 'passed', failureReason: null });
      // Everyone in the workspace sees the render's status and progress live.
      await new Promise((r) => setTimeout(r, 100));
      socket.disconnect();
      const mine = events.filter((e) => e.renderId === renderBody.id);
      expect(mine[0]).toMatchObject({ episodeId, status: 'queued' });
      expect(mine.map((e) => e.status)).toContain('rendering');
      expect(mine.at(-1)).toMatchObject({ status: 'passed', progress: 1 });

      const audio = await getBytes(people.carer, renderBody.audioUrl);
      expect(audio.status).toBe(200);
      expect(audio.headers.get('content-type')).toBe('audio/mpeg');
      expect(audio.bytes.length).toBe(renderBody.sizeBytes);
      renderedFile = path.join(dir, 'episode.mp3');
      await writeFile(renderedFile, audio.bytes);

      const loudness = await measureLoudness(renderedFile);
      expect(Math.abs(loudness.integratedLufs - -16)).toBeLessThanOrEqual(1);
      expect(loudness.truePeakDbfs).toBeLessThanOrEqual(-1);
      expect(renderBody.integratedLufs).toBeCloseTo(loudness.integratedLufs, 0);

      const probed = JSON.parse(
        execFileSync('ffprobe', [
          '-v',
          'error',
          '-show_chapters',
          '-show_format',
          '-show_streams',
          '-of',
          'json',
          renderedFile,
        ]).toString(),
      );
      expect(Number(probed.format.duration)).toBeGreaterThan(expected - 0.1);
      expect(Number(probed.format.duration)).toBeLessThan(expected + 0.1);
      expect(probed.streams[0]).toMatchObject({ codec_name: 'mp3', sample_rate: '44100', channels: 2 });
      expect(Number(probed.format.bit_rate)).toBeGreaterThan(120_000);
      expect(probed.format.tags.title).toBe('Episode 1: Being heard');
      expect(probed.chapters.map((c: any) => [Number(c.start_time), c.tags.title])).toEqual([
        [0, 'Mary'],
        [Number(timeline.chapters[1]!.atSeconds.toFixed(3)), 'Joe = “dementia”; #2'],
      ]);
      expect(Number(probed.chapters[1].end_time)).toBeCloseTo(expected, 1);
    }, 90_000);

    it('publishes into a public feed that an independent feed parser reads, with exact enclosure length, Range reads, chapters and credits', async () => {
      const { people, ws } = ctx;
      expect((await people.carer.post(`/api/episodes/${episodeId}/publish`)).status).toBe(403);
      // Everyone heard approves their parts first (sign-off: signoffs.test.ts).
      await everyoneHeardSignsOff(ctx, episodeId);
      const published = await people.editor.post(`/api/episodes/${episodeId}/publish`);
      expect(published.status).toBe(200);
      expect(published.body.publishedAt).toEqual(expect.any(String));
      // Mary chose to be credited by name (each member decides for themselves; nobody is named by default).
      expect(
        (await people.carer.patch(`/api/workspaces/${ws.id}/members/me/credit`, { creditByName: true })).status,
      ).toBe(200);

      const feedRes = await fetch(`${server.url}/feeds/${ws.id}/podcast.xml`); // no session
      expect(feedRes.status).toBe(200);
      expect(feedRes.headers.get('content-type')).toMatch(/application\/rss\+xml/);
      const xml = await feedRes.text();
      const feed = readPodcastFeed(xml);
      expect(feed).toMatchObject({ wellFormed: true, title: 'Caring Voices', language: 'en-gb' });
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]).toMatchObject({ title: 'Episode 1: Being heard', id: episodeId });
      const { url, length, type } = feed.items[0]!.enclosures[0]!;
      expect(type).toBe('audio/mpeg');

      const whole = await fetch(url);
      const bytes = Buffer.from(await whole.arrayBuffer());
      expect(whole.status).toBe(200);
      expect(bytes.length).toBe(Number(length));
      expect(bytes.length).toBe(renderBody.sizeBytes);
      const part = await fetch(url, { headers: { range: 'bytes=100-1099' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${bytes.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);
      expect((await fetch(url, { headers: { range: `bytes=${bytes.length + 10}-` } })).status).toBe(416);

      const chaptersUrl = /<podcast:chapters url="([^"]+)"/.exec(xml)![1]!;
      const chapters = await (await fetch(chaptersUrl)).json();
      expect(chapters).toEqual({
        version: '1.2.0',
        chapters: [
          { startTime: 0, title: 'Mary' },
          { startTime: expect.any(Number), title: 'Joe = “dementia”; #2' },
        ],
      });
      // Mary (carer, agreed to be named) is credited as a guest; Joe (carer2, never agreed to be named) is not.
      expect(xml).toContain('<podcast:person group="cast" role="guest">carer person</podcast:person>');
      expect(xml).not.toContain('carer2 person');

      // An unpublished episode of another workspace is not reachable through this feed's paths.
      const unknown = await fetch(`${server.url}/feeds/${ws.id}/episodes/${clips.quiet.id}/chapters.json`);
      expect(unknown.status).toBe(404);
    });

    it('flags a published episode when a clip in it is withdrawn, takes it out of the feed and refuses the clip from then on', async () => {
      const { people, ws } = ctx;
      expect((await people.carer.post(`/api/clips/${clips.third.id}/withdraw`)).status).toBe(200);
      const deadline = Date.now() + 10_000;
      let episode: any;
      do {
        episode = (await people.editor.get(`/api/episodes/${episodeId}`)).body;
        if (episode.needsRerender) break;
        await new Promise((r) => setTimeout(r, 50));
      } while (Date.now() < deadline);
      expect(episode.needsRerender).toBe(true);
      expect(episode.rerenderReason).toMatch(/“Tuesdays” was withdrawn/);

      const xml = await (await fetch(`${server.url}/feeds/${ws.id}/podcast.xml`)).text();
      expect(xml).not.toContain('<item>');
      const render = await people.editor.post(`/api/episodes/${episodeId}/render`);
      expect(render.status).toBe(400);
      expect(render.body.error.message).toMatch(
        /Item 3: “Tuesdays” was withdrawn by the person who made it. Remove it from the timeline./,
      );
      const again = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
        items: [{ kind: 'clip', clipId: clips.third.id, inSeconds: 0, outSeconds: 1 }],
      });
      expect(again.status).toBe(400);
      expect(again.body.error.fields[0].message).toMatch(/withdrawn/);
    });
  });
});
