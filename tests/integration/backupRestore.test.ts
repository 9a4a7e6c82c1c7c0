import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, manifestSchema } from '../../server/backup/archiveManifest';
import { getBytes, workspaceWithPeople } from '../support/audioClips';
import {
  contentsOf,
  directions,
  emptyInstall,
  newSessionSecret,
  npmRun,
  type Backends,
  PUBLIC_URL,
  type Install,
  withOneByteChanged,
} from '../support/backups';
import { CollabClient } from '../support/collabClient';
import {
  everyoneHeardSignsOff,
  pictures,
  putFile,
  renderedFirstEpisode,
  scriptWrittenBy,
  show,
  type Workspace,
} from '../support/episodePublishing';
import { TestClient } from '../support/httpClient';
import { startServer, type TestServer } from '../support/startServer';

/**
 * `npm run backup` and `npm run restore` as a person runs them: a real install with accounts, a workspace, clips
 * processed by ffmpeg, a co-written script, an episode rendered and published; backed up, restored into an empty
 * install on the other backends, and compared row by row, byte by byte, and as people see it (document text,
 * feed, audio). Then the refusals: a target that is not empty, a damaged archive, a cut-off one.
 */

interface Seen {
  feed: string;
  scriptText: string;
  clipAudio: Record<string, string>;
  renderMp3: string;
}

/** What people see on a server: the feed, the script's text, each clip's audio and the published MP3. */
async function whatPeopleSee(url: string, ctx: Workspace, scriptId: string, clipIds: string[]): Promise<Seen> {
  const as = (who: keyof Workspace['people']) => Object.assign(new TestClient(url), { cookie: ctx.people[who].cookie });
  const feed = await (await fetch(`${url}/feeds/${ctx.ws.id}/podcast.xml`)).text();
  const collab = await CollabClient.open(url, as('expert').cookie);
  const doc = await collab.join(scriptId);
  await doc.whenSynced();
  const scriptText = doc.text();
  collab.close();
  const clipAudio: Record<string, string> = {};
  for (const id of clipIds) {
    const audio = await getBytes(as('editor'), `/api/clips/${id}/audio`);
    expect(audio.status).toBe(200);
    clipAudio[id] = audio.bytes.toString('base64');
  }
  const mp3 = new RegExp(`<enclosure url="${PUBLIC_URL}([^"]+)"`).exec(feed)?.[1];
  expect(mp3).toBeDefined();
  const render = await fetch(url + mp3!);
  expect(render.status).toBe(200);
  return { feed, scriptText, clipAudio, renderMp3: Buffer.from(await render.arrayBuffer()).toString('base64') };
}

