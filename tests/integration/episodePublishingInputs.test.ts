import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import {
  firstEpisode,
  pictures,
  putFile,
  scriptWrittenBy,
  show,
  vtt,
  type Workspace,
} from '../support/episodePublishing';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

/**
 * What goes into publishing an episode, each checked as it arrives: artwork by its real pixel size (pictures
 * made by ffmpeg), the script document link, a WebVTT or SubRip transcript, and each person's own choice to
 * be named. What the feed and the public page make of them is in episodePublishingFeed.test.ts.
 */
describe.each(testDatabaseNames)(
  'episode publishing extras on %s: artwork, script, transcript, credits',
  (database) => {
    let server: TestServer;
    let dir: string;
    let ctx: Workspace;
    let other: Workspace;
    let episodeId = '';
    let scriptId = '';
    let images: Record<string, Buffer> = {};

    beforeAll(async () => {
      [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-publishing-'))]);
      [ctx, other] = await Promise.all([workspaceWithPeople(server.url), workspaceWithPeople(server.url)]);
      images = await pictures(dir, {
        square1400: ['1400x1400', 'jpg'],
        square3000: ['3000x3000', 'png'],
        wide: ['1200x800', 'png'],
        small: ['1000x1000', 'jpg'],
        huge: ['3200x3200', 'png'],
        episode: ['1600x1600', 'png'],
      });
      expect((await ctx.people.editor.request('PUT', `/api/workspaces/${ctx.ws.id}/show`, show)).status).toBe(200);
      episodeId = await firstEpisode(ctx);
      scriptId = await scriptWrittenBy(server, ctx, []);
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
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
      expect((await people.carer.get(`/api/workspaces/${ws.id}/show`)).body.artwork.url).toBe(
        replaced.body.artwork.url,
      );
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
        (await putFile(people.editor, url, 'file', Buffer.alloc(2 * 1024 * 1024 + 10, 'a'), 't.vtt', 'text/vtt'))
          .status,
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
      expect(ok.body.transcript).toMatchObject({
        format: 'vtt',
        contentType: 'text/vtt',
        size: Buffer.byteLength(vtt),
      });
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
  },
);
