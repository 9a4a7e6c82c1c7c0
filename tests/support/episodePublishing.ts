import { showSettings } from './showSettings';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { ffmpeg } from './audio';
import { uploadAudio, waitForClip, type workspaceWithPeople } from './audioClips';
import { CollabClient, eventually } from './collabClient';
import type { TestClient } from './httpClient';
import type { TestServer } from './startServer';

/** Helpers for the episode tests: a show, pictures and speech made here, an episode rendered, files sent as forms. */

const run = promisify(execFile);

export type Workspace = Awaited<ReturnType<typeof workspaceWithPeople>>;

export const show = showSettings({ subcategory: 'Mental Health' });

export const vtt =
  'WEBVTT\n\n00:00.000 --> 00:03.000\n<v Mary>I look after my mother.\n\n00:03.000 --> 00:06.000\nSome days are long.\n';

/** Sends one file as a browser form would (multipart/form-data), with this person's session. */
export async function putFile(
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

/** Solid red pictures made by ffmpeg in `dir`, by name: `{ name: [size, extension] }`. */
export async function pictures(
  dir: string,
  wanted: Record<string, [size: string, ext: 'png' | 'jpg']>,
): Promise<Record<string, Buffer>> {
  const images: Record<string, Buffer> = {};
  await Promise.all(
    Object.entries(wanted).map(async ([name, [size, ext]]) => {
      const file = path.join(dir, `${name}.${ext}`);
      await ffmpeg(['-f', 'lavfi', '-i', `color=c=red:s=${size}`, '-frames:v', '1', file]);
      images[name] = await readFile(file);
    }),
  );
  return images;
}

/** Mary (carer) and Joe (carer2) tell their stories for everyone to hear; the editor approves both. */
async function approvedStories(ctx: Workspace, dir: string): Promise<string[]> {
  const { people, ws } = ctx;
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
  return clipIds;
}

/** Episode 1 (season 1), empty: what the editor makes before laying anything out. */
export async function firstEpisode(ctx: Workspace): Promise<string> {
  const created = await ctx.people.editor.post(`/api/workspaces/${ctx.ws.id}/episodes`, {
    title: 'Episode 1: Being heard',
    description: '<p>Two carers on being heard.</p>',
    number: 1,
    season: 1,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** Episode 1 with both stories and two chapters on its timeline, rendered until a render passes. */
export async function renderedFirstEpisode(ctx: Workspace, dir: string): Promise<string> {
  const { people } = ctx;
  const clipIds = await approvedStories(ctx, dir);
  const durations = await Promise.all(
    clipIds.map(async (id) => (await people.editor.get(`/api/clips/${id}`)).body.media.durationSeconds as number),
  );
  const episodeId = await firstEpisode(ctx);
  const timeline = {
    items: clipIds.map((clipId, i) => ({ kind: 'clip', clipId, inSeconds: 0, outSeconds: durations[i]! })),
    chapters: [
      { atSeconds: 0, title: 'Mary' },
      { atSeconds: Math.floor(durations[0]!), title: 'Joe & “dementia”' },
    ],
  };
  expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline)).status).toBe(200);
  expect((await people.editor.post(`/api/episodes/${episodeId}/render`)).status).toBe(202);
  await newestRenderPasses(people.editor, episodeId);
  return episodeId;
}

/**
 * Waits until the episode's newest render (a newer one than `after`, when given) has passed; a failed one, or none
 * started at all, fails the wait with what went wrong rather than a bare timeout.
 */
export async function newestRenderPasses(
  client: TestClient,
  episodeId: string,
  { after, timeoutMs = 60_000 }: { after?: string | null; timeoutMs?: number } = {},
): Promise<string> {
  return eventually(
    async () => {
      const r = (await client.get(`/api/episodes/${episodeId}/renders`)).body.renders[0];
      if (!r || r.id === after) return false;
      if (r.status === 'failing' || r.status === 'failed') throw new Error(`render ${r.status}: ${r.failureReason}`);
      return r.status === 'passed' && (r.id as string);
    },
    timeoutMs,
    after === undefined ? 'a passing render' : 'a new render, started from the page, to pass',
  );
}

/**
 * Everyone heard in the episode's newest passing render approves their parts, each with their own session, as
 * they would on the episode page: publishing waits for it (issue 12 §2).
 */
export async function everyoneHeardSignsOff(ctx: Pick<Workspace, 'people' | 'ids'>, episodeId: string): Promise<void> {
  const { people, ids } = ctx;
  const signoffs = `/api/episodes/${episodeId}/signoffs`;
  const list = await people.editor.get(signoffs);
  expect(list.status).toBe(200);
  for (const { userId } of list.body.required as { userId: string }[]) {
    const who = (Object.keys(ids) as (keyof typeof ids)[]).find((k) => ids[k] === userId);
    if (!who) throw new Error(`someone heard in the episode is not one of the test's people: ${userId}`);
    expect((await people[who].post(`${signoffs}/me`, { decision: 'approved' })).status).toBe(200);
  }
  expect((await people.editor.get(signoffs)).body.complete).toBe(true);
}

/** The expert's script document; each of `writers` writes in it live, and the document records who wrote. */
export async function scriptWrittenBy(
  server: TestServer,
  ctx: Workspace,
  writers: ReadonlyArray<'expert' | 'admin'>,
): Promise<string> {
  const { people, ws } = ctx;
  const scriptId = (
    await people.expert.post(`/api/workspaces/${ws.id}/documents`, { title: 'Episode 1 script', kind: 'script' })
  ).body.id as string;
  for (const who of writers) {
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
  return scriptId;
}
