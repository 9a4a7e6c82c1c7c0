import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAudio, waitForClip, workspaceWithPeople } from '../support/audioClips';
import { startFakeTranscriptionServer, type FakeTranscriptionServer } from '../support/fakeTranscriptionServer';
import { startServer, type TestServer } from '../support/startServer';
import { carersClip, spokenWav, type Team } from '../support/transcripts';
import { axeFindings } from './support/accessibility';
import { signedInBrowsers } from './support/browser';

/**
 * A carer watches speech recognition write the first draft of their recording's transcript, in Chromium: the clip
 * page says it is being written, shows the draft live when it arrives and asks them to check it, until they tick that
 * they have. The engine is a small server inside the test suite speaking the documented OpenAI-compatible contract
 * (tests/support/fakeTranscriptionServer.ts); no hosted service, no model.
 */
describe('a first draft from speech recognition on the clip page', { timeout: 240_000 }, () => {
  const sentence = 'I look after my mother. Some days are long, but the neighbours help.';
  let engine: FakeTranscriptionServer;
  let server: TestServer;
  let team: Team;
  let speech: Awaited<ReturnType<typeof spokenWav>>;
  const { open, closeAll } = signedInBrowsers(() => server.url);

  beforeAll(async () => {
    engine = await startFakeTranscriptionServer();
    engine.sentence = sentence;
    [server, speech] = await Promise.all([startServer({ env: { TRANSCRIBE_URL: engine.url } }), spokenWav(sentence)]);
    team = await workspaceWithPeople(server.url);
  }, 300_000);

  afterAll(async () => {
    engine?.release();
    await closeAll();
    await server?.stop();
    await engine?.close();
    await speech?.cleanup();
  });

  it('shows the draft being written, then the draft live with a request to check it', async () => {
    engine.mode = { kind: 'held', shape: 'whisper.cpp' };
    const asked = engine.received.length;
    const upload = await uploadAudio(team.people.carer, team.ws.id, speech.file, { title: 'Mornings' });
    await waitForClip(team.people.carer, upload.body.id, (c) => c.status === 'ready', 120_000);
    const page = await open(team.people.carer, `/c/${upload.body.id}`);
    const transcript = page.getByRole('region', { name: 'Transcript' });
    await transcript.getByText(/Speech recognition (will write|is writing) a first draft/).waitFor();

    // Let the answer go only once the engine holds the request: a release before it arrives would let nothing go.
    await expect.poll(() => engine.received.length, { timeout: 60_000 }).toBeGreaterThan(asked);
    engine.release();
    await transcript
      .getByText('A first draft was written by speech recognition; please check it against the recording.')
      .waitFor({ timeout: 20_000 });
    await transcript.getByText('I look after my mother.').waitFor();
    expect(await axeFindings(page)).toEqual([]);

    await transcript
      .getByRole('checkbox', { name: 'A person has checked this transcript against the recording' })
      .check();
    await transcript
      .getByText('A first draft was written by speech recognition; please check it against the recording.')
      .waitFor({ state: 'detached' });
  });

  it('shows a draft written while the page had no live connection yet, once it has one', async () => {
    engine.mode = { kind: 'held', shape: 'whisper.cpp' };
    const asked = engine.received.length;
    const upload = await uploadAudio(team.people.carer, team.ws.id, speech.file, { title: 'Afternoons' });
    await waitForClip(team.people.carer, upload.body.id, (c) => c.status === 'ready', 120_000);
    // The page loads, but every try at its live connection fails (as on a train in a tunnel), so the news that
    // the draft was written reaches nobody: the page must ask once it is connected.
    const page = await open(team.people.carer, '/');
    let tunnel = true;
    await page.route('**/socket.io/**', (route) => (tunnel ? route.abort() : route.continue()));
    await page.goto(`/c/${upload.body.id}`);
    const transcript = page.getByRole('region', { name: 'Transcript' });
    await transcript.getByText(/Speech recognition (will write|is writing) a first draft/).waitFor();

    await expect.poll(() => engine.received.length, { timeout: 60_000 }).toBeGreaterThan(asked);
    engine.release();
    const draftStatus = async () =>
      (await team.people.carer.get(`/api/clips/${upload.body.id}/transcript`)).body.machineDraft?.status;
    await expect.poll(draftStatus, { timeout: 30_000 }).toBe('written');
    tunnel = false;
    await transcript
      .getByText('A first draft was written by speech recognition; please check it against the recording.')
      .waitFor({ timeout: 20_000 });
    await transcript.getByText('I look after my mother.').waitFor();
  });

  it('says in words why speech recognition could not write a draft', async () => {
    engine.mode = { kind: 'junk' };
    const clip = await carersClip(team, speech.file, 'Evenings');
    const page = await open(team.people.carer, `/c/${clip.id}`);
    await page
      .getByRole('region', { name: 'Transcript' })
      .getByText(
        /Speech recognition could not write a first draft\. The speech-recognition service answered, but not with JSON/,
      )
      .waitFor({ timeout: 20_000 });
    expect(await axeFindings(page)).toEqual([]);
  });
});
