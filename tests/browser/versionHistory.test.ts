import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journeyServer } from './support/journeyServer';
import { caretToEnd, documentParagraphs, documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication, invitees, joinAndOpen } from './support/journeys';
import { picture } from './support/screenshots';

const history = (page: Page) => page.getByRole('region', { name: 'Version history' });

/**
 * Journey 6, Write together: name a version, keep writing, look back at the named version without
 * changing anything, and restore it; someone else with the document open sees it go back at once,
 * and the text it replaced is kept as a version of its own.
 */
describe('version history', () => {
  const server = journeyServer();

  it('saves a named version, shows it read-only, and restores it live for everyone', { timeout: 120_000 }, async () => {
    const ann = (await server.person()).page;
    const { inviteLink: expertLink, docUrl } = await annStartsPublication(ann, 'expert');

    const eve = await server.person();
    await joinAndOpen(eve.page, expertLink, invitees.eve, docUrl);
    await documentStatus(eve.page, 'Saved');

    await documentText(ann).click();
    await ann.keyboard.type('The first draft.');
    await documentText(eve.page).getByText('The first draft.').waitFor();
    await documentStatus(ann, 'Saved');

    // A named version keeps the document as it is now.
    await history(ann).getByLabel('Name for this version').fill('First draft');
    await history(ann).getByRole('button', { name: 'Save this version' }).click();
    await history(ann).getByRole('status').filter({ hasText: 'Version “First draft” saved.' }).waitFor();
    const firstDraft = history(ann).getByRole('listitem').filter({ hasText: 'First draft' });
    await firstDraft.getByText(/^Saved by you on \d/).waitFor();

    // Ann writes on; Eve sees it.
    await documentText(ann).click();
    await caretToEnd(ann);
    await ann.keyboard.press('Enter');
    await ann.keyboard.type('A later thought.');
    await documentText(eve.page).getByText('A later thought.').waitFor();
    await documentStatus(ann, 'Saved');

    // The named version, read-only: the words it had, not the later ones.
    await firstDraft.getByRole('button', { name: 'Look at this version: First draft' }).click();
    await history(ann).getByRole('heading', { name: 'Looking at “First draft”' }).waitFor();
    const versionText = history(ann).getByRole('region', { name: 'Text of “First draft”' });
    await versionText.getByText('The first draft.').waitFor();
    expect(await versionText.innerText()).not.toContain('A later thought.');
    expect(await versionText.locator('[contenteditable]').getAttribute('contenteditable')).toBe('false');

    // Restoring asks first and says what will happen.
    await history(ann).getByRole('button', { name: 'Restore this version' }).click();
    const confirm = history(ann).locator('.confirm');
    await confirm.getByText('Restore “First draft”?').waitFor();
    expect(await confirm.innerText()).toContain('Everyone who has it open will see the change straight away.');
    expect(await confirm.innerText()).toContain(
      'Nothing is lost: the text as it is now is saved first, as a version called “Before restoring “First draft””.',
    );
    await picture(ann, 'version-history-restore-question');
    await confirm.getByRole('button', { name: 'Yes, restore this version' }).click();

    // Both see the restored text live, without reloading.
    await expect.poll(() => documentParagraphs(eve.page)).toEqual(['The first draft.']);
    await expect.poll(() => documentParagraphs(ann)).toEqual(['The first draft.']);
    await history(ann)
      .getByRole('status')
      .filter({ hasText: 'The document now reads as “First draft” did.' })
      .waitFor();
    await history(ann).getByRole('listitem').filter({ hasText: 'Before restoring “First draft”' }).waitFor();
    await documentStatus(ann, 'Saved');
    await documentStatus(eve.page, 'Saved');
    await picture(ann, 'version-history-restored');
  });
});
