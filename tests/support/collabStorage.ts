import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentKind } from '../../shared/contracts/documents';
import { documentRepository } from '../../server/modules/documents/documentRepository';
import { workspaceRepository } from '../../server/modules/workspaces/workspaceRepository';
import { createBlobStore } from '../../server/storage/index';
import type { TestDatabase } from './databases';

/**
 * What the co-writing engine's storage tests start from: a fresh database, blobs on local disk, and one person's
 * workspace to make documents in. What it opens is closed by the functions it pushes onto `cleanups`.
 */
export async function collabStorage(database: TestDatabase, cleanups: (() => Promise<unknown>)[]) {
  const opened = await database.open();
  cleanups.push(opened.close);
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-collab-storage-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const blobs = createBlobStore({ kind: 'disk', root: dir, signingSecret: randomUUID() + randomUUID() });
  await blobs.ensureReady();
  const db = opened.db;
  const userId = randomUUID();
  await db
    .insertInto('users')
    .values({
      id: userId,
      email: `${userId}@example.org`,
      name: 'P',
      password_hash: 'x',
      created_at: new Date().toISOString(),
    })
    .execute();
  const workspaceId = (await workspaceRepository(db).createWithAdmin('W', userId)).id;
  return {
    db,
    /** A second connection to the same database, as another server instance has. */
    another: opened.another,
    blobs,
    userId,
    workspaceId,
    newDocument: (kind: DocumentKind = 'publication') => documentRepository(db).create(workspaceId, userId, 'D', kind),
  };
}
