import { execFileSync } from 'node:child_process';
import type { APIRequestContext } from 'playwright-core';
import { showSettings } from '../../support/showSettings';
import { currentConsentVersion } from '../../../shared/contracts/clips';

/** Polls an API address (with the page's session) until `done` says so. */
export async function pollApi(
  api: APIRequestContext,
  url: string,
  done: (body: any) => boolean,
  timeoutMs = 30_000,
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await (await api.get(url)).json();
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`${url} did not get there: ${JSON.stringify(body).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function ok(response: Promise<{ ok(): boolean; status(): number; text(): Promise<string> }>, what: string) {
  const res = await response;
  if (!res.ok()) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
}

/**
 * Through the API, with the page's session: a clip of espeak-ng saying `speech`, approved; the show's settings; an
 * episode of that one clip with these chapters, rendered and published. For journeys about what comes after.
 */
export async function publishSpokenEpisode(
  api: APIRequestContext,
  workspaceId: string,
  o: { speech: string; clipTitle: string; episodeTitle: string; chapters: { atSeconds: number; title: string }[] },
): Promise<{ clip: { id: string }; episode: { id: string } }> {
  const wav = execFileSync('espeak-ng', ['--stdout', o.speech]);
  const clip = await (
    await api.post(`/api/workspaces/${workspaceId}/clips`, {
      multipart: {
        title: o.clipTitle,
        podcast: 'true',
        publicationQuotes: 'false',
        audience: 'public',
        consentVersion: String(currentConsentVersion),
        audio: { name: 'speech.wav', mimeType: 'audio/wav', buffer: wav },
      },
    })
  ).json();
  const ready = await pollApi(api, `/api/clips/${clip.id}`, (c) => c.status === 'ready', 60_000);
  await ok(api.post(`/api/clips/${clip.id}/review`, { data: { state: 'approved' } }), 'approving the clip');
  const show = showSettings({ language: 'en-gb', ownerName: 'Ann Admin', ownerEmail: 'ann@example.org' });
  await ok(api.put(`/api/workspaces/${workspaceId}/show`, { data: show }), 'the show settings');
  const episode = await (
    await api.post(`/api/workspaces/${workspaceId}/episodes`, { data: { title: o.episodeTitle } })
  ).json();
  const timeline = {
    items: [{ kind: 'clip', clipId: clip.id, inSeconds: 0, outSeconds: ready.media.durationSeconds }],
    chapters: o.chapters,
  };
  await ok(api.put(`/api/episodes/${episode.id}/timeline`, { data: timeline }), 'the timeline');
  await ok(api.post(`/api/episodes/${episode.id}/render`, { data: {} }), 'starting the render');
  await pollApi(api, `/api/episodes/${episode.id}/renders`, (r) => r.renders[0]?.status === 'passed', 90_000);
  await ok(api.post(`/api/episodes/${episode.id}/publish`, { data: {} }), 'publishing');
  return { clip, episode };
}
