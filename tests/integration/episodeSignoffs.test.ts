import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeSignoffRequestedEvent } from '../../server/events';
import type { EpisodeSignoffEvent } from '../../shared/realtime/events';
import { joinedSocket, uploadAudio, waitForClip, workspaceWithPeople, type ClientSocket } from '../support/audioClips';
import { eventually } from '../support/collabClient';
import { renderedFirstEpisode, show, type Workspace } from '../support/episodePublishing';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

const run = promisify(execFile);

/**
 * Sign-off by the people heard (issue 12 §2) on the real server: Mary (carer) and Joe (carer2) are heard in the
 * episode the editor rendered; publishing waits for them, names them, and an admin alone may publish anyway with a
 * reason. A new render keeps an approval only while that person's parts are unchanged. The editor's own story
 * joins later: publishing counts as approving their own parts. Last, an admin turns sign-off off.
 */
describe.each(testDatabaseNames)('sign-off by the people heard on %s', (database) => {
  let server: TestServer;
  let dir: string;
  let ctx: Workspace;
  let outsider: Workspace;
  let episodeId = '';
  let editorClip: { id: string; durationSeconds: number };
  let socket: ClientSocket;
  const live: EpisodeSignoffEvent[] = [];
  const requested: EpisodeSignoffRequestedEvent[] = [];

  const signoffs = () => `/api/episodes/${episodeId}/signoffs`;
  const list = async () => {
    const res = await ctx.people.expert.get(signoffs());
    expect(res.status).toBe(200);
    return res.body as {
      required: { userId: string; name: string; state: string; note: string | null; at: string | null }[];
      complete: boolean;
      enabled: boolean;
      renderId: string | null;
      override: { reason: string; by: { id: string; name: string }; at: string } | null;
    };
  };
  const stateOf = async () => new Map((await list()).required.map((s) => [s.userId, s.state]));
  const publish = (who: keyof Workspace['people'], body: object = {}) =>
    ctx.people[who].post(`/api/episodes/${episodeId}/publish`, body);

  /** The editor changes the timeline with `change`, renders it and waits for the render to pass. */
  async function renderAgain(change: (items: { clipId: string; outSeconds: number }[]) => object[]) {
    const { people } = ctx;
    const { totalSeconds: _, ...timeline } = (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body;
    const put = await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, {
      ...timeline,
      items: change(timeline.items),
    });
    expect(put.status).toBe(200);
    const started = await people.editor.post(`/api/episodes/${episodeId}/render`);
    expect(started.status).toBe(202);
    await eventually(
      async () => {
        const r = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
        if (r.status === 'failing' || r.status === 'failed') throw new Error(`render ${r.status}: ${r.failureReason}`);
        return r.id === started.body.id && r.status === 'passed';
      },
      90_000,
      'the new render to pass',
    );
    await eventually(async () => (await list()).renderId === started.body.id);
  }

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-signoff-'))]);
    [ctx, outsider] = await Promise.all([workspaceWithPeople(server.url), workspaceWithPeople(server.url)]);
    const { people, ws } = ctx;
    server.chorus.services.bus.on('episode:signoffRequested', (e) => requested.push(e));
    expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
    episodeId = await renderedFirstEpisode(ctx, dir);
    const file = path.join(dir, 'editor.wav');
    await run('espeak-ng', ['-w', file, 'This is Ed, who made this episode.']);
    const up = await uploadAudio(people.editor, ws.id, file, { title: 'Ed’s welcome', fields: { audience: 'public' } });
    expect(up.status).toBe(201);
    const ready = await waitForClip(people.editor, up.body.id, undefined, 30_000);
    expect((await people.editor.post(`/api/clips/${ready.id}/review`, { state: 'approved' })).status).toBe(200);
    editorClip = { id: ready.id, durationSeconds: ready.media.durationSeconds };
    socket = await joinedSocket(server.url, people.editor, ws.id);
    socket.on('episode:signoff', (e) => live.push(e));
  }, 240_000);

  afterAll(async () => {
    socket?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('asks everyone heard in the render, shows it to members only, and gives each their own parts to play', async () => {
    const { people, ids } = ctx;
    expect(await list()).toMatchObject({
      required: [
        { userId: ids.carer, name: 'carer person', state: 'pending', note: null, at: null },
        { userId: ids.carer2, name: 'carer2 person', state: 'pending', note: null, at: null },
      ],
      complete: false,
      enabled: true,
      renderId: expect.any(String),
      override: null,
    });
    // The render's passing asked them both (for notifications to deliver).
    await eventually(async () => requested.length === 1);
    expect(requested).toEqual([expect.objectContaining({ episodeId, userIds: [ids.carer, ids.carer2] })]);
    expect((await outsider.people.admin.get(signoffs())).status).toBe(404);
    expect((await outsider.people.admin.get(`${signoffs()}/me`)).status).toBe(404);

    const mine = await people.carer.get(`${signoffs()}/me`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      heard: true,
      unavailableReason: null,
      parts: [{ clipTitle: "carer's story", inSeconds: 0, startSeconds: 0 }],
      signoff: { state: 'pending' },
    });
    const part = mine.body.parts[0];
    expect(part.endSeconds).toBeCloseTo(part.outSeconds, 3);
    // The stretch plays from the render's audio, which the consent rules still guard.
    const audio = await fetch(server.url + mine.body.audioUrl, {
      headers: { cookie: people.carer.cookie!, range: 'bytes=0-99' },
    });
    expect(audio.status).toBe(206);
    const joes = (await people.carer2.get(`${signoffs()}/me`)).body;
    expect(joes.parts[0].startSeconds).toBeCloseTo(part.endSeconds, 3);
    expect((await people.expert.get(`${signoffs()}/me`)).body).toMatchObject({ heard: false, parts: [] });
  });

  it('takes a decision only from someone heard, with a note when asking for a change', async () => {
    const { people } = ctx;
    const refused = await people.expert.post(`${signoffs()}/me`, { decision: 'approved' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/yours is not in it/);
    expect((await people.admin.post(`${signoffs()}/me`, { decision: 'approved' })).status).toBe(403);
    expect((await outsider.people.carer.post(`${signoffs()}/me`, { decision: 'approved' })).status).toBe(404);
    const noNote = await people.carer2.post(`${signoffs()}/me`, { decision: 'changes_requested' });
    expect(noNote.status).toBe(400);
    expect(JSON.stringify(noNote.body.error)).toMatch(/Say what you would like changed/);
    const blank = await people.carer2.post(`${signoffs()}/me`, { decision: 'changes_requested', note: '   ' });
    expect(blank.status).toBe(400);
    const long = await people.carer2.post(`${signoffs()}/me`, {
      decision: 'changes_requested',
      note: 'x'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error)).toMatch(/at most 2000 characters/);
    expect((await people.carer2.post(`${signoffs()}/me`, { decision: 'maybe' })).status).toBe(400);
    expect((await list()).required.every((s) => s.state === 'pending')).toBe(true);
  });

  it('refuses to publish naming who has not signed off, until they approve; an admin alone may override with a reason', async () => {
    const { people, ids } = ctx;
    const waiting = await publish('editor');
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.code).toBe('signoff_pending');
    expect(waiting.body.error.message).toMatch(/carer person and carer2 person have not answered yet/);
    expect(waiting.body.error.message).toMatch(/An admin can publish without their sign-off, giving a reason/);

    const approved = await people.carer.post(`${signoffs()}/me`, { decision: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body.required[0]).toMatchObject({ userId: ids.carer, state: 'approved', at: expect.any(String) });
    const note = 'Please cut the part where I talk about my husband.';
    const asked = await people.carer2.post(`${signoffs()}/me`, { decision: 'changes_requested', note });
    expect(asked.status).toBe(200);
    expect(asked.body.required[1]).toMatchObject({ userId: ids.carer2, state: 'changes_requested', note });
    expect(asked.body.complete).toBe(false);
    // The editor's page hears of each decision as it is made.
    await eventually(async () => live.length === 2);
    expect(live).toEqual([
      { workspaceId: ctx.ws.id, episodeId, userId: ids.carer, state: 'approved' },
      { workspaceId: ctx.ws.id, episodeId, userId: ids.carer2, state: 'changes_requested' },
    ]);

    const stillWaiting = await publish('editor');
    expect(stillWaiting.status).toBe(409);
    expect(stillWaiting.body.error.message).toMatch(/: carer2 person asked for a change\./);
    expect(stillWaiting.body.error.message).not.toMatch(/carer person/);
    const reason = 'Joe asked for a cut we have agreed with him by phone; the fixed version follows next week.';
    const editorOverride = await publish('editor', { override: { reason } });
    expect(editorOverride.status).toBe(403);
    expect(editorOverride.body.error.message).toMatch(/Only an admin can publish/);
    expect((await publish('admin', { override: { reason: ' ' } })).status).toBe(400);

    const overridden = await publish('admin', { override: { reason } });
    expect(overridden.status).toBe(200);
    expect(overridden.body.publishedAt).toEqual(expect.any(String));
    expect((await list()).override).toEqual({
      reason,
      by: { id: ids.admin, name: 'Ada Admin' },
      at: expect.any(String),
    });
    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', episodeId)
      .where('action', '=', 'episode.signoffOverridden')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(ids.admin);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      reason,
      waitingFor: [{ userId: ids.carer2, state: 'changes_requested' }],
    });
    expect((await people.editor.post(`/api/episodes/${episodeId}/unpublish`)).status).toBe(200);
  });

  it('keeps an approval through a new render only while that person’s parts are unchanged; the publisher approves their own', async () => {
    const { people, ids } = ctx;
    requested.length = 0;
    // Joe's cut: his stretch ends 0.3 s sooner. Ed's welcome goes at the end. Mary's part is untouched.
    await renderAgain((items) => [
      items[0]!,
      { ...items[1]!, outSeconds: Math.round((items[1]!.outSeconds - 0.3) * 1000) / 1000 },
      { kind: 'clip', clipId: editorClip.id, inSeconds: 0, outSeconds: editorClip.durationSeconds },
    ]);
    expect(await stateOf()).toEqual(
      new Map([
        [ids.carer, 'approved'],
        [ids.carer2, 'pending'],
        [ids.editor, 'pending'],
      ]),
    );
    expect((await list()).required[1]!.note).toBeNull();
    await eventually(async () => requested.length === 1);
    expect(requested[0]!.userIds).toEqual([ids.carer2, ids.editor]);

    expect((await people.carer2.post(`${signoffs()}/me`, { decision: 'approved', note: 'Thank you.' })).status).toBe(
      200,
    );
    // Only the editor's own parts are unapproved: publishing is their approval.
    const published = await publish('editor');
    expect(published.status).toBe(200);
    expect(await stateOf()).toEqual(
      new Map([
        [ids.carer, 'approved'],
        [ids.carer2, 'approved'],
        [ids.editor, 'approved'],
      ]),
    );
    expect((await list()).complete).toBe(true);
    expect((await people.editor.post(`/api/episodes/${episodeId}/unpublish`)).status).toBe(200);

    // Mary's stretch now starts half a second in: she is asked again; Joe's and Ed's approvals stay.
    requested.length = 0;
    await renderAgain((items) => [{ ...items[0]!, inSeconds: 0.5 }, items[1]!, items[2]!]);
    expect(await stateOf()).toEqual(
      new Map([
        [ids.carer, 'pending'],
        [ids.carer2, 'approved'],
        [ids.editor, 'approved'],
      ]),
    );
    await eventually(async () => requested.length === 1);
    expect(requested[0]!.userIds).toEqual([ids.carer]);
    const waiting = await publish('editor');
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.message).toMatch(/: carer person has not answered yet\./);
  }, 240_000);

  it('lets an admin alone turn sign-off off, recorded in the audit trail; publishing then waits for nobody', async () => {
    const { people, ws, ids } = ctx;
    const setting = `/api/workspaces/${ws.id}/signoff-setting`;
    expect((await people.carer.get(setting)).body).toEqual({ enabled: true });
    const editorTries = await people.editor.request('PUT', setting, { enabled: false });
    expect(editorTries.status).toBe(403);
    expect(editorTries.body.error.message).toMatch(/Only an admin/);
    expect((await outsider.people.admin.request('PUT', setting, { enabled: false })).status).toBe(404);
    expect((await people.admin.request('PUT', setting, { enabled: 'no' })).status).toBe(400);
    expect((await people.admin.request('PUT', setting, { enabled: false })).body).toEqual({ enabled: false });
    expect((await people.carer.get(setting)).body).toEqual({ enabled: false });
    expect((await list()).enabled).toBe(false);
    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'workspace.signoffSetting')
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.detail)])).toEqual([[ids.admin, { enabled: false }]]);

    expect((await publish('editor')).status).toBe(200);
    expect((await people.admin.request('PUT', setting, { enabled: true })).status).toBe(200);
  });
});
