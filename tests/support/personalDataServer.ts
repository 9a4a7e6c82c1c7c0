import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import { uploadAudio, waitForClip, type ClientSocket, type workspaceWithPeople } from './audioClips';
import type { TestClient } from './httpClient';
import { startServerOn, type TestDatabaseName } from './serverOnDatabase';
import type { TestServer } from './startServer';

const run = promisify(execFile);
type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;

/**
 * The set-up of the tests of a person's own data ("Download my data", "Delete my account"): a real server on
 * `database` started before the describe's tests and stopped after them, a spoken recording to upload, and the
 * steps those tests share. Sockets the tests open go in `sockets`, to be closed with the server.
 */
export function personalDataServer(database: TestDatabaseName) {
  let server: TestServer | undefined;
  let dir: string | undefined;
  let speech = '';
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    [server, dir] = await Promise.all([startServerOn(database), mkdtemp(path.join(tmpdir(), 'chorus-mydata-'))]);
    speech = path.join(dir, 'story.wav');
    await run('espeak-ng', ['-w', speech, 'I look after my mother. Some days are long, but the neighbours help.']);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const started = () => {
    if (!server) throw new Error('the server is started in beforeAll');
    return server;
  };

  return {
    get server() {
      return started();
    },
    get speech() {
      return speech;
    },
    sockets,

    emailOf: async (userId: string) => (await started().chorus.services.users.findById(userId))!.email,

    /** A recording uploaded by `who` with every consent given, processed by the real pipeline. */
    async readyClip(team: Team, who: 'carer' | 'carer2', title: string, audience = 'internal') {
      const up = await uploadAudio(team.people[who], team.ws.id, speech, {
        title,
        fields: { podcast: 'true', publicationQuotes: 'true', audience },
      });
      expect(up.status).toBe(201);
      const clip = await waitForClip(team.people[who], up.body.id, undefined, 60_000);
      expect(clip.status).toBe('ready');
      return clip as { id: string; media: { durationSeconds: number } };
    },

    /** The person agrees to be named in published episodes (as `creditName`, or their account's name). */
    async creditByName(client: TestClient, workspaceId: string, creditName?: string) {
      const body = { creditByName: true, ...(creditName ? { creditName } : {}) };
      expect((await client.patch(`/api/workspaces/${workspaceId}/members/me/credit`, body)).status).toBe(200);
    },
  };
}
