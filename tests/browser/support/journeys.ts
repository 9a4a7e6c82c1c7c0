import type { Page } from 'playwright-core';

/** Small steps shared by journeys, written the way a person would do them. */
export async function signUp(page: Page, person: { name: string; email: string; password: string }): Promise<void> {
  await page.goto('/signup');
  await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
  await fillAccount(page, person);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
}

export async function fillAccount(page: Page, person: { name: string; email: string; password: string }): Promise<void> {
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
