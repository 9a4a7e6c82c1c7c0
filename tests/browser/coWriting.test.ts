import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Person } from './support/browser';
import { journeyServer } from './support/journeyServer';
import { caretToEnd, documentParagraphs, documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication, createInviteLink, invitees, joinAndOpen } from './support/journeys';
import { picture } from './support/screenshots';

const offline = 'Offline — your changes are kept on this device and will be sent when you reconnect';

/**
 * Journey 6, Write together: an admin and an expert type into the same document from their own
 * browsers, and each sees the other's words and caret; a carer may only read until the admin lets
 * carers edit; words written offline survive a closed tab and arrive when the connection is back.
 */
describe('writing a document together', () => {
  const server = journeyServer();
  let ann: Page;
  let eve: Person;
  let docUrl: string;
  let workspaceUrl: string;

  it('shows each person the other’s words and caret, and says "Saved"', async () => {
    ann = (await server.person()).page;
    const started = await annStartsPublication(ann, 'expert');
    ({ docUrl, workspaceUrl } = started);

    eve = await server.person();
    await joinAndOpen(eve.page, started.inviteLink, invitees.eve, docUrl);
    await documentStatus(eve.page, 'Saved');

    await documentText(ann).click();
    await ann.keyboard.type('Ann writes the opening line.');
    await documentText(eve.page).getByText('Ann writes the opening line.').waitFor();

    await documentText(eve.page).click();
    await caretToEnd(eve.page);
    await eve.page.keyboard.press('Enter');
    await eve.page.keyboard.type('Eve adds a second thought.');
    await documentText(ann).getByText('Eve adds a second thought.').waitFor();

    // Each sees the other's caret with their name, and both names under "Who is here".
    await ann.locator('.collaboration-carets__label', { hasText: 'Eve Expert' }).waitFor();
    await eve.page.locator('.collaboration-carets__label', { hasText: 'Ann Admin' }).waitFor();
    await ann.getByRole('region', { name: 'Who is here' }).getByText('Eve Expert').waitFor();
    await eve.page.getByRole('region', { name: 'Who is here' }).getByText('Ann Admin').waitFor();

    await documentStatus(ann, 'Saved');
    await documentStatus(eve.page, 'Saved');
    expect(await documentParagraphs(ann)).toEqual(['Ann writes the opening line.', 'Eve adds a second thought.']);
    expect(await documentParagraphs(eve.page)).toEqual(await documentParagraphs(ann));
    await picture(ann, 'co-writing-ann');
    await picture(eve.page, 'co-writing-eve');
  });

  it('lets a carer suggest but not edit, until the admin lets carers edit', async () => {
    await ann.goto(workspaceUrl);
    const carerLink = await createInviteLink(ann, 'carer');
    await ann.goto(docUrl);
    await documentStatus(ann, 'Saved');

    const cara = (await server.person()).page;
    await joinAndOpen(cara, carerLink, invitees.cara, docUrl);
    await documentText(cara).getByText('Eve adds a second thought.').waitFor();
    // Where carers may not edit, what Cara types is a suggestion: she is told so, and has no switch to edit.
    await cara.getByText('Suggesting.').waitFor();
    expect(await cara.getByRole('radio', { name: 'Editing' }).count()).toBe(0);
    expect(await cara.getByRole('switch', { name: 'Carers can edit' }).count()).toBe(0);

    await documentText(cara).click();
    await caretToEnd(cara);
    await cara.keyboard.type(' Cara suggests this.');
    await documentText(ann).locator('ins', { hasText: 'Cara suggests this.' }).waitFor();
    await documentStatus(cara, 'Saved');
    expect(await documentText(cara).locator('p').count()).toBe(await documentText(ann).locator('p').count());
    // Without a mouse she can still choose words (to comment on them): the text takes a caret and a keyboard selection.
    await cara.keyboard.press('Control+Home');
    await cara.keyboard.press('Shift+End');
    expect(await cara.evaluate(() => window.getSelection()?.toString() ?? '')).not.toBe('');
    await picture(cara, 'co-writing-carer-suggesting');

    // Ann lets carers edit: Cara's editor switches to editing while she has it open.
    await ann.getByRole('switch', { name: 'Carers can edit' }).click();
    await ann.getByRole('status').filter({ hasText: 'Carers can now edit this document' }).waitFor();
    expect(await ann.getByRole('switch', { name: 'Carers can edit' }).getAttribute('aria-checked')).toBe('true');
    await cara.getByRole('radio', { name: 'Editing' }).waitFor();
    await documentStatus(cara, 'Saved');
    await documentText(cara).click();
    await cara.keyboard.press('Control+End');
    await cara.keyboard.press('Enter');
    await cara.keyboard.type('Cara adds her own words.');
    await documentText(ann).getByText('Cara adds her own words.').waitFor();
    expect(await documentText(ann).locator('ins', { hasText: 'Cara adds her own words.' }).count()).toBe(0);
    await documentStatus(cara, 'Saved');
  });

  it('keeps words written offline through a closed tab and sends them on reconnecting', async () => {
    await documentStatus(eve.page, 'Saved');
    await eve.context.setOffline(true);
    await documentStatus(eve.page, offline);
    await documentText(eve.page).click();
    await caretToEnd(eve.page);
    await eve.page.keyboard.press('Enter');
    await eve.page.keyboard.type('Written on the train.');
    await picture(eve.page, 'co-writing-offline');
    await eve.page.waitForTimeout(300);
    expect(await documentText(ann).innerText()).not.toContain('Written on the train.');

    // Eve closes the tab while still offline, then opens the document again once back online.
    await eve.page.close();
    await eve.context.setOffline(false);
    const again = await eve.context.newPage();
    await again.goto(docUrl);
    await documentText(again).getByText('Written on the train.').waitFor();
    await documentText(ann).getByText('Written on the train.').waitFor();
    await documentStatus(again, 'Saved');
  });
});
