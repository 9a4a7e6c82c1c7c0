import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { carersTranscribedClip } from './support/transcribedClip';

/**
 * A carer strikes "mother." out of their clip's transcript in Chromium, by keyboard, sees it struck through with
 * Undo; an editor opening the clip reads "[words removed]" and never the word; the carer undoes it and the word is
 * back for both. Set-up goes over HTTP.
 */
describe('a carer strikes a word out of their recording and undoes it', { timeout: 240_000 }, () => {
  const { made, open } = carersTranscribedClip();
  const transcript = (page: Page) => page.getByRole('region', { name: 'Transcript' });

  it('strikes the word for everyone else, shows it struck through to the carer, and puts it back on undo', async () => {
    const carer = await open(made.team.people.carer, `/c/${made.clip.id}`);
    const hide = transcript(carer).getByRole('button', { name: 'Hide words from 0:00' });
    await hide.waitFor();
    await hide.focus();
    await carer.keyboard.press('Enter');
    const chooser = carer.getByRole('group', { name: /Strike out words from 0:00/ });
    await chooser.getByRole('combobox', { name: 'From' }).selectOption({ label: 'mother.' });
    await chooser.getByRole('combobox', { name: 'to' }).selectOption({ label: 'mother.' });
    await chooser.getByRole('button', { name: 'Strike out — never heard or read' }).focus();
    await carer.keyboard.press('Enter');
    await carer.getByRole('status').getByText('Struck out. Nobody else will hear or read those words.').waitFor();
    const struck = carer.getByRole('region', { name: 'Words struck out' });
    await struck.locator('del', { hasText: 'mother.' }).waitFor();
    expect(await axeFindings(carer)).toEqual([]);

    const editor = await open(made.team.people.editor, `/c/${made.clip.id}`);
    await transcript(editor).getByText('[words removed]').first().waitFor();
    await expect(
      transcript(editor)
        .getByRole('textbox', { name: /^Words from 0:00/ })
        .inputValue(),
    ).resolves.toBe('I look after my');
    expect(await editor.content()).not.toContain('mother');

    await struck.getByRole('button', { name: /^Undo/ }).focus();
    await carer.keyboard.press('Enter');
    await carer.getByRole('status').getByText('Put back. The words are in the transcript again.').waitFor();
    await expect
      .poll(
        () =>
          transcript(editor)
            .getByRole('textbox', { name: /^Words from 0:00/ })
            .inputValue(),
        { timeout: 15_000 },
      )
      .toBe('I look after my mother.');
  });
});
