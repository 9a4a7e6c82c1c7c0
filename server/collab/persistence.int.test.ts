import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { collabStorage } from '../../tests/support/collabStorage';
import { testDatabases } from '../../tests/support/databases';
import { createLogger } from '../logger';
import { DocumentPersistence } from './persistence';
import { UpdateLog } from './updateLog';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.each(testDatabases())('loading while another instance snapshots ($name)', (database) => {
  it('reads again when a newer snapshot removes the blob or trims the log being read, and never claims what it lacks', async () => {
    const { db, another, blobs, userId, workspaceId, newDocument } = await collabStorage(database, cleanups);
    const row = await newDocument();
    const log = new UpdateLog(db);
    const persistence = new DocumentPersistence(log, blobs, createLogger('silent'), 1 << 24);

    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (const word of ['one ', 'two ', 'three ', 'four '])
      source.getText('t').insert(source.getText('t').length, word);
    const upTo = (n: number) => {
      const d = new Y.Doc();
      for (const u of updates.slice(0, n)) Y.applyUpdate(d, u);
      return Y.encodeStateAsUpdate(d);
    };
    await log.append(updates.slice(0, 2).map((data) => ({ documentId: row.id, data, userId })));
    await persistence.writeSnapshot(workspaceId, row.id, 2, upTo(2));
    await log.append(updates.slice(2).map((data) => ({ documentId: row.id, data, userId })));

    // Another instance snapshots through 4 (removing the older blob and trimming the log) while this load is
    // between reading the snapshot record and reading the blob.
    const elsewhere = new DocumentPersistence(new UpdateLog(await another()), blobs, createLogger('silent'), 1 << 24);
    const get = blobs.get.bind(blobs);
    let overtaken = false;
    blobs.get = async (key, range) => {
      if (!overtaken) {
        overtaken = true;
        await elsewhere.writeSnapshot(workspaceId, row.id, 4, upTo(4));
      }
      return get(key, range);
    };
    const loaded = await persistence.load(row.id);
    expect(overtaken).toBe(true);
    expect(loaded.doc.getText('t').toString()).toBe('one two three four ');
    expect(loaded).toMatchObject({ throughSeq: 4, snapshotSeq: 4 });
  });
});
