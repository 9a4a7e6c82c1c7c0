import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../../shared/contracts/clips';
import { workspaceWithPeople } from '../support/audioClips';
import { newDocument } from '../support/collabFixtures';
import type { TestClient } from '../support/httpClient';
import { ffmpegImage } from '../support/images';
import { personalDataServer } from '../support/personalDataServer';
import { testDatabaseNames } from '../support/serverOnDatabase';
import type { TestServer } from '../support/startServer';
import { putTranscript, twoSegments } from '../support/transcripts';
import { zipEntries } from '../support/zipEntries';

/**
 * "Download my data" (docs/your-data.md), on a real server with real recordings processed by the real pipeline.
 * Deleting an account is in accountDeletion.test.ts.
 */

describe.each(testDatabaseNames)('my data on %s', (database) => {
  const world = personalDataServer(database);
  let server: TestServer;
  beforeAll(() => {
    server = world.server;
  });
  const { readyClip, creditByName, emailOf } = world;

  async function download(client: TestClient) {
    const res = await fetch(`${server.url}/api/me/data`, { headers: { cookie: client.cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="chorus-my-data-\d{4}-\d\d-\d\d\.zip"/,
    );
    return zipEntries(Buffer.from(await res.arrayBuffer()));
  }
  const json = (files: Map<string, Buffer>, name: string) => JSON.parse(files.get(name)!.toString('utf8'));

  it('downloads the person’s account, memberships, recordings with audio and transcript, consent history, comments and history, and nobody else’s', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ids, ws } = team;
    const mine = await readyClip(team, 'carer', 'Mornings with Mum');
    const theirs = await readyClip(team, 'carer2', 'Joe’s evenings');
    expect((await putTranscript(people.carer, mine.id, twoSegments)).status).toBe(200);
    const changed = {
      podcast: false,
      publicationQuotes: true,
      audience: 'internal',
      wordingVersion: currentConsentVersion,
    };
    expect((await people.carer.request('PUT', `/api/clips/${mine.id}/consent`, changed)).status).toBe(200);
    expect(
      (await people.carer.post(`/api/clips/${mine.id}/comments`, { body: 'My own note', atSeconds: 1 })).status,
    ).toBe(201);
    expect(
      (await people.carer.post(`/api/clips/${theirs.id}/comments`, { body: 'Lovely, Joe', atSeconds: 0 })).status,
    ).toBe(201);
    const private2 = 'Joe private remark about his neighbour';
    expect((await people.carer2.post(`/api/clips/${mine.id}/comments`, { body: private2, atSeconds: 0 })).status).toBe(
      201,
    );
    await creditByName(people.carer, ws.id, 'Mary C.');
    // A meeting both carers took part in, which Mary confirms and wants a voucher for.
    const rates = { currency: 'GBP', hourMinor: 2500, halfDayMinor: 7500, dayMinor: 15000 };
    expect((await people.admin.request('PUT', `/api/workspaces/${ws.id}/involvement/rates`, rates)).status).toBe(200);
    const meeting = await people.editor.post(`/api/workspaces/${ws.id}/involvement/activities`, {
      kind: 'meeting',
      title: 'Group meeting about respite',
      occurredOn: '2026-03-14',
      durationMinutes: 90,
      participantIds: [ids.carer, ids.carer2],
    });
    expect(meeting.status).toBe(201);
    const answer = { answer: 'confirmed', choice: 'voucher' };
    expect(
      (await people.carer.request('PUT', `/api/involvement/activities/${meeting.body.id}/me`, answer)).status,
    ).toBe(200);

    // What Mary brings and would like to try, a task offered to her, and an ability agreed for her.
    const strengths = { brings: 'I ran a carers’ group', wantsToTry: ['interviewing'] };
    expect(
      (await people.carer.request('PUT', `/api/workspaces/${ws.id}/members/${ids.carer}/strengths`, strengths)).status,
    ).toBe(200);
    const offer = { task: 'interviewing', message: 'Would you interview Joe?' };
    expect((await people.editor.post(`/api/workspaces/${ws.id}/members/${ids.carer}/offers`, offer)).status).toBe(201);
    expect(
      (await people.admin.request('PUT', `/api/workspaces/${ws.id}/members/${ids.carer}/grants/episode.edit`)).status,
    ).toBe(200);

    const files = await download(people.carer);
    expect(files.get('README.txt')!.toString()).toMatch(/This is everything Chorus keeps about you, carer person/);
    expect(json(files, 'account.json')).toMatchObject({
      id: ids.carer,
      name: 'carer person',
      email: await emailOf(ids.carer),
    });
    expect(json(files, 'memberships.json')).toEqual([
      expect.objectContaining({ workspaceId: ws.id, role: 'carer', creditedByName: true, creditName: 'Mary C.' }),
    ]);
    // The audio exactly as sent, and the listening copy.
    expect(files.get(`recordings/${mine.id}/original.wav`)!.equals(await readFile(world.speech))).toBe(true);
    expect(files.get(`recordings/${mine.id}/listening.m4a`)!.length).toBeGreaterThan(1000);
    expect(json(files, `recordings/${mine.id}/transcript.json`).segments.map((s: { text: string }) => s.text)).toEqual([
      'I look after my mother.',
      'Some days are long.',
    ]);
    expect(json(files, 'recordings.json')).toEqual([
      expect.objectContaining({
        id: mine.id,
        title: 'Mornings with Mum',
        consentNow: expect.objectContaining({ podcast: false }),
      }),
    ]);
    const history = json(files, 'consent.json').recordings[0].history;
    expect(history.map((h: { decision: string; by: string }) => [h.decision, h.by])).toEqual([
      ['given', 'you'],
      ['changed', 'you'],
    ]);
    const comments = json(files, 'comments.json');
    expect(comments.onRecordings.map((c: { text: string }) => c.text)).toEqual(['My own note', 'Lovely, Joe']);
    expect(json(files, 'involvement.json')).toEqual([
      expect.objectContaining({
        currency: 'GBP',
        lines: [expect.objectContaining({ title: 'Group meeting about respite', choice: 'voucher', feeMinor: 3750 })],
        totals: expect.objectContaining({ voucherMinor: 3750, paidMinor: 0 }),
      }),
    ]);
    expect(json(files, 'strengths.json')).toEqual([
      {
        workspace: 'Carers’ stories',
        brings: 'I ran a carers’ group',
        wantsToTry: ['interviewing'],
        wantsToTryOther: '',
        tasksOffered: [
          {
            task: 'interviewing',
            message: 'Would you interview Joe?',
            by: 'someone else',
            at: expect.any(String),
            answer: 'offered',
            answeredAt: null,
          },
        ],
        alsoAllowed: [{ ability: 'episode.edit', by: 'someone else', at: expect.any(String) }],
      },
    ]);
    const actions = json(files, 'history.json').map((h: { what: string }) => h.what);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invite.accepted',
        'member.credit_given',
        'member.task_offered',
        'member.ability_granted',
      ]),
    );

    // Nothing of anyone else: not their recording, words, name or email.
    const names = [...files.keys()];
    expect(names.some((n) => n.includes(theirs.id))).toBe(false);
    const everything = [...files.values()].map((b) => b.toString('latin1')).join('\n');
    for (const other of [private2, 'carer2 person', 'Ada Admin', await emailOf(ids.carer2), await emailOf(ids.admin)])
      expect(everything).not.toContain(other);

    const audit = await server.chorus.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', ids.carer)
      .where('action', '=', 'account.data_downloaded')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await fetch(`${server.url}/api/me/data`)).status).toBe(401);
  });

  it('includes the pictures and music the person uploaded, each as stored, and nobody else’s', async () => {
    const team = await workspaceWithPeople(server.url);
    const { people, ws } = team;
    const post = async (client: TestClient, urlPath: string, form: FormData) => {
      const res = await fetch(server.url + urlPath, {
        method: 'POST',
        body: form,
        headers: { cookie: client.cookie! },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as Record<string, unknown>;
    };
    const doc = (await newDocument(people.editor, ws.id, 'What helps')).id;
    const png = ffmpegImage('64x48', 'png', 'blue');
    const picture = new FormData();
    picture.append('alt', 'A bench under the apple tree');
    picture.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), '../../bench.png');
    const image = await post(people.editor, `/api/documents/${doc}/images`, picture);
    const wav = await readFile(world.speech);
    const tune = new FormData();
    tune.append('title', 'Theme');
    tune.append('audio', new Blob([new Uint8Array(wav)]), 'theme.wav');
    const music = await post(people.editor, `/api/workspaces/${ws.id}/music`, tune);

    const files = await download(people.editor);
    const uploads = json(files, 'uploads.json');
    expect(uploads.pictures).toEqual([
      expect.objectContaining({
        id: image.imageId,
        document: 'What helps',
        file: `uploads/pictures/${String(image.imageId)}.png`,
      }),
    ]);
    expect(uploads.music).toEqual([
      expect.objectContaining({
        id: music.id,
        title: 'Theme',
        uploadedAs: 'theme.wav',
        file: `uploads/music/${String(music.id)}.wav`,
      }),
    ]);
    expect(files.get(`uploads/pictures/${String(image.imageId)}.png`)).toEqual(png);
    expect(files.get(`uploads/music/${String(music.id)}.wav`)).toEqual(wav);
    expect(files.get('README.txt')!.toString('utf8')).toContain('uploads.json');
    // Someone else in the same project downloads only their own.
    expect((await download(people.carer)).has('uploads.json')).toBe(false);
  });
});
