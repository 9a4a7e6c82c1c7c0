import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;

/**
 * The involvement log and payments on each database: who sees what (carers only their own entries, editors no
 * amounts), confirming and disputing, the benefits hold, and the finance CSV.
 */
describe.each(testDatabaseNames)('involvement and payments on %s', (database) => {
  let server: TestServer;
  let team: Team;
  let outsider: TestClient;
  const base = () => `/api/workspaces/${team.ws.id}/involvement`;
  const record = (who: TestClient, body: Record<string, unknown>) => who.post(`${base()}/activities`, body);
  const meeting = (participantIds: string[], extra: Record<string, unknown> = {}) => ({
    kind: 'meeting',
    title: 'Group meeting about respite',
    occurredOn: '2026-03-14',
    durationMinutes: 90,
    participantIds,
    ...extra,
  });

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    outsider = (await signedUp(server.url, 'Olly Outsider')).client;
    const rates = await team.people.admin.request('PUT', `${base()}/rates`, {
      currency: 'gbp',
      hourMinor: 2500,
      halfDayMinor: 7500,
      dayMinor: 15000,
    });
    expect(rates.status).toBe(200);
    expect(rates.body).toMatchObject({
      currency: 'GBP',
      rates: { hourMinor: 2500, halfDayMinor: 7500, dayMinor: 15000 },
    });
  });
  afterAll(() => server?.stop());

  it('lets admins and editors record activities; carers see only their own entries, outsiders nothing', async () => {
    const { people, ids } = team;
    const both = await record(people.editor, meeting([ids.carer, ids.carer2]));
    expect(both.status).toBe(201);
    expect(both.body.participants.map((p: { userId: string }) => p.userId).sort()).toEqual(
      [ids.carer, ids.carer2].sort(),
    );
    // Editors see who took part and their answers, never payment choices.
    expect(both.body.participants[0]).not.toHaveProperty('choice');
    const othersOnly = await record(
      people.admin,
      meeting([ids.carer2], { title: 'Advisory group', kind: 'advisory_group' }),
    );
    expect(othersOnly.status).toBe(201);

    expect((await record(people.carer, meeting([ids.carer]))).status).toBe(403);
    expect((await record(people.expert, meeting([ids.carer]))).status).toBe(403);
    expect((await record(outsider, meeting([ids.carer]))).status).toBe(404);

    const carersView = await people.carer.get(`${base()}/activities`);
    expect(carersView.status).toBe(200);
    expect(carersView.body.abilities).toEqual({ record: false, viewAll: false, managePayments: false });
    const mine = carersView.body.activities.find((a: { id: string }) => a.id === both.body.id);
    expect(mine.participants).toEqual([
      expect.objectContaining({ userId: ids.carer, choice: null, status: 'pending' }),
    ]);
    expect(carersView.body.activities.some((a: { id: string }) => a.id === othersOnly.body.id)).toBe(false);
    expect((await people.carer.get(`/api/involvement/activities/${othersOnly.body.id}`)).status).toBe(404);

    const editorsView = await people.editor.get(`${base()}/activities`);
    expect(editorsView.body.abilities).toEqual({ record: true, viewAll: true, managePayments: false });
    expect(editorsView.body.activities.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining([both.body.id, othersOnly.body.id]),
    );
    expect((await outsider.get(`${base()}/activities`)).status).toBe(404);
  });

  it('refuses people who are not members, bad dates and lengths, with what to fix', async () => {
    const { people, ids } = team;
    const stranger = await signedUp(server.url, 'Not In It');
    const res = await record(people.admin, meeting([ids.carer, stranger.user.id]));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not in this workspace/);
    const bad = await record(people.admin, meeting([ids.carer], { occurredOn: '14/03/2026', durationMinutes: 1.5 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'durationMinutes',
      'occurredOn',
    ]);
    const nobody = await record(people.admin, meeting([]));
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields[0].message).toBe('Choose at least one person who took part.');
  });

  it('keeps amounts to the person and admins: editors and other carers are refused statements, rates and the CSV', async () => {
    const { people, ids } = team;
    const created = await record(people.admin, meeting([ids.carer]));
    expect(
      (
        await people.carer.request('PUT', `/api/involvement/activities/${created.body.id}/me`, {
          answer: 'confirmed',
          choice: 'paid',
        })
      ).status,
    ).toBe(200);

    const own = await people.carer.get(`${base()}/statements/me`);
    expect(own.status).toBe(200);
    expect(own.body.person.userId).toBe(ids.carer);
    expect(own.body.lines.find((l: { activityId: string }) => l.activityId === created.body.id)).toMatchObject({
      state: 'paid',
      feeMinor: 3750,
      feeBasis: 'hourly',
    });
    expect((await people.admin.get(`${base()}/statements/${ids.carer}`)).status).toBe(200);
    for (const who of [people.editor, people.expert, people.carer2]) {
      expect((await who.get(`${base()}/statements/${ids.carer}`)).status).toBe(403);
      expect((await who.get(`${base()}/rates`)).status).toBe(403);
      expect((await who.get(`${base()}/payments.csv`)).status).toBe(403);
    }
    expect((await outsider.get(`${base()}/statements/${ids.carer}`)).status).toBe(404);
    expect(
      (
        await people.editor.request('PUT', `${base()}/rates`, {
          currency: 'GBP',
          hourMinor: 1,
          halfDayMinor: 1,
          dayMinor: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('lets each person confirm or dispute only their own entry; a change of length asks again', async () => {
    const { people, ids } = team;
    const created = await record(people.editor, meeting([ids.carer, ids.carer2]));
    const answer = (who: TestClient, body: unknown) =>
      who.request('PUT', `/api/involvement/activities/${created.body.id}/me`, body);

    const disputed = await answer(people.carer2, { answer: 'disputed' });
    expect(disputed.status).toBe(400);
    expect(disputed.body.error.fields[0]).toMatchObject({ path: 'note' });
    expect((await answer(people.carer2, { answer: 'disputed', note: 'It was one hour, not 90 minutes.' })).status).toBe(
      200,
    );
    expect((await answer(people.carer, { answer: 'confirmed', choice: 'voucher' })).status).toBe(200);
    expect((await answer(people.expert, { answer: 'confirmed' })).status).toBe(403);
    expect((await answer(people.carer, { answer: 'maybe' })).status).toBe(400);

    const seen = await people.editor.get(`/api/involvement/activities/${created.body.id}`);
    const byId = Object.fromEntries(seen.body.participants.map((p: { userId: string }) => [p.userId, p]));
    expect(byId[ids.carer2]).toMatchObject({ status: 'disputed', note: 'It was one hour, not 90 minutes.' });
    expect(byId[ids.carer]).toMatchObject({ status: 'confirmed' });

    const fixed = await people.editor.request(
      'PUT',
      `/api/involvement/activities/${created.body.id}`,
      meeting([ids.carer, ids.carer2], { durationMinutes: 60 }),
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.participants.map((p: { status: string }) => p.status)).toEqual(['pending', 'pending']);
    // Their choice is kept; only the confirmation is asked again.
    const again = await people.carer.get(`/api/involvement/activities/${created.body.id}`);
    expect(again.body.participants[0]).toMatchObject({ status: 'pending', choice: 'voucher' });
  });

  it('holds payment for "talk to me first" until an admin records what was agreed', async () => {
    const { people, ids } = team;
    const created = await record(people.admin, meeting([ids.carer2], { durationMinutes: 300, title: 'Writing day' }));
    const id = created.body.id;
    const expense = await people.admin.post(`/api/involvement/activities/${id}/participants/${ids.carer2}/expenses`, {
      kind: 'care_cover',
      amountMinor: 4000,
      note: 'Sitter for Mum',
    });
    expect(expense.status).toBe(201);
    expect(
      (
        await people.admin.post(`/api/involvement/activities/${id}/participants/${ids.carer2}/expenses`, {
          kind: 'travel',
          amountMinor: 12.5,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await people.editor.post(`/api/involvement/activities/${id}/participants/${ids.carer2}/expenses`, {
          kind: 'travel',
          amountMinor: 100,
        })
      ).status,
    ).toBe(403);

    const line = async () =>
      (await people.carer2.get(`${base()}/statements/me`)).body.lines.find(
        (l: { activityId: string }) => l.activityId === id,
      );
    expect(await line()).toMatchObject({ state: 'awaiting_confirmation', feeMinor: null, expensesCounted: false });

    const discussed = `/api/involvement/activities/${id}/participants/${ids.carer2}/benefits-discussed`;
    expect((await people.admin.post(discussed, { choice: 'paid' })).status).toBe(409); // they have not asked
    expect(
      (
        await people.carer2.request('PUT', `/api/involvement/activities/${id}/me`, {
          answer: 'confirmed',
          choice: 'talk_first',
        })
      ).status,
    ).toBe(200);
    expect(await line()).toMatchObject({ state: 'on_hold', feeMinor: null, expensesCounted: false });
    const held = await people.admin.get(`${base()}/payments.csv`);
    const heldRow = held.body.split('\r\n').find((r: string) => r.includes('Writing day'));
    expect(heldRow).toContain('On hold: may affect benefits, talk to them first');
    expect(heldRow).not.toContain('150.00');

    expect((await people.carer2.post(discussed, { choice: 'paid' })).status).toBe(403);
    expect((await people.admin.post(discussed, { choice: 'voucher' })).status).toBe(204);
    expect(await line()).toMatchObject({ state: 'voucher', feeMinor: 15000, feeBasis: 'day', expensesCounted: true });
    const statement = await people.carer2.get(`${base()}/statements/me`);
    expect(statement.body.totals.voucherMinor).toBeGreaterThanOrEqual(15000);
    // What was agreed stands until they ask to talk again.
    expect(
      (
        await people.carer2.request('PUT', `/api/involvement/activities/${id}/me`, {
          answer: 'confirmed',
          choice: 'paid',
        })
      ).status,
    ).toBe(409);
  });

  it('exports a formula-safe RFC 4180 CSV for the finance team, between dates', async () => {
    const { people, ids } = team;
    const created = await record(people.admin, {
      kind: 'other',
      title: '=HYPERLINK("http://evil.example","Claim here")',
      occurredOn: '2026-05-02',
      durationMinutes: 30,
      participantIds: [ids.carer],
    });
    await people.carer.request('PUT', `/api/involvement/activities/${created.body.id}/me`, {
      answer: 'confirmed',
      choice: 'paid',
    });
    await people.admin.post(`/api/involvement/activities/${created.body.id}/participants/${ids.carer}/expenses`, {
      kind: 'travel',
      amountMinor: 640,
    });
    const res = await fetch(`${server.url}${base()}/payments.csv?from=2026-05-01&to=2026-05-31`, {
      headers: { cookie: people.admin.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toContain('involvement-payments-from-2026-05-01-to-2026-05-31.csv');
    const text = await res.text();
    const records = text.split('\r\n');
    expect(records[0]).toBe(
      'Person,Email,Date,Activity,Kind,Minutes,Status,Fee basis,Fee,Travel,Care cover,Other expenses,Total,Currency',
    );
    expect(records).toHaveLength(3); // one record in May, and the CRLF after it
    expect(records[1]).toMatch(
      /^carer person,carer-[^,]+@example\.org,2026-05-02,"'=HYPERLINK\(""http:\/\/evil\.example"",""Claim here""\)",Something else,30,Pay,hourly,12\.50,6\.40,0\.00,0\.00,18\.90,GBP$/,
    );
    expect(records[2]).toBe('');

    const badDate = await people.admin.get(`${base()}/payments.csv?from=May`);
    expect(badDate.status).toBe(400);
    const backwards = await people.admin.get(`${base()}/payments.csv?from=2026-06-01&to=2026-05-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0]).toMatchObject({ path: 'to' });
    // Empty date fields, as a form sends them, mean every date.
    const everything = await people.admin.get(`${base()}/payments.csv?from=&to=`);
    expect(everything.status).toBe(200);
    expect(everything.body.split('\r\n').length).toBeGreaterThan(records.length);
  });
});
