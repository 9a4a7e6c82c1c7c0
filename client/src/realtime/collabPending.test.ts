import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteSetOf, PendingChanges, serverHolds, type ServerView } from './collabPending';

/** What a client learns about a server doc: its state vector (step 1) and its delete set (step 2). */
const viewOf = (server: Y.Doc): ServerView => ({
  stateVector: Y.decodeStateVector(Y.encodeStateVector(server)),
  deleteSet: deleteSetOf(Y.encodeStateAsUpdate(server, Y.encodeStateVector(new Y.Doc()))),
});

function pair() {
  const client = new Y.Doc();
  const server = new Y.Doc();
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  return { client, server, updates, text: client.getText('t') };
}

describe('serverHolds', () => {
  it('sees insertions by the state vector', () => {
    const { client, server, updates, text } = pair();
    text.insert(0, 'hello');
    expect(serverHolds(viewOf(server), updates[0]!)).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(serverHolds(viewOf(server), updates[0]!)).toBe(true);
  });

  it('sees deletions by the delete set, which the state vector does not show', () => {
    const { client, server, updates, text } = pair();
    text.insert(0, 'hello world');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    text.delete(0, 6);
    const deletion = updates.at(-1)!;
    expect(serverHolds(viewOf(server), deletion)).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(serverHolds(viewOf(server), deletion)).toBe(true);
  });

  it('is not fooled by a partly held deletion', () => {
    const { client, server, updates, text } = pair();
    text.insert(0, 'abcdef');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    text.delete(0, 2);
    Y.applyUpdate(server, updates.at(-1)!);
    text.delete(2, 2);
    const both = Y.mergeUpdates(updates.slice(-2));
    expect(serverHolds(viewOf(server), both)).toBe(false);
  });
});

describe('PendingChanges', () => {
  it('empties only once the server holds every change', () => {
    const { client, server, updates, text } = pair();
    const pending = new PendingChanges();
    text.insert(0, 'one ');
    pending.add(updates.at(-1)!);
    Y.applyUpdate(server, updates.at(-1)!);
    text.insert(4, 'two');
    pending.add(updates.at(-1)!);
    expect(pending.settle(viewOf(server))).toBe(false);
    expect(pending.empty).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(pending.settle(viewOf(server))).toBe(true);
    expect(pending.empty).toBe(true);
  });

  it('treats an empty document as saved', () => {
    const pending = new PendingChanges();
    pending.reset(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(pending.settle(viewOf(new Y.Doc()))).toBe(true);
  });
});
