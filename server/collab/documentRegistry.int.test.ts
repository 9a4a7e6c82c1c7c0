import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../../tests/support/collabClient';
import { collabStorage } from '../../tests/support/collabStorage';
import { testDatabases } from '../../tests/support/databases';
import { createLogger } from '../logger';
import { DocumentRegistry } from './documentRegistry';
import { collabOptions } from './options';
import { DocumentPersistence } from './persistence';
import { UpdateLog } from './updateLog';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const words = (doc: Y.Doc) => doc.getText('t').toString();
const typed = (text: string) => {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
};

describe.each(testDatabases())('the documents open on one instance ($name)', (database) => {
  async function setup() {
    const { db, another, blobs, workspaceId, newDocument } = await collabStorage(database, cleanups);
    const row = await newDocument();
    const log = new UpdateLog(db);
    const persistence = new DocumentPersistence(log, blobs, createLogger('silent'), 1 << 24);
    const registry = new DocumentRegistry(log, persistence, createLogger('silent'), collabOptions(), () => ({
      broadcast: () => undefined,
      evict: () => undefined,
    }));
    cleanups.push(() => registry.close());
    // Another instance, on its own connection.
    const elsewhere = new UpdateLog(await another());
    return { row, workspaceId, log, persistence, registry, elsewhere };
  }

  it('catches up with a change another instance announced while the document was still loading', async () => {
    const { row, workspaceId, persistence, registry, elsewhere } = await setup();
    const load = persistence.load.bind(persistence);
    persistence.load = async (documentId) => {
      const loaded = await load(documentId);
      // Logged elsewhere just after this load read the log, and announced before the document is open here.
      const [seq] = await elsewhere.append([{ documentId, data: typed('from elsewhere'), userId: null }]);
      registry.changedElsewhere(documentId, seq!);
      return loaded;
    };
    const doc = await registry.open(row.id, workspaceId);
    await eventually(() => words(doc.ydoc) === 'from elsewhere', 5000, 'the change announced during the load');
  });

  it('catches up with changes whose notice was lost, by comparing open documents with their log', async () => {
    const { row, workspaceId, registry, elsewhere } = await setup();
    const doc = await registry.open(row.id, workspaceId);
    await elsewhere.append([{ documentId: row.id, data: typed('unannounced'), userId: null }]);
    expect(words(doc.ydoc)).toBe('');
    await registry.catchUpWithLog();
    await eventually(() => words(doc.ydoc) === 'unannounced', 5000, 'the unannounced change');
  });
});
