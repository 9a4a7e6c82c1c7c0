import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/support/databases';
import { readTimelineDoc } from '../../../shared/episodes/timelineDoc';
import type { Db } from '../connect';
import { down, up } from './011_episode_timeline_documents';

// An episode made before timelines were documents gets one, holding the timeline it had.
describe.each(testDatabases())('migration 011 on $name', (database) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await database.open());
  });
  afterAll(() => close());

  it('gives every existing episode a timeline document seeded from its stored timeline, and can be undone', async () => {
    await down(db as unknown as Kysely<unknown>);
    const at = new Date().toISOString();
    const userId = randomUUID();
    const workspaceId = randomUUID();
    await db
      .insertInto('users')
      .values({ id: userId, email: `${userId}@example.org`, name: 'Ada', password_hash: 'scrypt$x', created_at: at })
      .execute();
    await db
      .insertInto('workspaces')
      .values({ id: workspaceId, name: 'Old', created_by: userId, created_at: at })
      .execute();
    const timeline = {
      items: [{ kind: 'clip', clipId: randomUUID(), inSeconds: 1, outSeconds: 3, gainDb: 0, crossfadeSeconds: 0 }],
      chapters: [{ atSeconds: 0, title: 'Start' }],
    };
    const episode = (id: string, t: object) => ({
      id,
      workspace_id: workspaceId,
      title: 'Old episode',
      description: '',
      number: null,
      season: null,
      type: 'full',
      timeline: JSON.stringify(t),
      created_by: userId,
      created_at: at,
      updated_at: at,
      published_at: null,
      needs_rerender: 0,
      rerender_reason: null,
    });
    const [full, empty] = [randomUUID(), randomUUID()];
    // Written as code before this migration wrote them: without timeline_document_id.
    await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('episodes')
      .values([episode(full, timeline), episode(empty, { items: [], chapters: [] })])
      .execute();

    await up(db as unknown as Kysely<unknown>);
    const rows = await db
      .selectFrom('episodes')
      .select(['id', 'timeline_document_id'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const docOf = new Map(rows.map((r) => [r.id, r.timeline_document_id!]));
    const doc = await db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', docOf.get(full)!)
      .executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ kind: 'timeline', workspace_id: workspaceId, created_by: userId });
    const log = await db.selectFrom('document_updates').selectAll().where('document_id', '=', doc.id).execute();
    expect(log.map((e) => e.seq)).toEqual([1]);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, new Uint8Array(log[0]!.data));
    expect(readTimelineDoc(ydoc)).toEqual(timeline);
    expect(
      await db.selectFrom('document_updates').selectAll().where('document_id', '=', docOf.get(empty)!).execute(),
    ).toEqual([]);

    await down(db as unknown as Kysely<unknown>);
    expect(
      await db
        .selectFrom('documents')
        .selectAll()
        .where('kind', '=', 'timeline')
        .where('workspace_id', '=', workspaceId)
        .execute(),
    ).toEqual([]);
    await up(db as unknown as Kysely<unknown>);
  });
});
