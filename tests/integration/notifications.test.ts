import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationEvent } from '../../shared/realtime/events';
import { systemClock } from '../../server/clock';
import { lastDigestBoundary } from '../../server/modules/notifications/digest';
import { notifySignoffRequested } from '../../server/modules/notifications/notificationSources';
import { makeTestAudio, type TestAudio } from '../support/audio';
import { joinedSocket, uploadAudio, waitForClip, workspaceWithPeople, type ClientSocket } from '../support/audioClips';
import type { TestClient } from '../support/httpClient';
import { startServer, type TestServer } from '../support/startServer';
import { startServerOn, testDatabaseNames } from '../support/serverOnDatabase';
import { TestSmtp } from '../support/smtp';

const publicUrl = 'http://chorus.test';

const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const emailOf = async (client: TestClient): Promise<string> => (await client.get('/api/me')).body.user.email;

describe.each(testDatabaseNames)('notifications on %s: an inbox, live, and by email', (database) => {
  let server: TestServer;
  let audio: TestAudio;
  const smtp = new TestSmtp();
  /** The digest's clock: real time moved by `offsetMs`. */
  let offsetMs = 0;
  const sockets: ClientSocket[] = [];
  let world: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let clipId: string;
  let carerEmail: string;

  beforeAll(async () => {
    await smtp.start();
    [server, audio] = await Promise.all([
      startServerOn(database, {
        env: { SMTP_URL: smtp.url, MAIL_FROM: 'Chorus <chorus@example.org>', PUBLIC_URL: publicUrl },
        chorus: {
          notifications: {
            clock: { now: () => new Date(Date.now() + offsetMs) },
            digestCheckMs: 200,
            mailRetry: { baseDelayMs: 300, factor: 2, maxDelayMs: 1_000 },
          },
        },
      }),
      makeTestAudio(),
    ]);
    world = await workspaceWithPeople(server.url);
    const { people, ws } = world;
    clipId = (await uploadAudio(people.carer, ws.id, audio.files.ogg, { title: 'Tuesday mornings' })).body.id;
    await waitForClip(people.carer, clipId);
    carerEmail = await emailOf(people.carer);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    await smtp.stop();
    await audio?.cleanup();
  });

  const review = (state: string, note?: string) =>
    world.people.editor.post(`/api/clips/${clipId}/review`, note ? { state, note } : { state });

  it('tells a carer of a review decision in their inbox, live on their own sockets only, and by email at once', async () => {
    const { people, ws, ids } = world;
    const carerSocket = await joinedSocket(server.url, people.carer, ws.id);
    const expertSocket = await joinedSocket(server.url, people.expert, ws.id);
    sockets.push(carerSocket, expertSocket);
    const live: NotificationEvent[] = [];
    const overheard: NotificationEvent[] = [];
    carerSocket.on('notification:new', (e) => live.push(e));
    expertSocket.on('notification:new', (e) => overheard.push(e));

    expect((await review('changes_requested', 'Please say the date at the start')).status).toBe(200);
    await until(() => live.length === 1, 'the live notice');
    expect(live[0]).toMatchObject({
      unread: 1,
      notification: {
        kind: 'review',
        text: 'editor person asked for a change to your recording “Tuesday mornings”: Please say the date at the start',
        link: `/c/${clipId}`,
        read: false,
      },
    });

    const inbox = await people.carer.get('/api/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.body).toEqual({ notifications: [live[0]!.notification], unread: 1, next: null });

    const mail = await smtp.mailTo(carerEmail);
    expect(mail.subject).toBe('News about your recording in Chorus');
    expect(mail.text).toContain('asked for a change to your recording “Tuesday mornings”');
    expect(mail.text.match(/https?:\/\/\S+/g)).toEqual([`${publicUrl}/c/${clipId}`]);

    // Nobody else sees it or can touch it.
    expect((await people.expert.get('/api/notifications')).body).toEqual({ notifications: [], unread: 0, next: null });
    const foreign = await people.expert.post('/api/notifications/read', { ids: [live[0]!.notification.id] });
    expect(foreign.body).toEqual({ unread: 0 });
    expect((await people.carer.get('/api/notifications')).body.unread).toBe(1);
    expect(overheard).toEqual([]);
    expect(ids.carer).toBeTruthy();

    const unreadLive: number[] = [];
    carerSocket.on('notification:unread', (e) => unreadLive.push(e.unread));
    const read = await people.carer.post('/api/notifications/read', { ids: [live[0]!.notification.id] });
    expect(read.body).toEqual({ unread: 0 });
    await until(() => unreadLive.includes(0), 'the unread count on the socket');
    expect((await people.carer.get('/api/notifications')).body.notifications[0].read).toBe(true);
  });

  it('refuses malformed requests with messages a person can act on', async () => {
    const { people } = world;
    const bad = await people.carer.post('/api/notifications/read', { ids: ['not-an-id'] });
    expect(bad.status).toBe(400);
    expect((await people.carer.post('/api/notifications/read', { ids: [] })).body.error.message).toMatch(
      /Say which notices/,
    );
    expect((await people.carer.get('/api/notifications?limit=500')).status).toBe(400);
    // Paging from someone else's notice says nothing about it.
    const carersNotice = (await people.carer.get('/api/notifications')).body.notifications[0].id;
    expect((await people.expert.get(`/api/notifications?before=${carersNotice}`)).status).toBe(404);
    const badChoice = await people.carer.request('PUT', '/api/notifications/preferences', {
      email: { review: 'weekly' },
    });
    expect(badChoice.status).toBe(400);
    expect(
      (await new (people.carer.constructor as typeof TestClient)(server.url).get('/api/notifications')).status,
    ).toBe(401);
  });

  it('pages newest first', async () => {
    const { people } = world;
    const sent = smtp.countTo(carerEmail);
    await review('in_review');
    await review('approved');
    await until(() => smtp.countTo(carerEmail) === sent + 2, 'both emails');
    await until(
      async () => (await people.carer.get('/api/notifications')).body.notifications.length === 3,
      '3 notices',
    );
    const first = await people.carer.get('/api/notifications?limit=2');
    expect(first.body.notifications.map((n: { text: string }) => n.text)).toEqual([
      'editor person checked your recording “Tuesday mornings”: it is ready to use.',
      'editor person is checking your recording “Tuesday mornings”.',
    ]);
    const second = await people.carer.get(`/api/notifications?limit=2&before=${first.body.next}`);
    expect(second.body.notifications).toHaveLength(1);
    expect(second.body.next).toBeNull();
    await people.carer.post('/api/notifications/read', { all: true });
  });

  it('emails each kind as the person chose: defaults, then off', async () => {
    const { people } = world;
    const prefs = await people.carer.get('/api/notifications/preferences');
    expect(prefs.body).toEqual({
      emailAvailable: true,
      email: {
        mention: 'immediately',
        reply: 'off',
        review: 'immediately',
        signoff_request: 'immediately',
        render: 'off',
        clip_published: 'off',
        episode_flagged: 'off',
        edition_withdrawn: 'immediately',
        task_offer: 'immediately',
      },
    });
    const before = smtp.countTo(carerEmail);
    const off = await people.carer.request('PUT', '/api/notifications/preferences', { email: { review: 'off' } });
    expect(off.body.email).toMatchObject({ review: 'off', mention: 'immediately' });
    await review('in_review'); // not emailed
    await people.carer.request('PUT', '/api/notifications/preferences', { email: { review: 'immediately' } });
    await review('approved'); // emailed
    const next = await smtp.mailTo(carerEmail, before);
    expect(next.text).toContain('it is ready to use');
    expect(smtp.countTo(carerEmail)).toBe(before + 1);
  });

  it('keeps an email while the mail server is down and sends it once it is back', async () => {
    const before = smtp.countTo(carerEmail);
    await smtp.stop();
    await review('in_review');
    const db = server.chorus.services.db;
    const failedOnce = async () =>
      (
        await db
          .selectFrom('jobs')
          .select(['attempts', 'status'])
          .where('type', '=', 'notifications.email')
          .where('status', '=', 'queued')
          .where('attempts', '>=', 2)
          .execute()
      ).length > 0;
    await until(failedOnce, 'the email job to fail twice against a closed port');
    await smtp.start();
    const mail = await smtp.mailTo(carerEmail, before);
    expect(mail.text).toContain('is checking your recording');
  });

  it('sends an invite link to the address given on the invite form, never keeping the link readable in the database', async () => {
    const { people, ws } = world;
    const invite = await people.editor.post(`/api/workspaces/${ws.id}/invites`, {
      role: 'carer',
      email: 'new.carer@example.org',
    });
    expect(invite.status).toBe(201);
    expect(invite.body.emailedTo).toBe('new.carer@example.org');
    const mail = await smtp.mailTo('new.carer@example.org');
    expect(mail.subject).toBe('editor person invites you to Carers’ stories on Chorus');
    expect(mail.text.match(/https?:\/\/\S+/g)).toEqual([`${publicUrl}/invite/${invite.body.token}`]);
    expect((await people.editor.get(`/api/invites/${invite.body.token}`)).body.workspaceName).toBe('Carers’ stories');
    const payloads = await server.chorus.services.db.selectFrom('jobs').select('payload').execute();
    expect(payloads.some((p) => p.payload.includes(invite.body.token))).toBe(false);
    const bad = await people.editor.post(`/api/workspaces/${ws.id}/invites`, {
      role: 'carer',
      email: 'not an address',
    });
    expect(bad.status).toBe(400);
  });

  it('asks for sign-off in the inbox and by email at once (the sign-off module calls notifySignoffRequested)', async () => {
    const { people, ws, ids } = world;
    const episode = await people.editor.post(`/api/workspaces/${ws.id}/episodes`, { title: 'Episode one' });
    expect(episode.status).toBe(201);
    const before = smtp.countTo(carerEmail);
    const ctx = { services: server.chorus.services, clock: systemClock, mailEnabled: true };
    await notifySignoffRequested(ctx, { episodeId: episode.body.id, workspaceId: ws.id, userIds: [ids.carer] });
    const notice = (await people.carer.get('/api/notifications')).body.notifications[0];
    expect(notice).toMatchObject({
      kind: 'signoff_request',
      text: 'Please listen to your parts in the episode “Episode one” and say whether it may go out.',
      link: `/e/${episode.body.id}`,
    });
    const mail = await smtp.mailTo(carerEmail, before);
    expect(mail.subject).toBe('Please listen to your parts in Chorus');
    expect(mail.text.match(/https?:\/\/\S+/g)).toEqual([`${publicUrl}/e/${episode.body.id}`]);
    // Another workspace's episode asks nobody.
    await notifySignoffRequested(ctx, { episodeId: episode.body.id, workspaceId: ids.carer, userIds: [ids.carer] });
    expect((await people.carer.get('/api/notifications')).body.notifications[0].id).toBe(notice.id);
  });

  it('hides what a notice said about a recording once the recording is withdrawn', async () => {
    const { people } = world;
    await people.carer.post(`/api/clips/${clipId}/withdraw`, {});
    const inbox = await people.carer.get('/api/notifications');
    const texts = inbox.body.notifications.map((n: { text: string }) => n.text);
    expect(texts.join(' ')).not.toContain('Tuesday mornings');
    expect(texts.join(' ')).not.toContain('say the date');
    expect(texts).toContain('This was about a recording whose consent was taken back, so it is no longer shown.');
  });

  it('gathers the daily digest and sends it once after 07:00 UTC', async () => {
    const { people, ws } = world;
    const clip2 = (await uploadAudio(people.carer, ws.id, audio.files.ogg, { title: 'Evenings' })).body.id;
    await waitForClip(people.carer, clip2);
    await people.carer.request('PUT', '/api/notifications/preferences', { email: { review: 'daily' } });
    const before = smtp.countTo(carerEmail);
    await people.editor.post(`/api/clips/${clip2}/review`, { state: 'in_review' });
    await people.editor.post(`/api/clips/${clip2}/review`, { state: 'approved' });
    await until(async () => (await people.carer.get('/api/notifications')).body.unread >= 2, 'two notices');
    // Tomorrow, a minute after the digest time.
    const now = new Date();
    offsetMs = lastDigestBoundary(now).getTime() + 24 * 3600_000 + 60_000 - now.getTime();
    const digest = await smtp.mailTo(carerEmail, before);
    expect(digest.subject).toBe('Your news from Chorus (2)');
    expect(digest.text).toContain('- editor person is checking your recording “Evenings”.');
    expect(digest.text).toContain('- editor person checked your recording “Evenings”: it is ready to use.');
    expect(digest.text.match(/https?:\/\/\S+/g)).toEqual([`${publicUrl}/notifications`]);
    expect(smtp.countTo(carerEmail)).toBe(before + 1);
  });
});

describe('without a mail server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('keeps notices in the app, and says so when an invite is to be emailed', async () => {
    const { people, ws } = await workspaceWithPeople(server.url);
    expect((await people.carer.get('/api/notifications/preferences')).body.emailAvailable).toBe(false);
    const refused = await people.admin.post(`/api/workspaces/${ws.id}/invites`, {
      role: 'carer',
      email: 'someone@example.org',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/cannot send email/);
    expect((await people.admin.get(`/api/workspaces/${ws.id}/invites`)).body.invites).toHaveLength(0);
  });
});
