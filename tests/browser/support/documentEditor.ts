import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Reading and typing in a document's editor, as the document journeys do. */
export const documentText = (page: Page) => page.getByRole('textbox', { name: 'Document text' });

/** Waits until the document's status line says exactly this. */
export const documentStatus = (page: Page, words: string) =>
  page
    .locator('#editor-status')
    .filter({ hasText: new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .waitFor();

/** The document's paragraphs as text, without the name labels of other people's carets. */
export const documentParagraphs = (page: Page): Promise<string[]> =>
  documentText(page).evaluate((el) =>
    Array.from(el.querySelectorAll('p'), (p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    }),
  );

/**
 * Control+End, pressed until the caret really stands at the end of the document's last text: under
 * load the editor can still be taking focus when the first key arrives, and a lost key would put the
 * next paragraph in the wrong place.
 */
export async function caretToEnd(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      await page.keyboard.press('Control+End');
      return documentText(page).evaluate((editor) => {
        const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        let last: Node | null = null;
        // Other people's carets are widgets inside the editor; their name labels are not document text.
        while (walker.nextNode())
          if (!walker.currentNode.parentElement?.closest('[class*="collaboration-carets"]')) last = walker.currentNode;
        const selection = getSelection();
        return (
          last !== null &&
          selection?.isCollapsed === true &&
          selection.focusNode === last &&
          selection.focusOffset === (last.textContent ?? '').length
        );
      });
    })
    .toBe(true);
}
