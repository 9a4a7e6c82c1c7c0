import { describe, expect, it } from 'vitest';
import { newestRenderPasses } from '../support/episodePublishing';
import { axeFindings } from './support/accessibility';
import { renderedEpisodeOnServer } from './support/renderedEpisode';

/**
 * Issue 12 §2 in the browser: Mary (carer) and Joe (carer2) are heard in the episode the editor rendered. The
 * editor's Publish waits for them by name. Mary opens the episode, plays her part and says it is fine; Joe asks
 * for a change, then is content; the editor's page follows each answer live, and the editor publishes.
 */
describe('signing off your parts before an episode is published', { timeout: 300_000 }, () => {
  const { made, open } = renderedEpisodeOnServer();

  it('a carer listens to their part and approves it; the editor sees each answer and then publishes', async () => {
    const { ctx, episodeId } = made;
    const ed = await open(ctx.people.editor, `/e/${episodeId}`);
    const signoffs = ed.getByRole('region', { name: 'Sign-off by the people heard' });
    await signoffs.getByText('0 of 2 people heard have signed off their parts.').waitFor();
    await ed
      .getByText(
        'Publishing waits until carer person and carer2 person have listened to their parts and said they are happy with them',
        { exact: false },
      )
      .waitFor();
    // An editor may not publish over them: the refusal names who.
    await ed.getByRole('button', { name: 'Publish to the feed' }).click();
    await ed.getByRole('alert').filter({ hasText: 'carer person and carer2 person have not answered yet' }).waitFor();
    expect(await ed.getByRole('button', { name: /Publish without everyone’s sign-off/ }).count()).toBe(0);

    // Mary: her part, with a Play button; it plays the episode from where she starts.
    const mary = await open(ctx.people.carer, `/e/${episodeId}`);
    const parts = mary.getByRole('region', { name: 'Your parts' });
    await parts.getByText('You have not answered yet.').waitFor();
    const list = parts.getByRole('list', { name: 'Your parts in this episode' });
    expect(await list.getByRole('listitem').count()).toBe(1);
    await list.getByText("From your recording “carer's story”").waitFor();
    expect(await axeFindings(mary)).toEqual([]);
    await parts.getByRole('button', { name: 'Play part 1' }).click();
    await parts.getByRole('button', { name: 'Stop part 1' }).waitFor();
    await expect
      .poll(() => mary.locator('.your-parts audio').evaluate((a) => (a as HTMLAudioElement).currentTime), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0.3);
    await parts.getByRole('button', { name: 'Stop part 1' }).click();
    await parts.getByRole('button', { name: 'These are fine' }).click();
    await mary.getByRole('status').filter({ hasText: 'Thank you. You said your parts are fine.' }).waitFor();
    await parts.getByText(/^You said these are fine on /).waitFor();
    // The button pressed is gone: focus is on the answer, not lost to the top of the page.
    await expect.poll(() => mary.evaluate(() => document.activeElement?.id)).toBe('your-parts-answer');
    // The editor's list follows at once.
    await signoffs.getByText('1 of 2 people heard have signed off their parts.').waitFor();
    await signoffs.getByRole('listitem').filter({ hasText: 'carer person: Happy with their parts' }).waitFor();

    // Joe asks for a change: the note is needed, and the editor reads it.
    const joe = await open(ctx.people.carer2, `/e/${episodeId}`);
    const joesParts = joe.getByRole('region', { name: 'Your parts' });
    await joesParts.getByRole('button', { name: 'Ask for a change' }).click();
    const note = joe.getByLabel('What would you like changed?');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await joesParts.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => joe.evaluate(() => document.activeElement?.id)).toBe('your-parts-ask');
    await joesParts.getByRole('button', { name: 'Ask for a change' }).click();
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await joesParts.getByRole('button', { name: 'Send your request' }).click();
    await joesParts.getByText('Say what you would like changed').waitFor();
    await note.fill('Please leave out the word dementia.');
    await joesParts.getByRole('button', { name: 'Send your request' }).click();
    await joesParts.getByText(/^You asked for a change on /).waitFor();
    await signoffs.getByRole('listitem').filter({ hasText: 'carer2 person: Asked for a change' }).waitFor();
    await signoffs.getByText('Please leave out the word dementia.').waitFor();
    await ed.getByText('Publishing waits until carer2 person has listened', { exact: false }).waitFor();

    // They talk it over; Joe is content after all.
    await joesParts.getByRole('button', { name: 'These are fine' }).click();
    await signoffs.getByText('Everyone heard in this episode has signed off their parts.').waitFor();
    expect(await ed.getByText('Publishing waits until', { exact: false }).count()).toBe(0);
    await ed.getByRole('button', { name: 'Publish to the feed' }).click();
    await ed.getByText(/^Published on \d+ \w+ \d{4}\.$/).waitFor();
  });

  it('lets an admin publish before everyone has signed off, saying why, and shows it on the episode', async () => {
    const { ctx, episodeId } = made;
    const { people } = ctx;
    expect((await people.editor.post(`/api/episodes/${episodeId}/unpublish`)).status).toBe(200);
    // A new render with Joe's part shortened: he is asked again.
    const { totalSeconds: _, ...timeline } = (await people.editor.get(`/api/episodes/${episodeId}/timeline`)).body;
    timeline.items[1].outSeconds = Math.round((timeline.items[1].outSeconds - 0.4) * 1000) / 1000;
    expect((await people.editor.request('PUT', `/api/episodes/${episodeId}/timeline`, timeline)).status).toBe(200);

    const admin = await open(people.admin, `/e/${episodeId}`);
    const signoffs = admin.getByRole('region', { name: 'Sign-off by the people heard' });
    await signoffs.getByText('Everyone heard in this episode has signed off their parts.').waitFor();
    const before = (await people.editor.get(`/api/episodes/${episodeId}/renders`)).body.renders[0].id;
    await admin.getByRole('button', { name: 'Render episode' }).click();
    await newestRenderPasses(people.editor, episodeId, { after: before, timeoutMs: 180_000 });
    // The page hears the render finish and asks again who has signed off.
    await signoffs
      .getByText('1 of 2 people heard have signed off their parts.')
      .waitFor()
      .catch(async (e: Error) => {
        const [said, renders, now] = await Promise.all([
          people.editor.get(`/api/episodes/${episodeId}/signoffs`),
          people.editor.get(`/api/episodes/${episodeId}/renders`),
          people.editor.get(`/api/episodes/${episodeId}/timeline`),
        ]);
        throw new Error(
          [
            e.message,
            `The sign-off panel said instead: ${await signoffs.innerText()}`,
            `The server says: ${JSON.stringify(said.body)}`,
            `Joe's item asked for: ${JSON.stringify(timeline.items[1])}; now: ${JSON.stringify(now.body.items?.[1])}`,
            `Renders: ${JSON.stringify(renders.body.renders.map((r: { id: string; status: string }) => [r.id, r.status]))}`,
          ].join('\n'),
        );
      });
    await admin.getByRole('button', { name: 'Publish without everyone’s sign-off…' }).click();
    const reason = admin.getByLabel('Why publish before everyone has signed off?');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.fill('Joe agreed by phone; he is away this week.');
    await admin.getByRole('button', { name: 'Publish without everyone’s sign-off', exact: true }).click();
    await admin.getByText(/^Published on \d+ \w+ \d{4}\.$/).waitFor();
    await signoffs
      .getByText(
        /^Ada Admin published it on .+ before everyone had signed off, giving this reason: “Joe agreed by phone/,
      )
      .waitFor();
    // Joe, asked again about his shortened part, is told too.
    const joe = await open(people.carer2, `/e/${episodeId}`);
    const joesParts = joe.getByRole('region', { name: 'Your parts' });
    await joesParts.getByText('You have not answered yet.').waitFor();
    await joesParts.getByText(/Ada Admin published it on .+ giving this reason: “Joe agreed by phone/).waitFor();
  });
});
