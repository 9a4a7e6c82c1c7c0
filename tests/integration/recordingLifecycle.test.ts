import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clipPrefix } from '../../server/storage/keys';
import { joinedSocket, waitForClip } from '../support/audioClips';
import { TestClient } from '../support/httpClient';
import { consent, pieces, putChunk, recordedAudio, recordingSetups, recordingWorld } from '../support/recordings';

/**
 * A recording's life: only its maker adds to it, sends it or throws it away; an interrupted one can still be
 * sent, an empty one cannot; a repeated start finds the same one; a withdrawn one takes nothing more.
 */
const audio = recordedAudio();

describe.each(recordingSetups)(
  'recording in the browser, piece by piece, on $name: who, and until when',
  ({ name }) => {
    const world = recordingWorld(name);

    it('lets only the person recording add to it, send it or throw it away', async () => {
      const { server, people, ws, carer, start, stored } = world;
      const { webm } = audio;
      const rec = await start();
      const part = pieces(webm, 4)[0]!;
      const otherMember = await putChunk(people.carer2, rec.id, 0, part);
      expect(otherMember.status).toBe(403);
      expect(otherMember.body.error.message).toContain('Only the person making this recording');
      expect((await putChunk(people.admin, rec.id, 0, part)).status).toBe(403);
      expect((await people.admin.post(`/api/recordings/${rec.id}/finish`, consent)).status).toBe(403);
      expect((await people.editor.delete(`/api/recordings/${rec.id}`)).status).toBe(403);

      const outsider = new TestClient(server.url);
      await outsider.post('/api/auth/signup', {
        email: `out-${randomUUID()}@example.org`,
        password: 'a good long password',
        name: 'Outsider',
      });
      expect((await putChunk(outsider, rec.id, 0, part)).status).toBe(404);
      expect((await outsider.get(`/api/recordings/${rec.id}`)).status).toBe(404);
      expect((await outsider.post(`/api/workspaces/${ws.id}/recordings`, { mimeType: 'audio/webm' })).status).toBe(404);
      expect((await putChunk(new TestClient(server.url), rec.id, 0, part)).status).toBe(401);
      expect((await stored(rec.id)).length).toBe(0);
      // A member may see where it is up to; only its maker finds it among their unsent recordings.
      expect((await people.editor.get(`/api/recordings/${rec.id}`)).status).toBe(200);
      expect(
        (await people.editor.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.map((r: any) => r.id),
      ).not.toContain(rec.id);
      expect((await carer.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.map((r: any) => r.id)).toContain(
        rec.id,
      );
    });

    it('sends an interrupted recording as what arrived, and it processes', async () => {
      const { server, people, ws, carer, start, stored } = world;
      const { webm } = audio;
      const rec = await start(carer, { title: undefined });
      expect((await carer.get(`/api/recordings/${rec.id}`)).body.title).toBe('A story from carer person');
      const parts = pieces(webm, 10);
      for (const seq of [0, 1, 2, 3, 4, 5]) expect((await putChunk(carer, rec.id, seq, parts[seq]!)).status).toBe(200);

      // Nothing more arrives (the tab was closed); a while later it shows as interrupted, and stays listed.
      const longAgo = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
      await server.chorus.services.db
        .updateTable('clip_recordings')
        .set({ last_chunk_at: longAgo })
        .where('clip_id', '=', rec.id)
        .execute();
      await server.chorus.services.db
        .updateTable('clips')
        .set({ updated_at: longAgo })
        .where('id', '=', rec.id)
        .execute();
      expect((await carer.get(`/api/recordings/${rec.id}`)).body.state).toBe('interrupted');
      expect(
        (await carer.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.find((r: any) => r.id === rec.id),
      ).toMatchObject({ state: 'interrupted', nextSeq: 6 });
      expect(
        (await people.editor.get(`/api/workspaces/${ws.id}/clips`)).body.clips.find((c: any) => c.id === rec.id).status,
      ).toBe('interrupted');

      const sent = await carer.post(`/api/recordings/${rec.id}/finish`, { ...consent, audience: 'public' });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const clip = await waitForClip(carer, rec.id, undefined, 30_000);
      expect(clip.status, clip.failureReason).toBe('ready');
      expect(clip.media.durationSeconds).toBeGreaterThan(5);
      expect(clip.media.durationSeconds).toBeLessThan(19);
      expect(await stored(rec.id)).toEqual([]);
      expect(
        (await carer.get(`/api/workspaces/${ws.id}/recordings`)).body.recordings.map((r: any) => r.id),
      ).not.toContain(rec.id);
    });

    it('refuses to send a recording nothing has arrived from', async () => {
      const { carer, start } = world;
      const rec = await start();
      const res = await carer.post(`/api/recordings/${rec.id}/finish`, consent);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ nextSeq: 0, state: 'recording' });
      const stale = await carer.post(`/api/recordings/${rec.id}/finish`, { ...consent, wordingVersion: 0 });
      expect(stale.status).toBe(400);
    });

    it('finds the same recording when the start is sent twice with one client key', async () => {
      const { people, carer, start } = world;
      const clientKey = randomUUID();
      const [a, b] = await Promise.all([start(carer, { clientKey }), start(carer, { clientKey })]);
      expect(a.id).toBe(b.id);
      const c = await start(carer, { clientKey });
      expect(c.id).toBe(a.id);
      // Another person's key space is their own.
      const other = await start(people.carer2, { clientKey });
      expect(other.id).not.toBe(a.id);
    });

    it('throws a recording away on request: pieces, clip and all, and tells the workspace', async () => {
      const { server, people, ws, carer, start, stored } = world;
      const { webm } = audio;
      const socket = await joinedSocket(server.url, people.editor, ws.id);
      const events: string[] = [];
      socket.onAny((event: string, payload: { clipId?: string }) => events.push(`${event}:${payload.clipId ?? ''}`));
      const rec = await start();
      await putChunk(carer, rec.id, 0, pieces(webm, 4)[0]!);
      expect((await carer.delete(`/api/recordings/${rec.id}`)).status).toBe(204);
      expect((await carer.get(`/api/clips/${rec.id}`)).status).toBe(404);
      expect((await carer.get(`/api/recordings/${rec.id}`)).status).toBe(404);
      expect(await stored(rec.id, clipPrefix(ws.id, rec.id))).toEqual([]);
      await expect
        .poll(() => events)
        .toEqual([`clip:created:${rec.id}`, `clip:status:${rec.id}`, `clip:discarded:${rec.id}`]);
      socket.close();
      const audit = await server.chorus.services.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', rec.id)
        .orderBy('created_at')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['clip.recording_started', 'clip.recording_discarded']);
    });

    it('stops taking pieces once the recording is withdrawn', async () => {
      const { ws, carer, start, stored } = world;
      const { webm } = audio;
      const rec = await start();
      await putChunk(carer, rec.id, 0, pieces(webm, 4)[0]!);
      expect((await carer.post(`/api/clips/${rec.id}/withdraw`, {})).status).toBe(200);
      expect((await putChunk(carer, rec.id, 1, pieces(webm, 4)[1]!)).status).toBe(410);
      expect((await carer.post(`/api/recordings/${rec.id}/finish`, consent)).status).toBe(410);
      expect(await stored(rec.id, clipPrefix(ws.id, rec.id))).toEqual([]);
    });
  },
);
