import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import { signedUp, TestClient } from './httpClient';
import { currentConsentVersion } from '../../shared/contracts/clips';

/** Helpers for the clip tests: uploads as a browser form would send them, waiting for processing, sockets. */

export const consentFields = {
  podcast: 'true',
  publicationQuotes: 'false',
  audience: 'internal',
  consentVersion: String(currentConsentVersion),
};

export interface UploadOptions {
  title?: string;
  filename?: string;
  /** Replaces the default consent fields (set a value to undefined to leave it out). */
  fields?: Record<string, string | undefined>;
  /** Send the text fields after the file instead of before it. */
  fieldsAfterFile?: boolean;
}

export async function uploadAudio(
  client: TestClient,
  workspaceId: string,
  file: string | Buffer,
  options: UploadOptions = {},
) {
  const bytes = typeof file === 'string' ? await readFile(file) : file;
  const filename = options.filename ?? (typeof file === 'string' ? path.basename(file) : 'recording.wav');
  const fields: Record<string, string | undefined> = {
    title: options.title ?? `Story ${filename}`,
    ...consentFields,
    ...options.fields,
  };
  const form = new FormData();
  const addFields = () => {
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  };
  if (!options.fieldsAfterFile) addFields();
  form.append('audio', new Blob([new Uint8Array(bytes)]), filename);
  if (options.fieldsAfterFile) addFields();
  const res = await fetch(`${client.baseUrl}/api/workspaces/${workspaceId}/clips`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** Polls the clip until `done` says so (or fails the test after `timeoutMs`). */
export async function waitForClip(
  client: TestClient,
  clipId: string,
  done: (clip: any) => boolean = (c) => c.status === 'ready' || c.status === 'failed',
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/clips/${clipId}`);
    if (res.status === 200 && done(res.body)) return res.body;
    if (Date.now() > deadline)
      throw new Error(
        `clip ${clipId} did not get there in ${timeoutMs} ms; last answer ${res.status} ${JSON.stringify(res.body)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** GET returning the raw bytes. */
export async function getBytes(client: TestClient, urlPath: string, headers: Record<string, string> = {}) {
  const res = await fetch(client.baseUrl + urlPath, {
    headers: { ...headers, ...(client.cookie ? { cookie: client.cookie } : {}) },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** An admin with a fresh workspace, plus people in the other roles who joined by invite. */
export async function workspaceWithPeople(baseUrl: string) {
  const admin = await signedUp(baseUrl, 'Ada Admin');
  const ws = (await admin.client.post('/api/workspaces', { name: 'Carers’ stories' })).body as { id: string };
  const people = { admin: admin.client } as Record<'admin' | 'editor' | 'expert' | 'carer' | 'carer2', TestClient>;
  const ids = { admin: admin.user.id } as Record<keyof typeof people, string>;
  for (const role of ['editor', 'expert', 'carer', 'carer2'] as const) {
    const invite = await admin.client.post(`/api/workspaces/${ws.id}/invites`, {
      role: role === 'carer2' ? 'carer' : role,
    });
    const client = new TestClient(baseUrl);
    const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
    const accepted = await client.post(`/api/invites/${invite.body.token}/accept`, {
      email,
      password: 'a good long password',
      name: `${role} person`,
    });
    if (accepted.status !== 200) throw new Error(`invite failed: ${JSON.stringify(accepted.body)}`);
    people[role] = client;
    ids[role] = accepted.body.user.id;
  }
  return { ws, people, ids };
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A signed-in socket that has joined the workspace room. */
export async function joinedSocket(baseUrl: string, client: TestClient, workspaceId: string): Promise<ClientSocket> {
  const socket: ClientSocket = connect(baseUrl, {
    transports: ['websocket'],
    extraHeaders: client.cookie ? { cookie: client.cookie } : {},
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit('workspace:join', workspaceId, resolve));
  if (!ack.ok) throw new Error(`could not join: ${JSON.stringify(ack)}`);
  return socket;
}
