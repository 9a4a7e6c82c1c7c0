import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../tests/support/databases';
import { isoAfter } from '../clock';
import { sessionRepository } from '../modules/accounts/sessionRepository';
import { userRepository } from '../modules/accounts/userRepository';
import { inviteRepository } from '../modules/invites/inviteRepository';
import { workspaceRepository } from '../modules/workspaces/workspaceRepository';
import type { Db } from './connect';

// The same repository code must behave the same on SQLite and PostgreSQL.
describe.each(testDatabases())('repositories on $name', (database) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await database.open());
  });
  afterAll(() => close());

  const newUser = (email: string, name = 'Someone') =>
    userRepository(db).create({ email, name, passwordHash: 'scrypt$x' });

  it('creates users and refuses a duplicate email without throwing', async () => {
    const users = userRepository(db);
    const first = await newUser('dup@example.org', 'First');
    expect(first).toMatchObject({ email: 'dup@example.org', name: 'First' });
    expect(await newUser('dup@example.org', 'Second')).toBeNull();
    expect((await users.findByEmail('dup@example.org'))?.name).toBe('First');
    expect(await users.findById(first!.id)).toEqual(first);
  });

  it('finds the user of a live session only', async () => {
    const user = (await newUser('session@example.org'))!;
    const sessions = sessionRepository(db);
    await sessions.create('live', user.id, isoAfter(60_000));
    await sessions.create('old', user.id, isoAfter(-60_000));
    expect((await sessions.findUser('live'))?.id).toBe(user.id);
    expect(await sessions.findUser('old')).toBeUndefined();
    expect(await sessions.deleteExpired()).toBe(1);
    await sessions.delete('live');
    expect(await sessions.findUser('live')).toBeUndefined();
  });

  it('creates a workspace with its admin, lists members in join order and counts admins', async () => {
    const repo = workspaceRepository(db);
    const admin = (await newUser('wsadmin@example.org', 'Admin'))!;
    const carer = (await newUser('wscarer@example.org', 'Carer'))!;
    const ws = await repo.createWithAdmin('Carers', admin.id);
    expect(await repo.membership(ws.id, admin.id)).toEqual({ workspaceId: ws.id, userId: admin.id, role: 'admin' });
    expect(await repo.addMember(ws.id, carer.id, 'carer')).toBe(true);
    expect(await repo.addMember(ws.id, carer.id, 'admin')).toBe(false);
    expect((await repo.members(ws.id)).map((m) => [m.name, m.role])).toEqual([
      ['Admin', 'admin'],
      ['Carer', 'carer'],
    ]);
    expect(await repo.countAdmins(ws.id)).toBe(1);
    await repo.setRole(ws.id, carer.id, 'admin');
    expect(await repo.countAdmins(ws.id)).toBe(2);
    expect((await repo.listForUser(carer.id)).map((w) => [w.name, w.role])).toEqual([['Carers', 'admin']]);
    await repo.removeMember(ws.id, carer.id);
    expect(await repo.membership(ws.id, carer.id)).toBeUndefined();
  });

  it('spends invite uses atomically and stops at the limit, expiry or revocation', async () => {
    const admin = (await newUser('invadmin@example.org', 'Inviter'))!;
    const ws = await workspaceRepository(db).createWithAdmin('Invites', admin.id);
    const invites = inviteRepository(db);
    const base = { workspaceId: ws.id, role: 'carer' as const, createdBy: admin.id, expiresAt: isoAfter(60_000) };
    const twice = await invites.create({ ...base, tokenHash: 'h-twice', maxUses: 2 });
    const results = await Promise.all([
      invites.consume(twice.id),
      invites.consume(twice.id),
      invites.consume(twice.id),
    ]);
    expect(results.filter(Boolean)).toHaveLength(2);

    const expired = await invites.create({
      ...base,
      tokenHash: 'h-expired',
      maxUses: null,
      expiresAt: isoAfter(-1000),
    });
    expect(await invites.consume(expired.id)).toBe(false);

    const open = await invites.create({ ...base, tokenHash: 'h-open', maxUses: null });
    expect(await invites.consume(open.id)).toBe(true);
    expect((await invites.listUsable(ws.id)).map((i) => i.id)).toEqual([open.id]);
    expect(await invites.revoke(ws.id, open.id)).toBe(true);
    expect(await invites.revoke(ws.id, open.id)).toBe(false);
    expect(await invites.consume(open.id)).toBe(false);
    expect(await invites.findByTokenHash('h-open')).toMatchObject({
      workspace_name: 'Invites',
      inviter_name: 'Inviter',
      uses: 1,
    });
  });
});
