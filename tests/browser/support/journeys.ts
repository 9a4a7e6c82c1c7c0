import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Small steps shared by journeys, written the way a person would do them. */
export async function signUp(page: Page, person: { name: string; email: string; password: string }): Promise<void> {
  await page.goto('/signup');
  await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
  await fillAccount(page, person);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
}

export async function fillAccount(
  page: Page,
  person: { name: string; email: string; password: string },
): Promise<void> {
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
}

export async function startWorkspace(page: Page, name: string): Promise<void> {
  await page.getByLabel('Workspace name').fill(name);
  await page.getByRole('button', { name: 'Start workspace' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Creates an invite link for a role from the workspace screen and returns what the "Invite link" field shows. */
export async function createInviteLink(page: Page, role: string): Promise<string> {
  await page.getByLabel('Their role').selectOption(role);
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const field = page.getByLabel('Invite link');
  await field.waitFor();
  return field.inputValue();
}

export const onlineNow = (page: Page) => page.getByRole('region', { name: 'Online now' });

/** Opens an invite link as someone new, makes their account through it and waits to land in the workspace. */
export async function joinByInvite(
  page: Page,
  link: string,
  person: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto(link);
  await fillAccount(page, person);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await page.getByText('Your role:').waitFor();
}

/** From the workspace screen: Documents, then "Start a document"; waits for the new document to open. */
export async function startDocument(page: Page, title: string, kind: 'Publication' | 'Episode script'): Promise<void> {
  await page.getByRole('link', { name: 'Documents', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel(kind).check();
  await page.getByRole('button', { name: 'Start document' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

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

/**
 * Ann Admin signs up, starts the workspace "Carers’ voices", makes an invite link for `inviteRole` and starts
 * the publication "What carers told us", which she sees saved.
 */
export async function annStartsPublication(
  ann: Page,
  inviteRole: string,
): Promise<{ inviteLink: string; docUrl: string; workspaceUrl: string }> {
  await signUp(ann, { name: 'Ann Admin', email: 'ann@example.com', password: 'a long enough password' });
  await startWorkspace(ann, 'Carers’ voices');
  const workspaceUrl = ann.url();
  const inviteLink = await createInviteLink(ann, inviteRole);
  await startDocument(ann, 'What carers told us', 'Publication');
  const docUrl = ann.url();
  await documentStatus(ann, 'Saved');
  return { inviteLink, docUrl, workspaceUrl };
}

/** The people the document journeys invite, as they fill in the invite form. */
export const invitees = {
  eve: { name: 'Eve Expert', email: 'eve@example.com', password: 'eve has a password' },
  cara: { name: 'Cara Carer', email: 'cara@example.com', password: 'cara has a password' },
};

/** Joins through an invite link in this browser, then opens the document the inviter shared. */
export async function joinAndOpen(
  page: Page,
  inviteLink: string,
  person: { name: string; email: string; password: string },
  docUrl: string,
): Promise<void> {
  await joinByInvite(page, inviteLink, person);
  await page.goto(docUrl);
}
