import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentWording } from '../../shared/contracts/clips';
import { zipEntries } from '../support/zipEntries';
import { sweepPage } from './support/accessibility';
import { journeyServer } from './support/journeyServer';
import { adminStartsWorkspace, createInviteLink, joinByInvite } from './support/journeys';

/**
 * A carer's own data: from their account page they download everything Chorus keeps about them (a zip with a
 * README and their recording as sent), then delete their account, taking their recording back, and are signed out.
 */
const run = promisify(execFile);

describe('a carer’s own data', () => {
  const server = journeyServer();
  let dir: string;
  let speech: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-mydata-browser-'));
    speech = path.join(dir, 'story.wav');
    await run('espeak-ng', ['-w', speech, 'I look after my mother. Some days are long.']);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('downloads their data, then deletes their account and takes their recording back', async () => {
    const ann = (await server.person()).page;
    await adminStartsWorkspace(ann);
    const link = await createInviteLink(ann, 'carer');

    const cara = (await server.person()).page;
    await joinByInvite(cara, link, { name: 'Cara Carer', email: 'cara@example.com', password: 'my garden in spring' });
    await cara.getByRole('link', { name: 'Recordings', exact: true }).click();
    await cara.getByLabel('Recording', { exact: true }).setInputFiles(speech);
    await cara.getByLabel('Title').fill('Mornings with Mum');
    await cara.getByLabel(currentConsentWording.podcast).check();
    await cara.getByLabel(currentConsentWording.audience.internal).check();
    await cara.getByRole('button', { name: 'Send your recording' }).click();
    await cara.getByRole('status').filter({ hasText: 'Sent. “Mornings with Mum” is being processed' }).waitFor();

    // Her account page, from her name at the top of every screen.
    await cara.getByRole('link', { name: /Cara Carer/ }).click();
    await cara.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const problems = async () => (await sweepPage(cara)).map((f) => `${f.check} ${f.rule}: ${f.detail}`);
    expect(await problems()).toEqual([]);
    const [download] = await Promise.all([
      cara.waitForEvent('download'),
      cara.getByRole('link', { name: 'Download your data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^chorus-my-data-\d{4}-\d\d-\d\d\.zip$/);
    const files = await zipEntries(await readFile((await download.path())!));
    expect(files.get('README.txt')!.toString()).toContain('This is everything Chorus keeps about you, Cara Carer');
    const recordings = JSON.parse(files.get('recordings.json')!.toString());
    expect(recordings).toEqual([expect.objectContaining({ title: 'Mornings with Mum' })]);
    const clipId = recordings[0].id as string;
    expect(files.get(`recordings/${clipId}/original.wav`)!.equals(await readFile(speech))).toBe(true);
    expect(JSON.parse(files.get('account.json')!.toString())).toMatchObject({ email: 'cara@example.com' });

    // Deleting asks first, in plain words, with her recordings taken back unless she says no.
    await cara.getByRole('button', { name: 'Delete your account' }).click();
    await cara.getByText('Are you sure you want to delete your account? This cannot be undone.').waitFor();
    expect(await cara.getByLabel('Yes, take back my recordings').isChecked()).toBe(true);
    expect(await problems()).toEqual([]);
    await cara.getByLabel('Your password').fill('not my password');
    await cara.getByRole('button', { name: 'Yes, delete my account' }).click();
    await cara
      .getByRole('alert')
      .getByRole('link', { name: /not your password/ })
      .waitFor();
    await cara.getByLabel('Your password').fill('my garden in spring');
    await cara.getByRole('button', { name: 'Yes, delete my account' }).click();

    await cara.getByRole('heading', { level: 1, name: 'Your account is deleted' }).waitFor();
    await cara.getByText('We took back 1 recording').waitFor();
    expect(await problems()).toEqual([]);
    expect(await cara.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await cara.goto('/');
    await cara.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // Ann sees the recording taken back.
    const clip = await ann.request.get(`/api/clips/${clipId}`);
    expect((await clip.json()).withdrawnAt).toEqual(expect.any(String));
  });
});
