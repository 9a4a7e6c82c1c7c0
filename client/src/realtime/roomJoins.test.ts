import { describe, expect, it } from 'vitest';
import { FakeSocketEvents } from './fakeSocketEvents';
import type { ChorusSocket } from './socket';
import { afterEachJoin, followRoom, type RoomState } from './roomJoins';

type Reply =
  { ok: true; online: { userId: string; name: string; role: string }[] } | { ok: false; error: { message: string } };

/** A socket whose server is played by the test: it answers `workspace:join` as `answer` says, when `reply()` is called. */
class FakeSocket extends FakeSocketEvents {
  connected = false;
  active = true;
  sent: { event: string; workspaceId: unknown }[] = [];
  private acks: ((reply: Reply) => void)[] = [];

  get socket(): ChorusSocket {
    return this as unknown as ChorusSocket;
  }

  emit(event: string, workspaceId: unknown, ack?: (reply: Reply) => void) {
    this.sent.push({ event, workspaceId });
    if (ack) this.acks.push(ack);
    return this;
  }

  connect() {
    this.connected = true;
    this.deliver('connect');
  }

  drop() {
    this.connected = false;
    this.deliver('disconnect', 'transport close');
  }

  reply(reply: Reply = { ok: true, online: [] }) {
    for (const ack of this.acks.splice(0)) ack(reply);
  }
}

const ws = '0b8a4d43-5c36-4c1b-9a4e-0c8d1a7f3e21';
const other = '5e0f9b7a-2d3c-4e1f-8a9b-7c6d5e4f3a21';

function follow(socket: FakeSocket, workspaceId = ws) {
  let state: RoomState = { online: [], connection: 'connecting', problem: null };
  const leave = followRoom(
    socket.socket,
    workspaceId,
    (update) => (state = update(state)),
    () => undefined,
  );
  return { leave, state: () => state };
}

describe('catching up after each join of a workspace room', () => {
  it('tells every listener of that workspace after each join, the first one included, whoever joined', () => {
    const socket = new FakeSocket();
    const heard: string[] = [];
    const offThreads = afterEachJoin(ws, () => heard.push('threads'));
    const offExport = afterEachJoin(ws, () => heard.push('export'));
    const offElsewhere = afterEachJoin(other, () => heard.push('elsewhere'));
    const room = follow(socket);

    socket.connect();
    expect(heard).toEqual([]); // not before the server says yes: events still go elsewhere until then
    socket.reply();
    expect(heard).toEqual(['threads', 'export']);
    expect(room.state().connection).toBe('connected');

    socket.drop();
    expect(room.state().connection).toBe('reconnecting');
    socket.connect();
    socket.reply();
    expect(heard).toEqual(['threads', 'export', 'threads', 'export']);
    expect(socket.sent.filter((s) => s.event === 'workspace:join')).toHaveLength(2);

    offThreads();
    offExport();
    offElsewhere();
    room.leave();
  });

  it('joins at once when already connected, and says nothing of a refused join', () => {
    const socket = new FakeSocket();
    socket.connected = true;
    let heard = 0;
    const off = afterEachJoin(ws, () => (heard += 1));
    const room = follow(socket);
    expect(socket.sent).toEqual([{ event: 'workspace:join', workspaceId: ws }]);
    socket.reply({ ok: false, error: { message: 'You are not a member of this workspace.' } });
    expect(heard).toBe(0);
    expect(room.state()).toMatchObject({ connection: 'refused', problem: 'You are not a member of this workspace.' });
    off();
    room.leave();
  });

  it('stops telling a listener once it stops listening, and after the room is left', () => {
    const socket = new FakeSocket();
    let heard = 0;
    const off = afterEachJoin(ws, () => (heard += 1));
    const room = follow(socket);
    socket.connect();
    socket.reply();
    off();
    socket.drop();
    socket.connect();
    socket.reply();
    expect(heard).toBe(1);

    const again = afterEachJoin(ws, () => (heard += 1));
    socket.drop();
    socket.connect();
    room.leave(); // the answer to that join comes after the page left: nothing to catch up with
    socket.reply();
    expect(heard).toBe(1);
    expect(socket.sent.at(-1)).toEqual({ event: 'workspace:leave', workspaceId: ws });
    expect(socket.listening()).toBe(0);
    again();
  });

  it('counts the same person in two tabs once among those online', () => {
    const socket = new FakeSocket();
    const room = follow(socket);
    socket.connect();
    const ann = { userId: 'u1', name: 'Ann', role: 'carer' };
    socket.reply({ ok: true, online: [{ userId: 'u2', name: 'Bea', role: 'admin' }, ann, ann] });
    expect(room.state().online.map((m) => m.name)).toEqual(['Ann', 'Bea']);
    room.leave();
  });
});
