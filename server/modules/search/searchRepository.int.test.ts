import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/support/databases';
import type { Db } from '../../db/connect';
import { userRepository } from '../accounts/userRepository';
import { workspaceRepository } from '../workspaces/workspaceRepository';
import { searchRepository, type NewPassage, type SearchRepository } from './searchRepository';

const passage = (body: string, at: number | null = 0, title = ''): NewPassage => ({ title, body, at_seconds: at });

// The index's own queries, on each database: ranking a word found in more passages than are ranked, and the notes of
// change that let a search skip comparing every source.
describe.each(testDatabases())('the search index on $name', (database) => {
  let db: Db;
  let another: () => Promise<Db>;
  let close: () => Promise<void>;
  let search: SearchRepository;
  let ws: string;
  let elsewhere: string;

  const add = (itemId: string, workspaceId: string, passages: NewPassage[], kind: 'clip' | 'episode' = 'clip') =>
    search.replace({ kind, itemId, version: '1', workspaceId }, passages);

  beforeAll(async () => {
    ({ db, another, close } = await database.open());
    search = searchRepository(db, database.name);
    const admin = (await userRepository(db).create({ email: 'a@example.org', name: 'A', passwordHash: 'x' }))!;
    ws = (await workspaceRepository(db).createWithAdmin('Ours', admin.id)).id;
    elsewhere = (await workspaceRepository(db).createWithAdmin('Theirs', admin.id)).id;

    // Oldest first: a source whose title holds the word, one that says it most, then many that say it once.
    await add('titled', ws, [passage('notes about the season', null, 'Apple harvest')], 'episode');
    await add('said-most', ws, [passage('apple pie, apple tart and apple crumble', 0, 'Old')]);
    for (let i = 0; i < 30; i++)
      await add(`once-${i}`, ws, [passage('an apple among many other words said in passing', 0, `Once ${i}`)]);
    // The newest: its best passage is its second.
    await add('newest', ws, [
      passage('one apple among many other words said here today', 0, 'Newest'),
      passage('apple apple apple', 10),
    ]);
    // Newer still, in another workspace: never found here, and never taking the place of this one's passages.
    for (let i = 0; i < 40; i++) await add(`theirs-${i}`, elsewhere, [passage('apple apple apple', 0, 'Theirs')]);
  });
  afterAll(() => close());

  it('ranks the newest matches of a common word and every title match, the best passage of each source once', async () => {
    const found = await search.find(ws, ['apple'], { sources: 50, rankCap: 20 });
    const ids = found.map((p) => p.item_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => !id.startsWith('theirs'))).toBe(true);
    // The 20 newest matching passages here (the newest source's two, and 18 of those saying it once), and the title.
    expect(ids).toHaveLength(1 + 18 + 1);
    expect(ids.slice(0, 2).sort()).toEqual(['newest', 'titled']);
    expect(found.find((p) => p.item_id === 'newest')).toMatchObject({ body: 'apple apple apple', at_seconds: 10 });
    expect(ids).toContain('once-29');
    expect(ids).not.toContain('once-11');
    // Older than the newest 20 matches and not in its title: not ranked.
    expect(ids).not.toContain('said-most');

    // With every match ranked it is found, near the top; `sources` bounds the answer.
    const all = await search.find(ws, ['apple'], { sources: 5, rankCap: 1000 });
    expect(all).toHaveLength(5);
    expect(all.map((p) => p.item_id)).toContain('said-most');
    expect((await search.find(ws, ['apple'], { sources: 100 })).map((p) => p.item_id)).toHaveLength(33);
  });

  it('needs every word, in the title or the text, with or without the cap', async () => {
    for (const rankCap of [1, 5000]) {
      expect((await search.find(ws, ['apple', 'crumble'], { sources: 20, rankCap })).map((p) => p.item_id)).toEqual([
        'said-most',
      ]);
      expect((await search.find(ws, ['apple', 'harvest'], { sources: 20, rankCap })).map((p) => p.item_id)).toEqual([
        'titled',
      ]);
      expect(await search.find(ws, ['apple', 'nowhere'], { sources: 20, rankCap })).toEqual([]);
    }
    // A title match older than every ranked match is still found.
    const capped = await search.find(ws, ['apple'], { sources: 50, rankCap: 1 });
    expect(capped.map((p) => p.item_id).sort()).toEqual(['newest', 'titled']);
  });

  it('notes a change until a catch-up clears what it marked, and keeps one made after the marking', async () => {
    const caughtUp = async (workspaceId: string) => {
      await search.markChanges(workspaceId);
      await search.clearChanges(workspaceId);
    };
    await caughtUp(ws);
    await caughtUp(elsewhere);
    expect(await search.changed(ws)).toBe(false);
    // Taking a source out of the index (a withdrawal, a redaction) is a change.
    await search.forget('said-most');
    expect(await search.changed(ws)).toBe(true);
    expect(await search.changed(elsewhere)).toBe(false);
    // Marked, not yet cleared: another instance's search still waits for the catch-up.
    await search.markChanges(ws);
    expect(await search.changed(ws)).toBe(true);
    // A change after the marking outlives the clearing.
    await search.forget('once-0');
    await search.clearChanges(ws);
    expect(await search.changed(ws)).toBe(true);
    await caughtUp(ws);
    expect(await search.changed(ws)).toBe(false);
    await search.noteChange(ws);
    await search.noteChange(ws);
    expect(await search.changed(ws)).toBe(true);
    await search.markChanges(ws);
    await search.noteChange(ws);
    await search.clearChanges(ws);
    expect(await search.changed(ws)).toBe(true);
    await caughtUp(ws);
    expect(await search.changed(ws)).toBe(false);
  });

  // SQLite serves one instance, whose catch-ups of a workspace take turns in searchIndex; the test is not defined
  // there at all (rather than shown as skipped).
  if (database.name === 'postgres')
    it('lets one catch-up of a workspace run at a time across instances', async () => {
      const second = searchRepository(await another(), database.name);
      const log: string[] = [];
      const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
      const work = (name: string) => async () => {
        log.push(`${name} in`);
        await pause();
        log.push(`${name} out`);
      };
      await Promise.all([
        search.exclusively(ws, work('a')),
        second.exclusively(ws, work('b')),
        search.exclusively(ws, work('c')),
      ]);
      for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i]!.replace(' in', ' out'));
      // Another workspace's catch-up does not wait for this one's.
      const both: string[] = [];
      await Promise.all([
        search.exclusively(ws, async () => {
          both.push('ours in');
          await pause();
          both.push('ours out');
        }),
        second.exclusively(elsewhere, async () => {
          both.push('theirs in');
          await pause();
          both.push('theirs out');
        }),
      ]);
      expect(both.slice(0, 2).sort()).toEqual(['ours in', 'theirs in']);
      // A failed catch-up gives its turn back.
      await expect(
        search.exclusively(ws, async () => {
          throw new Error('cannot read');
        }),
      ).rejects.toThrow('cannot read');
      await second.exclusively(ws, async (rows) => {
        expect(await rows.changed(ws)).toBe(false);
      });
    });
});
