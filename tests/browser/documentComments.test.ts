import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journeyServer } from './support/journeyServer';
import { documentParagraphs, documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication, invitees, joinAndOpen } from './support/journeys';

const comments = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

/** Selects these words in the document's text (they may run across marked and unmarked parts), as dragging the mouse over them would. */
async function selectWords(page: Page, words: string): Promise<void> {
  await documentText(page).getByText(words.trim(), { exact: false }).first().waitFor();
  await documentText(page).evaluate((root, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the document`);
    const place = (offset: number): [Text, number] => {
      for (const node of nodes) {
        if (offset <= node.data.length) return [node, offset];
        offset -= node.data.length;
      }
      throw new Error('past the end');
    };
    const range = document.createRange();
    range.setStart(...place(at));
    range.setEnd(...place(at + wanted.length));
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, words);
  // The editor reads the page's selection on its own schedule: wait until it holds these words too, or a key
  // pressed next acts on the selection it had before (a caret from the click: Backspace then left a space).
  await expect
    .poll(() =>
      documentText(page).evaluate((el) => {
        const editor = (
          el as HTMLElement & {
            editor?: {
              state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } };
            };
          }
        ).editor;
        const s = editor?.state.selection;
        return s && editor.state.doc.textBetween(s.from, s.to);
      }),
    )
    .toBe(words);
}

/**
 * Journey 6, Write together, commenting on passages: a carer who may only comment selects words in
 * the publication and comments on them, mentioning the admin; the admin sees the thread appear and
 * the words highlighted at once, and replies; the carer sees the reply.
 */
describe('commenting on a passage', () => {
  const server = journeyServer();

  it('a comment made in one browser appears in the other, highlighted in the text, and so does the reply', async () => {
    const ann = (await server.person()).page;
    const { inviteLink: carerLink, docUrl } = await annStartsPublication(ann, 'carer');
    await documentText(ann).click();
    await ann.keyboard.type('Our group met every Tuesday in the library.');
    await documentStatus(ann, 'Saved');
    await comments(ann).getByText('No comments yet.').waitFor();

    const cara = (await server.person()).page;
    await joinAndOpen(cara, carerLink, invitees.cara, docUrl);
    await documentText(cara).getByText('Our group met every Tuesday in the library.').waitFor();
    // Cara may not edit: what she types would be a suggestion.
    await cara.getByText('Suggesting.').waitFor();

    // Cara may not edit, but she can comment on the words she selects, and mention Ann.
    await selectWords(cara, 'every Tuesday');
    await comments(cara).getByRole('button', { name: 'Comment on the selected words' }).click();
    await comments(cara).getByText('Your comment on “every Tuesday”').waitFor();
    const box = comments(cara).getByRole('combobox', { name: 'Your comment' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('It was Wednesdays at first. @An');
    await comments(cara).getByRole('option', { name: 'Ann Admin' }).waitFor();
    await box.press('Enter');
    await box.pressSequentially('do you agree?');
    expect(await box.inputValue()).toBe('It was Wednesdays at first. @Ann Admin do you agree?');
    await comments(cara).getByRole('button', { name: 'Add comment' }).click();
    await comments(cara).getByRole('status').getByText('Your comment on “every Tuesday” was added.').waitFor();
    await documentText(cara).locator('.comment-mark', { hasText: 'every Tuesday' }).waitFor();

    // Ann sees it at once: the thread in the panel, the words highlighted in her text, and that she was mentioned.
    const annThread = comments(ann).getByRole('listitem').filter({ hasText: 'It was Wednesdays at first.' });
    await annThread.waitFor();
    await annThread.getByRole('button', { name: 'Show in the text: “every Tuesday”' }).waitFor();
    await annThread.getByText('Cara Carer', { exact: true }).waitFor();
    await annThread.locator('.mention', { hasText: '@Ann Admin' }).waitFor();
    const mark = documentText(ann).locator('.comment-mark');
    await mark.waitFor();
    expect(await mark.allTextContents()).toEqual(['every Tuesday']);
    await comments(ann).getByRole('note').getByText('mentioned you in “What carers told us”').waitFor();
    await comments(ann)
      .getByRole('status')
      .getByText('Cara Carer mentioned you in a comment: It was Wednesdays at first. @Ann Admin do you agree?')
      .waitFor();
    await comments(ann).getByRole('button', { name: 'Dismiss the mention' }).click();
    expect(await comments(ann).getByRole('note').count()).toBe(0);

    // "Show in the text" selects the passage.
    await annThread.getByRole('button', { name: 'Show in the text: “every Tuesday”' }).click();
    await expect.poll(() => ann.evaluate(() => getSelection()?.toString())).toBe('every Tuesday');

    // Ann replies; Cara sees the reply.
    await annThread.getByRole('button', { name: 'Reply to comment 1' }).click();
    const reply = annThread.getByRole('combobox', { name: 'Your reply' });
    await reply.fill('Thank you, I will change it.');
    await annThread.getByRole('button', { name: 'Send reply' }).click();
    await annThread
      .getByRole('list', { name: 'Replies to comment 1' })
      .getByText('Thank you, I will change it.')
      .waitFor();

    const caraThread = comments(cara).getByRole('listitem').filter({ hasText: 'It was Wednesdays at first.' });
    await caraThread
      .getByRole('list', { name: 'Replies to comment 1' })
      .getByText('Thank you, I will change it.')
      .waitFor();
    await caraThread.getByText('Ann Admin', { exact: true }).waitFor();
    await comments(cara).getByRole('status').getByText('Ann Admin replied about “every Tuesday”.').waitFor();

    // Ann resolves it: it moves to "Resolved" for Cara too, and its words are no longer highlighted.
    await annThread.getByRole('button', { name: 'Mark as resolved comment 1' }).click();
    await expect.poll(() => ann.evaluate(() => document.activeElement?.textContent)).toBe('Reopen comment 1');
    await comments(cara)
      .getByRole('region', { name: /^Resolved/ })
      .getByText('It was Wednesdays at first.')
      .waitFor();
    await expect
      .poll(() =>
        documentText(cara)
          .locator('.comment-mark')
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      )
      .toBe('rgba(0, 0, 0, 0)');

    // Ann deletes the words: the thread is kept for both, under "Words deleted", with what it was about.
    await documentText(ann).click();
    await selectWords(ann, 'every Tuesday ');
    await expect.poll(() => ann.evaluate(() => getSelection()?.toString())).toBe('every Tuesday ');
    await ann.keyboard.press('Backspace');
    // (Ann's caret, with her name, now stands where the words were: compare paragraphs without carets.)
    await expect.poll(() => documentParagraphs(cara)).toEqual(['Our group met in the library.']);
    const gone = comments(cara).getByRole('region', { name: /^Words deleted/ });
    await gone.getByText('These words have been deleted from the document. The comments are kept.').waitFor();
    await gone.getByText('“every Tuesday”').waitFor();
    await comments(ann)
      .getByRole('region', { name: /^Words deleted/ })
      .getByText('Thank you, I will change it.')
      .waitFor();
  }, 180_000); // two browsers in one journey: slow on a busy machine

  it('words chosen before the comments panel has loaded can be commented on', async () => {
    const ann = (await server.person()).page;
    const { docUrl } = await annStartsPublication(ann, 'carer');
    await documentText(ann).click();
    await ann.keyboard.type('We met on Fridays.');
    await documentStatus(ann, 'Saved');

    // The panel is loaded after the text: hold it back until the words are chosen, as a slow connection would.
    let letThrough!: () => void;
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    await ann.route(/\/assets\/ThreadsPanel-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await ann.goto(docUrl);
    await selectWords(ann, 'on Fridays');
    letThrough();
    await comments(ann).getByRole('button', { name: 'Comment on the selected words' }).click();
    await comments(ann).getByText('Your comment on “on Fridays”').waitFor();
  });
});
