import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { carersTranscribedClip } from './support/transcribedClip';

const segmentBox = (page: Page, at: string) => page.getByRole('textbox', { name: new RegExp(`^Words from ${at}`) });

/**
 * A carer opens their clip in Chromium, plays it and corrects a word of its transcript by keyboard alone (player
 * keys with Alt while typing); an expert with the same clip open sees the correction without a reload, cannot
 * type in it, and a search finds the corrected word and opens the clip there. Set-up goes over HTTP.
 */
describe('a clip’s transcript, corrected by its carer while another member watches', { timeout: 240_000 }, () => {
  const { made, open } = carersTranscribedClip();

  it('carries a keyboard correction to the other member live, keeping the words’ timings', async () => {
    const carer = await open(made.team.people.carer, `/c/${made.clip.id}`);
    const expert = await open(made.team.people.expert, `/c/${made.clip.id}`);
    const transcript = (page: Page) => page.getByRole('region', { name: 'Transcript' });
    await transcript(expert).getByText('I look after my mother.').waitFor();
    // The expert reads along: no text boxes for them.
    expect(await transcript(expert).getByRole('textbox').count()).toBe(0);

    const box = segmentBox(carer, '0:00');
    await box.waitFor();
    await carer.getByText('Saved').first().waitFor();
    // Into the first segment by keyboard, then play with the player key while the text box has focus.
    await box.focus();
    await carer.keyboard.press('Alt+KeyK');
    const player = (page: Page) => page.getByRole('group', { name: 'Player: Mornings' });
    await player(carer).getByRole('button', { name: 'Pause' }).waitFor();
    await carer.keyboard.press('Alt+KeyK');
    await player(carer).getByRole('button', { name: 'Play', exact: true }).waitFor();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);

    // Select the last word ("mother.") with the keyboard and type over it.
    await carer.keyboard.press('End');
    for (let i = 0; i < 'mother.'.length; i++) await carer.keyboard.press('Shift+ArrowLeft');
    await carer.keyboard.type('mum.');
    await carer.keyboard.press('Tab');

    await transcript(expert).getByText('I look after my mum.').waitFor({ timeout: 15_000 });
    const rest = await made.team.people.expert.get(`/api/clips/${made.clip.id}/transcript`);
    expect(rest.body.segments[0].words[4]).toEqual({ text: 'mum.', startSeconds: 1, endSeconds: 1.5, checked: true });
    expect(rest.body.segments[0].words[3]).toMatchObject({ text: 'my', startSeconds: 0.8, checked: false });
  });

  it('finds the corrected word from the workspace page and opens the clip where it is said', async () => {
    const editor = await open(made.team.people.editor, `/w/${made.team.ws.id}`);
    await editor.getByRole('searchbox', { name: 'Words to look for' }).fill('mum');
    await editor.keyboard.press('Enter');
    const result = editor.getByRole('link', { name: 'Mornings' });
    await result.waitFor();
    await expect(result.getAttribute('href')).resolves.toBe(`/c/${made.clip.id}#t=0`);
    await result.click();
    await editor.getByRole('region', { name: 'Transcript' }).getByText('I look after my mum.').waitFor();
    // Opened at the moment the words are said, and playing from there.
    await editor.getByRole('group', { name: 'Player: Mornings' }).getByRole('button', { name: 'Pause' }).waitFor();
  });
});
