import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { carersTranscribedClip } from './support/transcribedClip';

const player = (page: Page) => page.getByRole('group', { name: 'Player: Mornings' });
const transcript = (page: Page) => page.getByRole('region', { name: 'Transcript' });
const position = async (page: Page) =>
  Number(await page.getByRole('slider', { name: 'Position in the recording' }).getAttribute('aria-valuenow'));

/**
 * The player's keys while typing in the transcript, and the same actions as visible buttons (issue 10 §1): a carer
 * slows playback down, plays and pauses, and stamps a new segment at the player's time by keyboard alone with
 * the caret in a segment; the buttons do the same; a link to a stretch (`#t=1.6,2.4`) opens the clip there and
 * stops at its end. Set-up goes over HTTP.
 */
describe('the clip player’s keys and buttons', { timeout: 240_000 }, () => {
  const { made, open } = carersTranscribedClip();

  it('slows down, plays, pauses and stamps a new segment by keyboard while the caret is in a segment', async () => {
    const carer = await open(made.team.people.carer, `/c/${made.clip.id}`);
    const box = transcript(carer).getByRole('textbox', { name: /^Words from 0:00/ });
    await box.waitFor();
    await carer.getByText('Saved').first().waitFor();
    await player(carer).getByRole('button', { name: 'Play', exact: true }).waitFor();
    await box.focus();

    await carer.keyboard.press('Alt+Period');
    await player(carer).getByText('Speed 1.25×').waitFor();
    await carer.keyboard.press('Alt+Comma');
    await carer.keyboard.press('Alt+Comma');
    await player(carer).getByText('Speed 0.75×').waitFor();
    // The keys typed nothing into the words.
    expect(await box.inputValue()).toBe('I look after my mother.');

    await carer.keyboard.press('Alt+KeyK');
    await player(carer).getByRole('button', { name: 'Pause' }).waitFor();
    await carer.waitForFunction(
      () =>
        Number(document.querySelector('[aria-label="Position in the recording"]')?.getAttribute('aria-valuenow')) >= 1,
    );
    await carer.keyboard.press('Alt+KeyK');
    await player(carer).getByRole('button', { name: 'Play', exact: true }).waitFor();
    const pausedAt = await position(carer);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);

    // Insert a time: a new segment at the player's time, with the caret in it, ready for the next words.
    await carer.keyboard.press('Alt+KeyI');
    await carer.waitForFunction(() => document.querySelectorAll('.transcript__words').length === 3);
    const focused = await carer.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focused).toMatch(/^Words from 0:0[12]/);
    await carer.keyboard.type('Some mornings');
    await carer.keyboard.press('Tab');
    await expect
      .poll(async () => (await made.team.people.carer.get(`/api/clips/${made.clip.id}/transcript`)).body.segments, {
        timeout: 15_000,
      })
      .toContainEqual(expect.objectContaining({ startSeconds: Math.round(pausedAt * 10) / 10, text: 'Some mornings' }));

    // Resuming goes back 2 seconds (the default) from where it was paused.
    await box.focus();
    await carer.keyboard.press('Alt+KeyK');
    await player(carer).getByRole('button', { name: 'Pause' }).waitFor();
    await carer.keyboard.press('Alt+KeyK');
    expect(await position(carer)).toBeLessThan(pausedAt);
    expect(await axeFindings(carer)).toEqual([]);
  });

  it('does the same with visible buttons, and copies a link to the moment', async () => {
    const carer = await open(made.team.people.carer, `/c/${made.clip.id}`);
    await player(carer).getByRole('button', { name: 'Play', exact: true }).waitFor();
    await player(carer).getByRole('button', { name: 'Faster' }).click();
    await player(carer).getByText('Speed 1.25×').waitFor();
    await player(carer).getByRole('button', { name: 'Slower' }).click();
    await player(carer).getByRole('button', { name: 'Slower' }).click();
    await player(carer).getByText('Speed 0.75×').waitFor();
    await player(carer)
      .getByRole('combobox', { name: /go back/ })
      .selectOption('0');
    await expect(carer.evaluate(() => localStorage.getItem('chorus.player.rewindOnResume'))).resolves.toBe('0');
    await player(carer).getByRole('button', { name: 'Play', exact: true }).click();
    await player(carer).getByRole('button', { name: 'Pause' }).click();
    await player(carer).getByRole('button', { name: 'Copy link to this moment' }).click();
    const link = await player(carer)
      .getByRole('textbox', { name: /Link to this moment/ })
      .inputValue();
    expect(link).toMatch(new RegExp(`/c/${made.clip.id}#t=\\d+(\\.\\d)?$`));
    await expect(
      transcript(carer)
        .getByRole('button', { name: /^New segment at/ })
        .isVisible(),
    ).resolves.toBe(true);
    expect(await axeFindings(carer)).toEqual([]);
  });

  it('opens a link to a stretch there, plays it and stops at its end', async () => {
    const editor = await open(made.team.people.editor, `/c/${made.clip.id}#t=1.6,2.4`);
    await editor.waitForFunction(
      () =>
        Number(document.querySelector('[aria-label="Position in the recording"]')?.getAttribute('aria-valuenow')) >=
        2.4,
    );
    await player(editor).getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10_000 });
    const stoppedAt = await position(editor);
    expect(stoppedAt).toBeGreaterThanOrEqual(2.4);
    expect(stoppedAt).toBeLessThan(3);
    expect(await axeFindings(editor)).toEqual([]);
  });
});
