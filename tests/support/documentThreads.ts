import { afterAll, beforeAll } from 'vitest';
import * as Y from 'yjs';
import { commentAttributeKey } from '../../shared/editor/commentMark';
import type { DocumentThreadEvent, ThreadMentionEvent } from '../../shared/realtime/events';
import { joinedSocket, type ClientSocket } from './audioClips';
import { CollabClient, eventually, type CollabDoc } from './collabClient';
import { newDocument, teamWithEveryRole, type Team } from './collabFixtures';
import { signedUp, type TestClient } from './httpClient';
import { startServerOn, type TestDatabaseName } from './serverOnDatabase';
import type { TestServer } from './startServer';

/** Helpers for the comment thread tests: a team on a real server, and Yjs selections as the editor makes them. */

export const textOf = (doc: CollabDoc, paragraph = 0) => (doc.body.get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** A text node's words without formatting (`toString` would include the marks as tags). */
export const plainText = (text: Y.XmlText) => (text.toDelta() as { insert: string }[]).map((op) => op.insert).join('');

/** The selection as the editor sends it: `from` sticks to the first chosen character, `to` to the last. */
export function selectionOf(doc: CollabDoc, words: string, paragraph = 0) {
  const text = textOf(doc, paragraph);
  const start = plainText(text).indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in "${plainText(text)}"`);
  return {
    from: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start, 0))),
    to: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start + words.length, -1))),
  };
}

/** The words a thread's mark covers in one client's copy, run by run. */
export function markedRuns(doc: CollabDoc, threadId: string): string[] {
  const key = commentAttributeKey(threadId);
  const runs: string[] = [];
  for (const node of doc.body.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      for (const op of child.toDelta() as { insert: string; attributes?: Record<string, { threadId: string }> }[]) {
        if (op.attributes?.[key]?.threadId === threadId) runs.push(op.insert);
      }
    }
  }
  return runs;
}

/** Every `thread:changed` or `thread:mention` event the socket hears from now on. */
export function eventsOf<E extends 'thread:changed' | 'thread:mention'>(socket: ClientSocket, name: E) {
  const seen: (E extends 'thread:changed' ? DocumentThreadEvent : ThreadMentionEvent)[] = [];
  socket.on(name as 'thread:changed', ((e: never) => seen.push(e)) as never);
  return seen;
}

/** A team on a real server, with what the tests open kept to close after the file. Its functions may be destructured. */
export class ThreadsWorld {
  server!: TestServer;
  team!: Team;
  /** Someone with an account who is not in the team's workspace. */
  outsider!: { client: TestClient; user: { id: string } };
  /** Every collab client opened so far. */
  readonly clients: CollabClient[] = [];
  readonly sockets: ClientSocket[] = [];

  open = async (cookie: string | undefined) => {
    const c = await CollabClient.open(this.server.url, cookie);
    this.clients.push(c);
    return c;
  };

  /** A socket in the workspace room for this person. */
  watch = async (client: TestClient) => this.keep(await joinedSocket(this.server.url, client, this.team.workspaceId));

  keep = (socket: ClientSocket) => {
    this.sockets.push(socket);
    return socket;
  };

  /** A new document the expert has open (`writer`); with `words`, typed and saved on the server. */
  commentOnlyDocument = async (title: string, words?: string) => {
    const { team } = this;
    const doc = await newDocument(team.people.expert, team.workspaceId, title);
    const writer = await (await this.open(team.people.expert.cookie)).join(doc.id);
    if (words !== undefined) {
      writer.type(words);
      await eventually(async () =>
        (await team.people.admin.get(`/api/documents/${doc.id}/content?format=html`)).body.html.includes(words),
      );
    }
    return { doc, writer };
  };
}

/**
 * A server on `database` with a team in every role and an outsider, made once for the describe block.
 * Documents leave memory soon after the last person leaves, so listing from storage is tested too.
 */
export function documentThreadsWorld(database: TestDatabaseName): ThreadsWorld {
  const world = new ThreadsWorld();
  beforeAll(async () => {
    world.server = await startServerOn(database, { chorus: { collab: { idleUnloadMs: 300 } } });
    world.team = await teamWithEveryRole(world.server.url);
    world.outsider = await signedUp(world.server.url, 'Olive Outsider');
  });
  afterAll(async () => {
    for (const c of world.clients.splice(0)) c.close();
    for (const s of world.sockets.splice(0)) s.disconnect();
    await world.server.stop();
  });
  return world;
}