describe.each(directions())('backup on %s, restore on %s', (from: Backends, to: Backends) => {
  const secret = newSessionSecret();
  let dir: string;
  let source: Install;
  let target: Install;
  let archive: string;
  let ctx: Workspace;
  let scriptId: string;
  let clipIds: string[];
  let pictureUrl: string;
  let pictureKey: string;
  let before: Seen;
  let restored: TestServer | undefined;
  const spare: Install[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-backup-'));
    archive = path.join(dir, 'chorus-backup.tar');
    [source, target] = await Promise.all([emptyInstall(from, secret), emptyInstall(to, secret)]);
    const server = await startServer({ env: source.env, keepDataDir: source.dataDir });
    try {
      ctx = await workspaceWithPeople(server.url);
      const { people, ws } = ctx;
      expect((await people.editor.request('PUT', `/api/workspaces/${ws.id}/show`, show)).status).toBe(200);
      const episodeId = await renderedFirstEpisode(ctx, dir);
      scriptId = await scriptWrittenBy(server, ctx, ['expert', 'admin']);
      const images = await pictures(dir, { square1400: ['1400x1400', 'jpg'] });
      const art = await putFile(
        people.editor,
        `/api/workspaces/${ws.id}/show/artwork`,
        'image',
        images.square1400!,
        'a.jpg',
        'image/jpeg',
      );
      expect(art.status).toBe(200);
      // A picture in the script: its row and its file go in the archive like the rest.
      const form = new FormData();
      form.append('alt', 'A red square');
      form.append('image', new Blob([new Uint8Array(images.square1400!)], { type: 'image/jpeg' }), 'red.jpg');
      const picture = await fetch(`${server.url}/api/documents/${scriptId}/images`, {
        method: 'POST',
        body: form,
        headers: { cookie: people.expert.cookie! },
      });
      expect(picture.status).toBe(201);
      const { url, imageId } = (await picture.json()) as { url: string; imageId: string };
      pictureUrl = url;
      pictureKey = `blobs/workspaces/${ws.id}/documents/${scriptId}/images/${imageId}`;
      await everyoneHeardSignsOff(ctx, episodeId);
      expect((await people.editor.post(`/api/episodes/${episodeId}/publish`)).status).toBe(200);
      clipIds = (await people.editor.get(`/api/workspaces/${ws.id}/clips`)).body.clips.map((c: { id: string }) => c.id);
      expect(clipIds).toHaveLength(2);
      before = await whatPeopleSee(server.url, ctx, scriptId, clipIds);
      // A search indexes the workspace, so the archive holds search passages too.
      const heard = await people.editor.get(`/api/workspaces/${ws.id}/search?q=heard`);
      expect(heard.body.results.map((r: { title: string }) => r.title)).toContain('Episode 1: Being heard');
    } finally {
      await server.stop();
    }
  }, 300_000);

  afterAll(async () => {
    await restored?.stop();
    for (const install of [source, target, ...spare]) await install?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('backs up everything into one archive with a manifest that checks out', async () => {
    const backup = await npmRun('backup', ['--out', archive], source);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ rows in \d+ tables, \d+ files \(\d+ bytes\) and \d+ documents to /);
    const bytes = await readFile(archive);
    // The manifest is the last entry (it is written once every checksum is known): read its JSON from the tar.
    const manifestAt = bytes.lastIndexOf(Buffer.from(`{\n  "format": "chorus-archive"`));
    const manifestEnd = bytes.indexOf(Buffer.from('\n}\n', 'utf8'), manifestAt) + 3;
    const manifest = manifestSchema.parse(JSON.parse(bytes.subarray(manifestAt, manifestEnd).toString()));
    expect(manifest.source).toEqual({
      database: from.startsWith('sqlite') ? 'sqlite' : 'postgres',
      storage: from.endsWith('disk') ? 'disk' : 's3',
    });
    const rowsOf = (t: string) => manifest.tables.find((x) => x.name === t)?.rows;
    expect(rowsOf('users')).toBe(5);
    expect(rowsOf('clips')).toBe(2);
    expect(rowsOf('episode_renders')).toBeGreaterThanOrEqual(1);
    const kinds = (k: string) => manifest.entries.filter((e) => e.kind === k).map((e) => e.name);
    expect(kinds('blob')).toEqual(
      expect.arrayContaining(clipIds.map((id) => `blobs/workspaces/${ctx.ws.id}/clips/${id}/original`)),
    );
    expect(kinds('blob').some((n) => n.endsWith('.mp3'))).toBe(true);
    expect(rowsOf('document_images')).toBe(1);
    expect(kinds('blob')).toContain(pictureKey);
    expect(kinds('document')).toContain(`documents/${scriptId}.yjs`);
    expect(manifest.entries.every((e) => e.name !== MANIFEST_NAME)).toBe(true);
  });

  it('restores into an empty install on the other backends: the same rows, files, document and feed', async () => {
    const restore = await npmRun('restore', [archive], target);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored \d+ rows, \d+ files and \d+ documents from /);

    const [was, is] = await Promise.all([contentsOf(source), contentsOf(target)]);
    expect(Object.keys(is.tables).sort()).toEqual(Object.keys(was.tables).sort());
    for (const table of Object.keys(was.tables))
      expect({ table, rows: is.tables[table] }).toEqual({ table, rows: was.tables[table] });
    expect(Object.keys(was.blobs).length).toBeGreaterThan(5);
    expect(is.blobs).toEqual(was.blobs);

    restored = await startServer({ env: target.env, keepDataDir: target.dataDir });
    const after = await whatPeopleSee(restored.url, ctx, scriptId, clipIds);
    expect(after.scriptText).toContain('Words from the expert.');
    expect(after).toEqual(before);
    // The same people, signed in as they were (with the same SESSION_SECRET), carry on where they left off.
    const editor = Object.assign(new TestClient(restored.url), { cookie: ctx.people.editor.cookie });
    const clips = await editor.get(`/api/workspaces/${ctx.ws.id}/clips`);
    expect(clips.status).toBe(200);
    expect(clips.body.clips.map((c: { status: string }) => c.status)).toEqual(['ready', 'ready']);
    const picture = await fetch(restored.url + pictureUrl, { headers: { cookie: ctx.people.editor.cookie! } });
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
    // New rows get new ids: an episode made after the move is indexed for search next to the restored passages.
    const made = await editor.post(`/api/workspaces/${ctx.ws.id}/episodes`, { title: 'Episode 2: After the move' });
    expect(made.status).toBe(201);
    const found = await editor.get(`/api/workspaces/${ctx.ws.id}/search?q=move`);
    expect(found.status).toBe(200);
    expect(found.body.results.map((r: { title: string }) => r.title)).toContain('Episode 2: After the move');
    // Passages indexed before the backup are found through the rebuilt full-text index (FTS5 or tsvector).
    const heard = await editor.get(`/api/workspaces/${ctx.ws.id}/search?q=heard`);
    expect(heard.body.results.map((r: { title: string }) => r.title)).toContain('Episode 1: Being heard');
  });

  it('refuses to restore into an install that is not empty, and changes nothing there', async () => {
    const before = await contentsOf(target);
    const again = await npmRun('restore', [archive], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^The target database is not empty: table \w+ holds \d+ rows?\. Restore only goes into an empty install/,
    );
    expect(await contentsOf(target)).toEqual(before);
  });

  it('refuses a damaged archive, naming the entry, and restores nothing of it', async () => {
    const name = `workspaces/${ctx.ws.id}/clips/${clipIds[0]}/original`;
    const damagedFile = path.join(dir, 'damaged.tar');
    await withOneByteChanged(archive, damagedFile, `blobs/${name}`);
    const fresh = await emptyInstall(to, secret);
    spare.push(fresh);
    const refused = await npmRun('restore', [damagedFile], fresh);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^The archive is damaged: "blobs/${name}" does not match its checksum .*Nothing was restored\\.`),
    );
    const left = await contentsOf(fresh);
    expect(Object.values(left.tables).flat()).toEqual([]);
    expect(left.blobs).toEqual({});

    const bytes = await readFile(archive);
    const cut = path.join(dir, 'cut.tar');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cutOff = await npmRun('restore', [cut], fresh);
    expect(cutOff.code).toBe(1);
    expect(cutOff.stderr).toMatch(/^The archive (could not be read to its end|has no manifest\.json)/);
    expect((await contentsOf(fresh)).blobs).toEqual({});
  });

  it('restores into an install that Chorus has started on once and that is still empty', async () => {
    const fresh = spare[0]!;
    const started = await startServer({ env: fresh.env, keepDataDir: fresh.dataDir });
    await started.stop();
    const restore = await npmRun('restore', [archive], fresh);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect((await contentsOf(fresh)).blobs).toEqual((await contentsOf(source)).blobs);
  });
});
