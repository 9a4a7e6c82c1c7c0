import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentStatus } from './support/documentEditor';
import { carersTranscribedClip } from './support/transcribedClip';

/**
 * Issue 10 §4 in Chromium: an editor quotes three words of a carer's recording into the publication from the
 * document page, an expert with the document open sees the quote (with its play button) arrive live, and when the
 * carer withdraws the recording both see the quote replaced by the removed notice, without a reload. Set-up and
 * the withdrawal go over HTTP.
 */
describe('a carer’s words quoted into the publication', { timeout: 240_000 }, () => {
  const { made, open } = carersTranscribedClip({ quotable: true, publication: true });

  it('puts a quote where the editor was writing, between their paragraphs, for everyone', async () => {
    const { team } = made;
    const doc = await team.people.editor.post(`/api/workspaces/${team.ws.id}/documents`, {
      title: 'Notes from the group',
      kind: 'publication',
    });
    expect(doc.status).toBe(201);
    const editor = await open(team.people.editor, `/d/${doc.body.id}`);
    const expert = await open(team.people.expert, `/d/${doc.body.id}`);
    const text = (page: Page) => page.locator('.editor-text');
    await text(editor).click();
    await editor.keyboard.type('The group met in March.');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('We agreed to meet again.');
    // Back to the end of the first paragraph, as a writer would before quoting someone there.
    await text(editor).getByText('The group met in March.').click();
    await editor.keyboard.press('End');
    await documentStatus(editor, 'Saved');

    const panel = editor.getByRole('region', { name: 'Quote a recording' });
    await panel.getByLabel('Which recording?').selectOption({ label: 'Mornings' });
    await panel.getByLabel('From the word').selectOption({ label: '0:00.5 after' });
    await panel.getByLabel('To the word').selectOption({ label: '0:01.0 mother.' });
    await panel.getByRole('button', { name: 'Add the quote' }).click();
    await panel.getByText('The quote was put in where you were writing.').waitFor();

    const blocks = (page: Page) =>
      text(page)
        .locator(':scope > *')
        .evaluateAll((nodes) => nodes.map((n) => `${n.tagName.toLowerCase()}: ${n.textContent?.trim() ?? ''}`));
    for (const page of [editor, expert])
      await expect
        .poll(() => blocks(page), { timeout: 15_000 })
        .toEqual([
          'p: The group met in March.',
          expect.stringMatching(/^div: “after my mother\.”/),
          'p: We agreed to meet again.',
        ]);
  });

  it('inserts the quote for everyone, then replaces it with the removed notice after withdrawal', async () => {
    const { team, documentId } = made;
    const clipId = made.clip.id;
    const editor = await open(team.people.editor, `/d/${documentId}`);
    const expert = await open(team.people.expert, `/d/${documentId}`);
    const text = (page: Page) => page.locator('.editor-text');
    await text(expert).waitFor();

    const panel = editor.getByRole('region', { name: 'Quote a recording' });
    await panel.getByLabel('Which recording?').selectOption({ label: 'Mornings' });
    await panel.getByLabel('From the word').selectOption({ label: '0:00.5 after' });
    await panel.getByLabel('To the word').selectOption({ label: '0:01.0 mother.' });
    await panel.getByRole('button', { name: 'Add the quote' }).click();
    await panel.getByText('The quote was added at the end of the document.').waitFor();

    for (const page of [editor, expert]) {
      const quote = text(page).locator('figure.clip-quote');
      await quote.getByText('“after my mother.”').waitFor({ timeout: 15_000 });
      expect(await quote.getByText('— Carer 1').count()).toBe(1);
      expect(await quote.getByRole('button', { name: 'Play this quote' }).count()).toBe(1);
    }
    // The expert plays it: the words' stretch of the recording sounds, then stops at their end by itself.
    const expertsQuote = text(expert).locator('figure.clip-quote');
    await expertsQuote.getByRole('button', { name: 'Play this quote' }).click();
    await expertsQuote.getByRole('button', { name: 'Stop the quote' }).waitFor();
    await expertsQuote.getByRole('button', { name: 'Play this quote' }).waitFor({ timeout: 10_000 });

    expect((await team.people.carer.post(`/api/clips/${clipId}/withdraw`)).status).toBe(200);
    for (const page of [editor, expert]) {
      await text(page)
        .getByText('A quote was removed because its speaker changed their mind.')
        .waitFor({ timeout: 15_000 });
      expect(await text(page).getByText('after my mother').count()).toBe(0);
    }
    // The editor is told in words, beside the form.
    await editor
      .getByRole('region', { name: 'Quote a recording' })
      .getByText('One quote was taken out of “What carers told us”.', { exact: false })
      .waitFor();
  });
});
