import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { decodeServerMessage, syncStep1, syncStep2, syncUpdate } from './collabMessages';
import { CollabProvider } from './collabProvider';
import type { CollabSocket } from './collabSocket';
import { FakeSocketEvents } from './fakeSocketEvents';

type Handler = (...args: unknown[]) => void;

/**
 * A stand-in for the `/collab` server behind a socket: it answers join with its sync step 1, step 1
 * with step 2, and applies updates and acknowledges them with `collab:saved` (numbered from 1 after
 * each join, as the server numbers them), or holds them back (as if its durable log were slow) when asked.
 */
class FakeServer extends FakeSocketEvents {
  readonly doc = new Y.Doc();
  connected = true;
  canEdit = true;
  holding = false;
  held: { update: Uint8Array; n: number }[] = [];
  joins = 0;
  /** Sync step 2 and update messages received since the last join. */
  received = 0;
  /** When set, every join is refused with this error. */
  refuseWith: { code: string; message: string } | null = null;

  get socket(): CollabSocket {
    return this as unknown as CollabSocket;
  }

  emit(event: string, ...args: unknown[]) {
    queueMicrotask(() => this.receive(event, args));
    return this;
  }

  release(docId: string) {
    this.holding = false;
    for (const { update, n } of this.held.splice(0)) this.save(docId, update, n);
  }

  private save(docId: string, update: Uint8Array, n: number) {
    Y.applyUpdate(this.doc, update);
    this.deliver('collab:saved', docId, { through: n });
  }

  disconnect() {
    this.connected = false;
    this.deliver('disconnect', 'transport close');
  }

  reconnect() {
    this.connected = true;
    this.deliver('connect');
  }

  private receive(event: string, args: unknown[]) {
    if (!this.connected) return;
    const docId = args[0] as string;
    if (event === 'join') {
      this.joins += 1;
      this.received = 0;
      if (this.refuseWith) return (args[2] as Handler)({ ok: false, error: this.refuseWith });
      (args[2] as Handler)({ ok: true, canEdit: this.canEdit });
      this.deliver('y', docId, syncStep1(this.doc));
    } else if (event === 'y') {
      const message = decodeServerMessage(args[1] as Uint8Array);
      if (message?.type === 'sync-step1') this.deliver('y', docId, syncStep2(this.doc, message.stateVector));
      if (message?.type === 'sync-step2' || message?.type === 'sync-update') {
        const n = ++this.received;
        if (this.holding) this.held.push({ update: message.update, n });
        else queueMicrotask(() => this.save(docId, message.update, n));
      }
    }
  }
}

const docId = '6f1c1c3e-1b7a-4c55-9a64-0f5e2d7a9b10';

