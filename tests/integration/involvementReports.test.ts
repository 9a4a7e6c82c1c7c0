import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithPeople } from '../support/audioClips';
import { signedUp, type TestClient } from '../support/httpClient';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';

const run = promisify(execFile);
type Team = Awaited<ReturnType<typeof workspaceWithPeople>>;

const items = {
  aim: 'To put carers’ experience at the heart of the podcast.',
  methods: 'A carers’ advisory group met monthly and recorded their own stories.',
  results: 'Two episodes were reordered after carers listened to drafts.',
  discussion: 'Carers shaped what was said and in what order.',
  reflections: 'We asked too late at first; next time we start with carers.',
};

/**
 * Reports on involvement on each database: who writes what (editors the report and entries, each side its own
 * view), the evidence numbers against the involvement log, and the downloads read back.
 */
describe.each(testDatabaseNames)('involvement reports on %s', (database) => {
  let server: TestServer;
  let team: Team;
  let outsider: TestClient;
  let dir: string;
  const base = () => `/api/workspaces/${team.ws.id}/reports`;
  const download = async (who: TestClient, name: string) => {
    const res = await fetch(`${server.url}${base()}/${name}`, { headers: { cookie: who.cookie ?? '' } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startServerOn(database);
    team = await workspaceWithPeople(server.url);
    outsider = (await signedUp(server.url, 'Olly Outsider')).client;
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-reports-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets editors write the report; everyone reads it; carers cannot write it; outsiders get 404', async () => {
    const { people } = team;
    const empty = await people.carer.get(`${base()}/gripp2`);
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual({ aim: '', methods: '', results: '', discussion: '', reflections: '' });
    expect(empty.body.abilities).toEqual({ editReport: false, addEntry: false, viewSide: 'carer' });

    const saved = await people.editor.request('PUT', `${base()}/gripp2`, items);
    expect(saved.status).toBe(200);
    expect(saved.body.items).toEqual(items);
    expect(saved.body.updatedByRole).toBe('editor');
    expect((await people.carer.get(`${base()}/gripp2`)).body.items.aim).toBe(items.aim);

    expect((await people.carer.request('PUT', `${base()}/gripp2`, items)).status).toBe(403);
    expect((await people.expert.request('PUT', `${base()}/gripp2`, items)).status).toBe(403);
    expect((await outsider.request('PUT', `${base()}/gripp2`, items)).status).toBe(404);
    expect((await outsider.get(`${base()}/gripp2`)).status).toBe(404);
    expect((await outsider.get(`${base()}/impact-log`)).status).toBe(404);
    expect((await download(outsider, 'gripp2.md')).status).toBe(404);

    const tooLong = await people.editor.request('PUT', `${base()}/gripp2`, { ...items, aim: 'x'.repeat(5001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/5000 characters/);
    const missing = await people.editor.request('PUT', `${base()}/gripp2`, { aim: 'Only one' });
    expect(missing.status).toBe(400);
  });

  it('offers the involvement log’s numbers as evidence, by role and without names', async () => {
    const { people, ids } = team;
    const activity = (title: string, durationMinutes: number, participantIds: string[]) =>
      people.editor.post(`/api/workspaces/${team.ws.id}/involvement/activities`, {
        kind: 'meeting',
        title,
        occurredOn: '2026-03-14',
        durationMinutes,
        participantIds,
      });
    expect((await activity('Advisory group', 90, [ids.carer, ids.carer2, ids.expert])).status).toBe(201);
    expect((await activity('Listening to drafts', 60, [ids.carer])).status).toBe(201);

    const report = await people.carer2.get(`${base()}/gripp2`);
    expect(report.status).toBe(200);
    const { evidence } = report.body;
    expect(evidence.involvement.activities).toBe(2);
    const byRole = Object.fromEntries(
      evidence.involvement.byRole.map((r: { role: string; people: number; hours: number }) => [r.role, r]),
    );
    expect(byRole.carer).toEqual({ role: 'carer', people: 2, hours: 4 });
    expect(byRole.expert).toEqual({ role: 'expert', people: 1, hours: 1.5 });
    expect(evidence.publishedEpisodes).toBe(0);
    // By role only: no names, no ids.
    const said = JSON.stringify(evidence);
    expect(said).not.toMatch(/ person|Ada Admin|userId|"name"/);
    for (const id of Object.values(ids)) expect(said).not.toContain(id);
  });

  it('keeps an impact log where each side writes its own view', async () => {
    const { people } = team;
    const entryBody = {
      occurredOn: '2026-03-20',
      activity: 'Carers listened to the first draft',
      whatChanged: 'The episode now opens with a carer’s story.',
      evidence: 'Minutes of the March meeting.',
    };
    expect((await people.carer.post(`${base()}/impact-log`, entryBody)).status).toBe(403);
    expect((await outsider.post(`${base()}/impact-log`, entryBody)).status).toBe(404);
    const invalid = await people.editor.post(`${base()}/impact-log`, { ...entryBody, whatChanged: ' ' });
    expect(invalid.status).toBe(400);
    const foreign = await people.editor.post(`${base()}/impact-log`, {
      ...entryBody,
      activityId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/not in this workspace/);

    const added = await people.editor.post(`${base()}/impact-log`, entryBody);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...entryBody, staffView: null, carerView: null });
    const view = (who: TestClient, side: string, text: string) =>
      who.request('PUT', `/api/reports/impact-log/${added.body.id}/views/${side}`, { text });

    expect((await view(people.carer, 'staff', 'Not mine to say')).status).toBe(403);
    expect((await view(people.editor, 'carer', 'Not mine to say')).status).toBe(403);
    expect((await view(outsider, 'carer', 'Let me in')).status).toBe(404);
    expect((await view(people.carer, 'carer', '')).status).toBe(400);

    const carers = await view(people.carer, 'carer', 'It felt like our story at last.');
    expect(carers.status).toBe(200);
    expect(carers.body.carerView).toMatchObject({ text: 'It felt like our story at last.', mine: true });
    const staff = await view(people.expert, 'staff', 'Listeners stayed longer.');
    expect(staff.body.staffView).toMatchObject({ text: 'Listeners stayed longer.', mine: true });
    expect(staff.body.carerView).toMatchObject({ mine: false });

    const log = await people.carer2.get(`${base()}/impact-log`);
    expect(log.body.entries).toHaveLength(1);
    expect(log.body.entries[0].carerView.text).toBe('It felt like our story at last.');
    expect(log.body.abilities.viewSide).toBe('carer');
  });

  it('downloads the report and the log as Markdown and DOCX, and the report as PDF', async () => {
    const { people } = team;
    const md = await download(people.carer, 'gripp2.md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.headers.get('content-disposition')).toMatch(/involvement-report-gripp2\.md/);
    const text = md.bytes.toString('utf8');
    expect(text).toMatch(/^# Involvement report \(GRIPP2 short form\)\n/);
    expect(text).toContain(`## 1. Aim\n\n${items.aim}\n\n## 2. Methods\n\n${items.methods}`);
    expect(text).toContain(`## 5. Reflections\n\n${items.reflections}`);
    expect(text).toMatch(/\| Hours of involvement +\| Carer +\| 4 +\|/);

    const docx = await download(people.carer, 'gripp2.docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const docxFile = path.join(dir, `gripp2-${database}.docx`);
    await writeFile(docxFile, docx.bytes);
    const plain = (await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docxFile])).stdout;
    for (const heading of ['1. Aim', '2. Methods', '3. Results', '4. Discussion and conclusions', '5. Reflections']) {
      expect(plain).toContain(heading);
    }
    for (const said of Object.values(items)) expect(plain).toContain(said);

    const logMd = await download(people.editor, 'impact-log.md');
    expect(logMd.status).toBe(200);
    expect(logMd.bytes.toString('utf8')).toMatch(/It felt like our story at last\. +\|/);
    const logDocx = await download(people.editor, 'impact-log.docx');
    const logFile = path.join(dir, `log-${database}.docx`);
    await writeFile(logFile, logDocx.bytes);
    const logPlain = (await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', logFile])).stdout;
    expect(logPlain).toContain('Listeners stayed longer.');

    const pdf = await download(people.editor, 'gripp2.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});
