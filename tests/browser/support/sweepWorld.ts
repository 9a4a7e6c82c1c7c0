import { expect } from 'vitest';
import { workspaceWithPeople } from '../../support/audioClips';
import { everyoneHeardSignsOff, renderedFirstEpisode, show } from '../../support/episodePublishing';
import { TestClient } from '../../support/httpClient';
import type { BrowserContext } from 'playwright-core';

/**
 * A workspace with something on every page, made over HTTP: people in every role, two approved stories, an
 * episode laid out, rendered and published, a document with a named version, and open invites.
 */
export async function sweepWorld(baseUrl: string, dir: string) {
  const ctx = await workspaceWithPeople(baseUrl);
  const { people, ws } = ctx;
  expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
  const episodeId = await renderedFirstEpisode(ctx, dir);
  await everyoneHeardSignsOff(ctx, episodeId);
  expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
  const clips = (await people.carer.get(`/api/workspaces/${ws.id}/clips`)).body.clips as {
    id: string;
    contributor: { id: string };
  }[];
  const carerClipId = clips.find((c) => c.contributor.id === ctx.ids.carer)!.id;
  const carer2ClipId = clips.find((c) => c.contributor.id === ctx.ids.carer2)!.id;

  const doc = await people.editor.post(`/api/workspaces/${ws.id}/documents`, {
    title: 'What carers told us',
    kind: 'publication',
  });
  expect(doc.status).toBe(201);
  expect((await people.editor.post(`/api/documents/${doc.body.id}/versions`, { name: 'First draft' })).status).toBe(
    201,
  );

  const invite = async () =>
    (await people.admin.post(`/api/workspaces/${ws.id}/invites`, { role: 'carer' })).body.token as string;
  // Someone already signed in, with the kind of long address that pushes a narrow page wide.
  const longEmail = new TestClient(baseUrl);
  const signup = await longEmail.post('/api/auth/signup', {
    email: 'margaret.featherstonehaugh-cholmondeley@carers-association-of-north-yorkshire.example.org',
    password: 'a good long password',
    name: 'Margaret Featherstonehaugh-Cholmondeley',
  });
  expect(signup.status).toBe(201);

  return {
    people: { ...people, longEmail },
    ids: ctx.ids,
    workspaceId: ws.id,
    episodeId,
    carerClipId,
    carer2ClipId,
    docId: doc.body.id as string,
    joinToken: await invite(),
    signedInInviteToken: await invite(),
    /** A folder for files made along the way (a voice comment's audio). */
    dir,
    /** Set by the edition sign-off state's preparation. */
    editionId: '',
  };
}

export type SweepWorld = Awaited<ReturnType<typeof sweepWorld>>;
export type Who = keyof SweepWorld['people'] | 'nobody';

/** Makes the browser this person: their session cookie, or none. */
export async function actAs(context: BrowserContext, world: SweepWorld, baseUrl: string, who: Who): Promise<void> {
  await context.clearCookies();
  if (who === 'nobody') return;
  const cookie = world.people[who].cookie!;
  const at = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: baseUrl }]);
}
