import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { journeyServer } from './support/journeyServer';
import { caretToEnd, documentParagraphs, documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication, invitees, joinAndOpen } from './support/journeys';

const comments = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

/**
 * Journey 6, Write together, suggesting: a carer who may not edit the publication types a change, which
 * becomes a suggestion; an expert sees it appear in the text and in the list beside it, live, and accepts it;
 * the carer sees it become part of the text.
 */
describe('suggesting changes', () => {
  const server = journeyServer();

  it('a carer’s suggestion shows live to an expert, who accepts it', async () => {
    const ann = (await server.person()).page;
    const {
      inviteLinks: [carerLink, expertLink],
      docUrl,
    } = await annStartsPublication(ann, 'carer', 'expert');
    await documentText(ann).click();
    await ann.keyboard.type('We met every Tuesday.');
    await documentStatus(ann, 'Saved');

    const eve = (await server.person()).page;
    await joinAndOpen(eve, expertLink, invitees.eve, docUrl);
    await documentText(eve).getByText('We met every Tuesday.').waitFor();

    const cara = (await server.person()).page;
    await joinAndOpen(cara, carerLink, invitees.cara, docUrl);
    await documentText(cara).getByText('We met every Tuesday.').waitFor();
    await cara.getByText('Suggesting.').waitFor();
    expect(await documentText(cara).getAttribute('aria-readonly')).toBe('false');

    // Cara types at the end: her words become a suggested addition, saved like any change.
    await documentText(cara).click();
    await caretToEnd(cara);
    await cara.keyboard.type(' Tea after.');
    await documentText(cara).locator('ins', { hasText: 'Tea after.' }).waitFor();
    // Saved: the server took it as a suggestion (a refused change would say so here instead).
    await documentStatus(cara, 'Saved');

    // Eve sees it live, in the text and in the list, and is told.
    await documentText(eve).locator('ins', { hasText: 'Tea after.' }).waitFor();
    const item = comments(eve).getByRole('listitem').filter({ hasText: 'Cara Carer suggests: add “Tea after.”' });
    await item.waitFor();
    await comments(eve).getByRole('status').filter({ hasText: 'Cara Carer suggests: add “Tea after.”' }).waitFor();
    // Who suggested it, and when, is the words' tooltip.
    await documentText(eve).locator('[title^="Suggested by Cara Carer, "]', { hasText: 'Tea after.' }).waitFor();
    expect(await axeFindings(eve)).toEqual([]);

    // Eve accepts it from the keyboard: it becomes ordinary text for everyone.
    await item.getByRole('button', { name: 'Accept the suggestion to add “Tea after.”' }).focus();
    await eve.keyboard.press('Enter');
    await comments(eve).getByText('No suggestions waiting.').waitFor();
    await expect.poll(() => documentText(cara).locator('ins').count()).toBe(0);
    await expect.poll(() => documentParagraphs(cara)).toEqual(['We met every Tuesday. Tea after.']);
    await documentStatus(eve, 'Saved');

    // Taking out everything at once is whole paragraphs, which a suggestion cannot mark: Cara is told why, and
    // nothing changes, for her or anyone.
    await documentText(cara).click();
    await cara.keyboard.press('Control+A');
    await cara.keyboard.press('Backspace');
    await cara.getByRole('status').filter({ hasText: 'That cannot be taken out as a suggestion' }).waitFor();
    expect(await documentParagraphs(cara)).toEqual(['We met every Tuesday. Tea after.']);
    expect(await documentText(cara).locator('del').count()).toBe(0);
    await cara.keyboard.press('ArrowLeft');
    await cara.keyboard.type('Still here. ');
    await cara.getByRole('status').filter({ hasText: 'That cannot be taken out' }).waitFor({ state: 'detached' });
  });
});
