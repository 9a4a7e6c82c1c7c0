import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { recordingChunksPrefix } from '../../server/storage/keys';
import { ffmpeg, makeLongWav, makeTestAudio, type TestAudio } from './audio';
import { workspaceWithPeople } from './audioClips';
import type { TestClient } from './httpClient';
import { freshPostgresSchema, testPostgresUrl } from './postgres';
import { freshS3, testS3Endpoint, type TestS3 } from './s3';
import { startServer, type TestServer } from './startServer';
import { currentConsentVersion } from '../../shared/contracts/clips';

/** Helpers for the recording tests: a recording as MediaRecorder makes it, cut into pieces and sent one by one. */

const pgUrl = testPostgresUrl();
const s3Endpoint = testS3Endpoint();
/** Local disk and SQLite always; PostgreSQL and S3 too when the environment names them (always in CI). */
export const recordingSetups = [
  { name: 'local disk and SQLite' },
  ...(pgUrl ? [{ name: 'PostgreSQL' }] : []),
  ...(s3Endpoint ? [{ name: 'S3' }] : []),
];

export const MAX_UPLOAD = 12 * 1024 * 1024;
export const CHUNK_MAX = 8 * 1024 * 1024;
export const consent = {
  podcast: true,
  publicationQuotes: false,
  audience: 'internal',
  wordingVersion: currentConsentVersion,
};

export interface RecordedAudio {
  /** 20 s of speech over quiet noise. */
  wav: string;
  /** The same as WebM/Opus written as a live stream (no duration, no cues in the header): what Chrome's MediaRecorder makes. */
  webmFile: string;
  webm: Buffer;
}

/** The recording, made once for the file (in a beforeAll) and removed after it. */
export function recordedAudio(): RecordedAudio {
  const recorded = {} as RecordedAudio;
  let audio: TestAudio | undefined;
  beforeAll(async () => {
    audio = await makeTestAudio();
    recorded.wav = await makeLongWav(audio.dir, 20);
    recorded.webmFile = path.join(audio.dir, 'recorded.webm');
    await ffmpeg([
      '-i',
      recorded.wav,
      '-ac',
      '1',
      '-ar',
      '48000',
      '-c:a',
      'libopus',
      '-b:a',
      '48k',
      '-live',
      '1',
      '-f',
      'webm',
      recorded.webmFile,
    ]);
    recorded.webm = await readFile(recorded.webmFile);
  });
  afterAll(() => audio?.cleanup());
  return recorded;
}

/** Cuts a file at arbitrary points, as MediaRecorder's timeslice does: not at any container boundary, and unevenly. */
export function pieces(bytes: Buffer, count: number): Buffer[] {
  const size = Math.floor(bytes.length / count);
  const cuts = Array.from({ length: count - 1 }, (_, i) => (i + 1) * size + (i % 2 ? 37 : -41));
  return [0, ...cuts].map((from, i) => bytes.subarray(from, cuts[i] ?? bytes.length));
}

export async function putChunk(
  client: TestClient,
  id: string,
  seq: number | string,
  bytes: Buffer | Uint8Array,
  headers: Record<string, string> = {},
  query = '',
) {
  const res = await fetch(`${client.baseUrl}/api/recordings/${id}/chunks/${seq}${query}`, {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: {
      'content-type': 'application/octet-stream',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...headers,
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A server on one of the recording setups, with a workspace of people; its functions may be destructured. */
export class RecordingWorld {
  server!: TestServer;
  people!: Awaited<ReturnType<typeof workspaceWithPeople>>['people'];
  ws!: { id: string };
  /** The person recording, unless a test says otherwise. */
  carer!: TestClient;

  /** Starts a recording (201 or the test fails). */
  start = async (who: TestClient = this.carer, body: Record<string, unknown> = {}) => {
    const res = await who.post(`/api/workspaces/${this.ws.id}/recordings`, {
      title: 'My mother’s garden',
      mimeType: 'audio/webm;codecs=opus',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; nextSeq: number; state: string };
  };

  /** The objects in storage under the recording's pieces (or under `prefix`). */
  stored = (id: string, prefix = recordingChunksPrefix(this.ws.id, id)) =>
    this.server.chorus.services.blobs.list(prefix);
}

export function recordingWorld(setup: string): RecordingWorld {
  const world = new RecordingWorld();
  let s3: TestS3 | undefined;
  let dropSchema: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const env: Record<string, string> = { MAX_UPLOAD_BYTES: String(MAX_UPLOAD) };
    if (setup === 'PostgreSQL') {
      const schema = await freshPostgresSchema(pgUrl!);
      dropSchema = schema.drop;
      Object.assign(env, { DATABASE_URL: schema.url, SESSION_SECRET: randomUUID() + randomUUID() });
    }
    if (setup === 'S3') {
      s3 = freshS3(s3Endpoint!);
      Object.assign(env, s3.env);
    }
    world.server = await startServer({ env });
    ({ people: world.people, ws: world.ws } = await workspaceWithPeople(world.server.url));
    world.carer = world.people.carer;
  });
  afterAll(async () => {
    await world.server?.stop();
    await s3?.drop();
    await dropSchema?.();
  });
  return world;
}