describe('CollabProvider', () => {
  let server: FakeServer;
  let provider: CollabProvider;
  const open = async () => {
    provider = new CollabProvider({ docId, socket: server.socket, canEdit: true, schemaVersion: 1 });
    await vi.advanceTimersByTimeAsync(0);
  };
  const text = () => provider.doc.getText('t');

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
  });

  afterEach(() => {
    provider?.destroy();
    vi.useRealTimers();
  });

  it('is saved once joined and synced, and brings in what the server has', async () => {
    server.doc.getText('t').insert(0, 'from the server');
    await open();
    expect(provider.getState()).toMatchObject({ status: 'synced', canEdit: true, problem: null });
    expect(text().toString()).toBe('from the server');
  });

  it('says saving until the server says a change is in its log, not merely sent it', async () => {
    await open();
    server.holding = true;
    text().insert(0, 'hello');
    expect(provider.getState().status).toBe('saving');
    await vi.advanceTimersByTimeAsync(5000);
    expect(provider.getState().status).toBe('saving');
    server.release(docId);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(provider.getState().status).toBe('synced');
    expect(server.doc.getText('t').toString()).toBe('hello');
  });

  it('counts a deletion as unsaved until the server acknowledges it too', async () => {
    await open();
    text().insert(0, 'hello world');
    await vi.advanceTimersByTimeAsync(1000);
    expect(provider.getState().status).toBe('synced');
    server.holding = true;
    text().delete(0, 6);
    await vi.advanceTimersByTimeAsync(2000);
    expect(provider.getState().status).toBe('saving');
    server.release(docId);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(provider.getState().status).toBe('synced');
    expect(server.doc.getText('t').toString()).toBe('world');
  });

  it('does not count changes from the server as unsaved', async () => {
    await open();
    const joins = server.joins;
    const other = new Y.Doc();
    other.getText('t').insert(0, 'someone else');
    const theirs = Y.encodeStateAsUpdate(other);
    Y.applyUpdate(server.doc, theirs);
    server.deliver('y', docId, syncUpdate(theirs));
    await vi.advanceTimersByTimeAsync(2000);
    expect(text().toString()).toBe('someone else');
    expect(provider.getState().status).toBe('synced');
    expect(server.joins).toBe(joins);
  });

  it('waits for every change to be acknowledged, not only the first, and ignores other documents’ acknowledgements', async () => {
    await open();
    server.holding = true;
    text().insert(0, 'one');
    text().insert(3, ' two');
    await vi.advanceTimersByTimeAsync(0);
    // The first is saved, the second is not yet.
    server.deliver('collab:saved', docId, { through: server.received - 1 });
    expect(provider.getState().status).toBe('saving');
    server.deliver('collab:saved', 'another-document', { through: 100 });
    expect(provider.getState().status).toBe('saving');
    server.release(docId);
    await vi.advanceTimersByTimeAsync(0);
    expect(provider.getState().status).toBe('synced');
    expect(server.joins).toBe(1);
  });

  it('is offline without a connection, keeps changes, and sends them after reconnecting', async () => {
    await open();
    server.disconnect();
    expect(provider.getState().status).toBe('offline');
    text().insert(0, 'written offline');
    expect(server.doc.getText('t').toString()).toBe('');
    server.reconnect();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.doc.getText('t').toString()).toBe('written offline');
    expect(provider.getState().status).toBe('synced');
  });

  it('follows the server on who may edit, and says why a change was refused', async () => {
    server.canEdit = false;
    await open();
    expect(provider.getState()).toMatchObject({ status: 'synced', canEdit: false });
    server.deliver('collab:access', docId, { canEdit: true });
    expect(provider.getState().canEdit).toBe(true);
    server.deliver('collab:error', docId, {
      code: 'forbidden',
      message: 'Your change was not saved. Carers may only comment here.',
    });
    expect(provider.getState()).toMatchObject({ status: 'error', canEdit: false, problem: { code: 'forbidden' } });
    server.deliver('collab:error', 'another-document', { code: 'not_found', message: 'Not this one.' });
    expect(provider.getState().problem?.code).toBe('forbidden');
  });

  it('asks for a reload, without trying again, when the server needs a newer editor', async () => {
    server.refuseWith = {
      code: 'schema_outdated',
      message: 'This page is out of date (editor version 1; the server needs 2).',
    };
    await open();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.joins).toBe(1);
    expect(provider.getState()).toMatchObject({ status: 'error', problem: { code: 'schema_outdated' } });
    expect(provider.getState().problem?.message).toBe(
      'Chorus has been updated. Reload the page to keep writing; your changes are kept on this device.',
    );
  });

  it('tries a join race again quietly', async () => {
    server.refuseWith = { code: 'conflict', message: 'You left this document before it finished opening.' };
    await open();
    server.refuseWith = null;
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.joins).toBe(2);
    expect(provider.getState()).toMatchObject({ status: 'synced', problem: null });
  });

  it('joins again when the server puts it out of the document', async () => {
    await open();
    const joins = server.joins;
    server.deliver('collab:error', docId, { code: 'unavailable', message: 'This document had to be reopened.' });
    expect(provider.getState().status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.joins).toBeGreaterThan(joins);
    expect(provider.getState().status).toBe('synced');
  });
});
