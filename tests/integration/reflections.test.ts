import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;

const cube = (voice: number, knowledge: number, diversity: number, responsiveness: number) => ({
  voice,
  knowledge,
  diversity,
  responsiveness,
});

/**
 * Reflection on power on each database: answers by role at a milestone, the summary by role, who sees names and
 * notes, the ladder setting, validation, outsiders, and who may keep the plan to move up.
 */
describe.each(testDatabaseNames)('reflections and the plan to move up on %s', (database) => {
  let server: TestServer;
  let team: Team;
  let outsider: TestClient;
  let outsiderId: string;
  let milestoneId: string;
  const base = () => `/api/workspaces/${team.ws.id}/reflections`;
  const reflect = (who: TestClient, body: Record<string, unknown>) =>
    who.post(base(), { milestoneId, ladder: 'arnstein', ...body });

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    const olly = await signedUp(server.url, 'Olly Outsider');
    outsider = olly.client;
    outsiderId = olly.user.id;
  });
  afterAll(() => server?.stop());

  it('lets admins and editors name milestones, nobody else', async () => {
    const { people } = team;
    const named = await people.editor.post(`${base()}/milestones`, { name: '  After episode 1 ' });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ name: 'After episode 1' });
    milestoneId = named.body.id;
    expect((await people.carer.post(`${base()}/milestones`, { name: 'Mine' })).status).toBe(403);
    expect((await outsider.post(`${base()}/milestones`, { name: 'Theirs' })).status).toBe(404);
    const empty = await people.admin.post(`${base()}/milestones`, { name: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0]).toMatchObject({ path: 'name' });
  });

  it('summarises the answers by role, counting each person’s newest answer for a milestone', async () => {
    const { people } = team;
    // Cara first says "Informing", then thinks again: "Consultation".
    const first = await reflect(people.carer, { rung: 3, cube: cube(20, 30, 40, 10), note: 'Nobody asked us.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ role: 'carer', rung: 3, note: 'Nobody asked us.', shareNote: false });
    const again = await reflect(people.carer, {
      rung: 4,
      cube: cube(30, 40, 50, 20),
      note: 'They ask, but do they listen?',
      shareNote: true,
    });
    expect(again.status).toBe(201);
    expect((await reflect(people.carer2, { rung: 2, cube: cube(10, 20, 30, 40) })).status).toBe(201);
    expect(
      (await reflect(people.editor, { rung: 6, cube: cube(80, 70, 60, 90), note: 'Editors’ private thought' })).status,
    ).toBe(201);
    expect((await reflect(people.admin, { rung: 7, cube: cube(90, 80, 70, 100) })).status).toBe(201);

    const summary = await people.carer.get(`${base()}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body.ladder).toBe('arnstein');
    expect(summary.body.periods).toHaveLength(1);
    const [period] = summary.body.periods;
    expect(period).toMatchObject({ period: milestoneId, kind: 'milestone', label: 'After episode 1' });
    expect(period.roles).toEqual([
      { role: 'admin', count: 1, meanRung: 7, medianRung: 7, cube: cube(90, 80, 70, 100) },
      { role: 'editor', count: 1, meanRung: 6, medianRung: 6, cube: cube(80, 70, 60, 90) },
      { role: 'carer', count: 2, meanRung: 3, medianRung: 3, cube: cube(20, 30, 40, 30) },
    ]);
    // An answer any time falls in its month.
    expect((await reflect(people.expert, { milestoneId: null, rung: 5, cube: cube(50, 50, 50, 50) })).status).toBe(201);
    const later = await people.expert.get(`${base()}/summary`);
    const month = later.body.periods.find((p: { kind: string }) => p.kind === 'month');
    expect(month.period).toMatch(/^\d{4}-\d{2}$/);
    expect(month.label).toMatch(/^Any time in [A-Z][a-z]+ \d{4}$/);
    expect(month.roles).toEqual([expect.objectContaining({ role: 'expert', count: 1, meanRung: 5 })]);
  });

  it('shows names only to admins, and notes only to their writer and admins unless shared', async () => {
    const { people, ids } = team;
    const admin = await people.admin.get(base());
    expect(admin.status).toBe(200);
    expect(admin.body.abilities).toEqual({
      manageMilestones: true,
      chooseLadder: true,
      seeEveryone: true,
      planActions: true,
    });
    // Everyone's newest answers, by name, notes included; Cara's first answer is history.
    expect(admin.body.everyone).toHaveLength(5);
    const editors = admin.body.everyone.find((a: { userId: string }) => a.userId === ids.editor);
    expect(editors).toMatchObject({ name: 'editor person', note: 'Editors’ private thought', role: 'editor' });

    const carer = await people.carer2.get(base());
    expect(carer.body.abilities).toEqual({
      manageMilestones: false,
      chooseLadder: false,
      seeEveryone: false,
      planActions: false,
    });
    expect(carer.body.everyone).toEqual([]);
    expect(carer.body.mine).toEqual([expect.objectContaining({ userId: ids.carer2, rung: 2, note: null })]);
    // Cara shared her second note: others read it with her role, never her name; the editor's stays private.
    expect(carer.body.sharedNotes).toEqual([
      expect.objectContaining({ role: 'carer', note: 'They ask, but do they listen?', period: milestoneId }),
    ]);
    expect(JSON.stringify(carer.body)).not.toContain('Editors’ private thought');
    expect(JSON.stringify(carer.body)).not.toContain('carer person');

    const editorView = await people.editor.get(base());
    expect(editorView.body.everyone).toEqual([]);
    expect(JSON.stringify(editorView.body)).not.toContain('Nobody asked us.');
    expect(editorView.body.mine[0]).toMatchObject({ note: 'Editors’ private thought', name: 'editor person' });

    expect((await outsider.get(base())).status).toBe(404);
    expect((await outsider.get(`${base()}/summary`)).status).toBe(404);
    expect((await reflect(outsider, { rung: 3, cube: cube(1, 2, 3, 4) })).status).toBe(404);
  });

  it('refuses answers that are not whole, in range, or on the workspace’s ladder, naming each field', async () => {
    const { people } = team;
    const bad = await people.carer.post(base(), {
      milestoneId,
      ladder: 'arnstein',
      rung: 9,
      cube: { voice: 101, knowledge: -1, diversity: 2.5, responsiveness: 'lots' },
      note: 'x'.repeat(2001),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'cube.diversity',
      'cube.knowledge',
      'cube.responsiveness',
      'cube.voice',
      'note',
    ]);
    const tooHigh = await reflect(people.carer, { rung: 9, cube: cube(1, 2, 3, 4) });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.fields).toEqual([{ path: 'rung', message: 'Choose one of the steps of the ladder.' }]);
    const tlap = await reflect(people.carer, { ladder: 'tlap', rung: 7, cube: cube(1, 2, 3, 4) });
    expect(tlap.status).toBe(400);
    expect(tlap.body.error.fields[0]).toMatchObject({ path: 'ladder' });
    const elsewhere = await reflect(people.carer, {
      milestoneId: '00000000-0000-4000-8000-000000000000',
      rung: 3,
      cube: cube(1, 2, 3, 4),
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fields[0]).toMatchObject({ path: 'milestoneId' });
    const missing = await people.carer.post(base(), {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['milestoneId', 'ladder', 'rung', 'cube']),
    );
  });

  it('lets only an admin choose the ladder, recorded in the audit trail; the summary follows it', async () => {
    const { people } = team;
    expect((await people.editor.request('PUT', `${base()}/settings`, { ladder: 'tlap' })).status).toBe(403);
    expect((await outsider.request('PUT', `${base()}/settings`, { ladder: 'tlap' })).status).toBe(404);
    const wrong = await people.admin.request('PUT', `${base()}/settings`, { ladder: 'hart' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0]).toMatchObject({ path: 'ladder' });
    const changed = await people.admin.request('PUT', `${base()}/settings`, { ladder: 'tlap' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ladder: 'tlap' });
    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('workspace_id', '=', team.ws.id)
      .where('action', '=', 'reflections.ladder_changed')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ from: 'arnstein', to: 'tlap' }]);

    const summary = await people.carer.get(`${base()}/summary`);
    expect(summary.body).toEqual({ ladder: 'tlap', periods: [] });
    expect((await reflect(people.carer, { ladder: 'tlap', rung: 7, cube: cube(1, 2, 3, 4) })).status).toBe(201);
    expect((await reflect(people.carer, { rung: 3, cube: cube(1, 2, 3, 4) })).status).toBe(400);
    expect((await people.admin.request('PUT', `${base()}/settings`, { ladder: 'arnstein' })).status).toBe(200);
  });

  it('lets admins and editors keep the plan to move up; its owner or an admin marks an action done', async () => {
    const { people, ids } = team;
    const actions = `${base()}/actions`;
    const body = { text: 'Carers chair the next planning meeting', ownerId: ids.carer, dueOn: '2026-04-01' };
    expect((await people.carer.post(actions, body)).status).toBe(403);
    expect((await people.expert.post(actions, body)).status).toBe(403);
    expect((await outsider.post(actions, body)).status).toBe(404);
    const bad = await people.editor.post(actions, { text: '', ownerId: 'nobody', dueOn: '1 April' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['dueOn', 'ownerId', 'text']);
    const stranger = await people.editor.post(actions, { ...body, ownerId: outsiderId });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields[0]).toMatchObject({ path: 'ownerId' });

    const added = await people.editor.post(actions, { ...body, reviewMilestoneId: milestoneId });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      text: body.text,
      owner: { userId: ids.carer, name: 'carer person' },
      dueOn: '2026-04-01',
      status: 'open',
      reviewMilestoneId: milestoneId,
      doneAt: null,
      mayMarkDone: false,
    });
    const action = `/api/reflections/actions/${added.body.id}`;

    const listed = await people.carer.get(actions);
    expect(listed.status).toBe(200);
    expect(listed.body.actions).toEqual([expect.objectContaining({ id: added.body.id, mayMarkDone: true })]);
    expect((await outsider.get(actions)).status).toBe(404);

    // The carer who owns it may mark it done but not rewrite it; an editor who does not own it may rewrite it only.
    expect((await people.carer.patch(action, { text: 'Something easier' })).status).toBe(403);
    expect((await people.editor.patch(action, { status: 'done' })).status).toBe(403);
    expect((await people.carer2.patch(action, { status: 'done' })).status).toBe(403);
    expect((await outsider.patch(action, { status: 'done' })).status).toBe(404);
    const done = await people.carer.patch(action, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(done.body.doneAt).toEqual(expect.any(String));
    const reopened = await people.admin.patch(action, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', doneAt: null, mayMarkDone: true });
    const moved = await people.editor.patch(action, { dueOn: '2026-05-01', ownerId: ids.expert });
    expect(moved.body).toMatchObject({ dueOn: '2026-05-01', owner: { userId: ids.expert } });
    const nothing = await people.editor.patch(action, {});
    expect(nothing.status).toBe(400);

    expect((await people.carer.delete(action)).status).toBe(403);
    expect((await outsider.delete(action)).status).toBe(404);
    expect((await people.editor.delete(action)).status).toBe(204);
    expect((await people.admin.get(actions)).body.actions).toEqual([]);
    expect((await people.admin.patch(action, { status: 'done' })).status).toBe(404);
  });
});
