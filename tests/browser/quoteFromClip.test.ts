import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { carersTranscribedClip } from './support/transcribedClip';

const transcript = (page: Page) => page.getByRole('region', { name: 'Transcript' });

/**
 * Issue 10 §4 from the clip page in Chromium: an editor selects words in a clip's transcript by keyboard, chooses
 * "Quote in a document" and a publication; first the speaker has not agreed to quotes and the server's refusal
 * is shown, then (after the carer agrees) the quote lands, and the document page shows the quote block.
 */
describe('quoting a carer’s words from the clip page', { timeout: 240_000 }, () => {
  const { made, open } = carersTranscribedClip({ publication: true });

  it('quotes the selected words into a publication, once the speaker allows it', async () => {
    const { team, clip, documentId } = made;
    const setQuotes = async (allowed: boolean) => {
      const consent = (await team.people.carer.get(`/api/clips/${clip.id}`)).body.consent;
      const res = await team.people.carer.request('PUT', `/api/clips/${clip.id}/consent`, {
        podcast: consent.podcast,
        publicationQuotes: allowed,
        audience: consent.audience,
        wordingVersion: consent.wordingVersion,
      });
      expect(res.status).toBe(200);
    };
    await setQuotes(false);

    const editor = await open(team.people.editor, `/c/${clip.id}`);
    const box = transcript(editor).getByRole('textbox', { name: /^Words from 0:00/ });
    await box.waitFor();
    await editor.getByText('Saved').first().waitFor();
    // Select "after my" by keyboard: past "I look ", then eight characters.
    await box.focus();
    await editor.keyboard.press('Home');
    for (let i = 0; i < 'I look '.length; i++) await editor.keyboard.press('ArrowRight');
    for (let i = 0; i < 'after my'.length; i++) await editor.keyboard.press('Shift+ArrowRight');

    const chooseAndQuote = async () => {
      await transcript(editor).getByRole('button', { name: 'Quote in a document from 0:00' }).click();
      const form = transcript(editor).getByRole('group', { name: 'Quote words from 0:00 in a document' });
      await expect(form.getByLabel(/^From/).inputValue()).resolves.toBe('2');
      await expect(form.getByLabel(/^to/).inputValue()).resolves.toBe('3');
      await form.getByText('after my', { exact: true }).waitFor();
      await form.getByLabel('Document').selectOption({ label: 'What carers told us (publication)' });
      await form.getByRole('button', { name: 'Quote in this document' }).click();
      return form;
    };

    // Not agreed: the server's refusal, in words.
    const form = await chooseAndQuote();
    await form.getByRole('alert').getByText('cannot be quoted', { exact: false }).waitFor();
    expect(await axeFindings(editor)).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await setQuotes(true);
    await box.focus();
    await editor.keyboard.press('Home');
    for (let i = 0; i < 'I look '.length; i++) await editor.keyboard.press('ArrowRight');
    for (let i = 0; i < 'after my'.length; i++) await editor.keyboard.press('Shift+ArrowRight');
    await chooseAndQuote();
    const link = transcript(editor).getByRole('link', { name: 'What carers told us' });
    await link.waitFor();
    expect(await axeFindings(editor)).toEqual([]);

    await link.click();
    const quote = editor.locator('.editor-text figure.clip-quote');
    await quote.getByText('“after my”').waitFor({ timeout: 15_000 });
    expect(await quote.getByText('— Carer 1').count()).toBe(1);
    expect(await quote.getByRole('button', { name: 'Play this quote' }).count()).toBe(1);
    expect((await team.people.editor.get(`/api/documents/${documentId}/quotes`)).body.quotes).toEqual([
      expect.objectContaining({ clipId: clip.id, text: 'after my', state: 'ok', startSeconds: 0.5, endSeconds: 1 }),
    ]);
    expect(await axeFindings(editor)).toEqual([]);
  });
});
