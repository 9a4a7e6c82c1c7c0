import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { documentStatus } from './documentEditor';

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

/** The admin who starts the workspace in most journeys. */
export const annAdmin = { name: 'Ann Admin', email: 'ann@example.com', password: 'a long enough password' };
/** The admin of the involvement journeys. */
export const adaAdmin = { name: 'Ada Admin', email: 'ada@example.com', password: 'a long enough password' };

/**
 * Someone new signs up and starts a workspace ("Carers’ voices" unless named), so they are its admin; the page is
 * left on the workspace, whose address and id are returned.
 */
export async function adminStartsWorkspace(
  page: Page,
  admin: { name: string; email: string; password: string } = annAdmin,
  workspace = 'Carers’ voices',
): Promise<{ workspaceUrl: string; workspaceId: string }> {
  await signUp(page, admin);
  await startWorkspace(page, workspace);
  return { workspaceUrl: page.url(), workspaceId: new URL(page.url()).pathname.split('/')[2]! };
}

export async function startWorkspace(page: Page, name: string): Promise<void> {
  await page.getByLabel('Workspace name').fill(name);
  await page.getByRole('button', { name: 'Start workspace' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * Creates an invite link for a role from the workspace screen and returns what the "Invite link" field shows; a
 * second link from the same form is waited for until the field shows it instead of the first.
 */
export async function createInviteLink(page: Page, role: string): Promise<string> {
  const field = page.getByLabel('Invite link');
  const previous = (await field.count()) > 0 ? await field.inputValue() : null;
  await page.getByLabel('Their role').selectOption(role);
  await page.getByRole('button', { name: 'Create invite link' }).click();
  await field.waitFor();
  await expect.poll(() => field.inputValue()).not.toBe(previous);
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

/**
 * Ann Admin signs up, starts the workspace "Carers’ voices", makes an invite link for each of `inviteRoles` and
 * starts the publication "What carers told us", which she sees saved. `inviteLink` is the first role's link.
 */
export async function annStartsPublication<Roles extends [string, ...string[]]>(
  ann: Page,
  ...inviteRoles: Roles
): Promise<{ inviteLink: string; inviteLinks: { [R in keyof Roles]: string }; docUrl: string; workspaceUrl: string }> {
  const { workspaceUrl } = await adminStartsWorkspace(ann);
  const inviteLinks: string[] = [];
  for (const role of inviteRoles) inviteLinks.push(await createInviteLink(ann, role));
  await startDocument(ann, 'What carers told us', 'Publication');
  const docUrl = ann.url();
  await documentStatus(ann, 'Saved');
  return {
    inviteLink: inviteLinks[0]!,
    inviteLinks: inviteLinks as { [R in keyof Roles]: string },
    docUrl,
    workspaceUrl,
  };
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
