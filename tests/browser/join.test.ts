import { describe, expect, it } from 'vitest';
import { journeyServer } from './support/journeyServer';
import {
  adminStartsWorkspace,
  annAdmin,
  createInviteLink,
  fillAccount,
  onlineNow,
  signUp,
  startWorkspace,
} from './support/journeys';

/**
 * Journey 1, Join: an admin invites a carer by link; the carer opens it in their own browser,
 * makes an account in the same step and lands in the workspace, where each sees the other online.
 */
describe('joining a workspace by invite link', () => {
  const server = journeyServer();
  const person = async () => (await server.person()).page;

  it('lets a carer join from a copied link and shows both people online', async () => {
    const a = await person();
    await signUp(a, { name: 'Alice Editor', email: 'alice@example.com', password: 'a long enough password' });
    expect(await a.title()).toBe('Your workspaces – Chorus');
    await startWorkspace(a, 'Carers’ voices');
    await a.getByText('Your role: Admin').waitFor();

    // Alice invites a carer and copies the link.
    const fromField = await createInviteLink(a, 'carer');
    await a.getByRole('button', { name: 'Copy link' }).click();
    await a.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await a.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(fromField);
    expect(link.startsWith(`${server.url}/invite/`)).toBe(true);

    // Bob opens it in his own browser, makes an account through the invite and lands in the workspace.
    const b = await person();
    await b.goto(link);
    await b
      .getByRole('heading', { level: 1, name: 'You have been invited to join Carers’ voices as a carer' })
      .waitFor();
    await fillAccount(b, { name: 'Bob Carer', email: 'bob@example.com', password: 'another good password' });
    await b.getByRole('button', { name: 'Create account and join' }).click();
    await b.getByRole('heading', { level: 1, name: 'Carers’ voices' }).waitFor();
    await b.getByText('Your role: Carer').waitFor();
    expect(new URL(b.url()).pathname).toBe(new URL(a.url()).pathname);

    // Both see each other under "Online now".
    await onlineNow(a).getByText('Bob Carer').waitFor();
    await onlineNow(a).getByText('Alice Editor (you)').waitFor();
    await onlineNow(b).getByText('Alice Editor').waitFor();
    await onlineNow(b).getByText('Bob Carer (you)').waitFor();

    // Alice sees Bob in the Members table, as a carer whose role she can change.
    const bobRow = a.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: 'Bob Carer' });
    await bobRow.getByRole('cell', { name: 'bob@example.com' }).waitFor();
    expect(await bobRow.getByLabel('Role for Bob Carer').inputValue()).toBe('carer');

    // Bob, a carer, may not invite anyone, so he is not offered the form.
    expect(await b.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);

    // The link worked once; opened again it says so in plain words.
    await b.goto(link);
    await b.getByRole('heading', { level: 1, name: 'This invite link does not work' }).waitFor();
    await b.getByText('This invite link has already been used.').waitFor();
  });

  it('lets someone with an account sign in from the invite and join as themselves', async () => {
    const a = await person();
    await adminStartsWorkspace(a, annAdmin, 'Practice panel');
    const link = await createInviteLink(a, 'expert');

    const c = await person();
    await signUp(c, { name: 'Chidi Expert', email: 'chidi@example.com', password: 'windows open in spring' });
    await c.getByRole('button', { name: 'Sign out' }).click();
    await c.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await c.goto(link);
    await c.getByRole('link', { name: 'I already have an account' }).click();
    await c.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(c.url()).searchParams.get('next')).toBe(new URL(link).pathname);
    await c.getByLabel('Email address').fill('chidi@example.com');
    await c.getByLabel('Password', { exact: true }).fill('windows open in spring');
    await c.getByRole('button', { name: 'Sign in' }).click();

    await c.getByRole('button', { name: 'Join Practice panel' }).click();
    await c.getByRole('heading', { level: 1, name: 'Practice panel' }).waitFor();
    await c.getByText('Your role: Practice expert or researcher').waitFor();
    await onlineNow(a).getByText('Chidi Expert').waitFor();
  });
});
