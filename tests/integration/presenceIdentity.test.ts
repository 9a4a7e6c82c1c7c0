import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { CollabClient, eventually } from '../support/collabClient';
import { newDocument, teamWithEveryRole, type Team } from '../support/collabFixtures';
import { startServer, type TestServer } from '../support/startServer';

let server: TestServer;
let team: Team;
const clients: CollabClient[] = [];
beforeAll(async () => {
  server = await startServer();
  team = await teamWithEveryRole(server.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.stop();
});

async function open(role: keyof Team['people']): Promise<CollabClient> {
  const c = await CollabClient.open(server.url, team.people[role].cookie);
  clients.push(c);
  return c;
}

type Presence = { user?: { id?: string; name?: string; color?: string }; cursor?: unknown } | undefined;

describe('presence is stamped by the server', () => {
  it('shows a carer who claims to be the admin as themselves, in the document', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const admin = await (await open('admin')).join(doc.id);
    const carer = await (await open('carer')).join(doc.id);
    carer.awareness.setLocalState({
      user: { id: team.ids.admin, name: 'Ada Admin', color: 'red; background: url(//evil.example)' },
      cursor: 'here',
    });
    await eventually(() => (admin.awareness.getStates().get(carer.ydoc.clientID) as Presence)?.cursor === 'here');
    const seen = admin.awareness.getStates().get(carer.ydoc.clientID) as Presence;
    expect(seen?.user).toEqual({ id: team.ids.carer, name: 'carer person' });
  });

  it('keeps the rest of what a timeline shares (the selected item), under the sender’s own name', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const admin = await (await open('admin')).join(doc.id);
    const editor = await (await open('editor')).join(doc.id);
    editor.awareness.setLocalState({
      user: { name: 'Someone Else', colour: '#00703c', selectedIndex: 2, selectedKey: 'item-2' },
    });
    await eventually(
      () => (admin.awareness.getStates().get(editor.ydoc.clientID) as Presence & { user?: object })?.user !== undefined,
    );
    expect((admin.awareness.getStates().get(editor.ydoc.clientID) as { user: unknown }).user).toEqual({
      id: team.ids.editor,
      name: 'editor person',
      colour: '#00703c',
      selectedIndex: 2,
      selectedKey: 'item-2',
    });
  });

  it('keeps a real colour and fills in a missing name', async () => {
    const doc = await newDocument(team.people.admin, team.workspaceId);
    const admin = await (await open('admin')).join(doc.id);
    const expert = await (await open('expert')).join(doc.id);
    expert.awareness.setLocalState({ user: { color: '#1d70b8' }, cursor: 1 });
    await eventually(() => (admin.awareness.getStates().get(expert.ydoc.clientID) as Presence)?.cursor === 1);
    expect((admin.awareness.getStates().get(expert.ydoc.clientID) as Presence)?.user).toEqual({
      id: team.ids.expert,
      name: 'expert person',
      color: '#1d70b8',
    });
  });

  it('lists who is online in the workspace by their session, whatever the client says', async () => {
    const socket = connect(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: team.people.carer.cookie! },
      // Anything a client adds to its handshake is ignored.
      auth: { userId: team.ids.admin, name: 'Ada Admin' },
      query: { name: 'Ada Admin' },
    });
    try {
      const ack = await new Promise<{ ok: boolean; online?: { userId: string; name: string }[] }>((resolve) =>
        socket.emit('workspace:join', team.workspaceId, resolve),
      );
      expect(ack.ok).toBe(true);
      expect(ack.online).toEqual([expect.objectContaining({ userId: team.ids.carer, name: 'carer person' })]);
    } finally {
      socket.disconnect();
    }
  });
});
