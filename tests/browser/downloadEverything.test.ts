import { readFile } from 'node:fs/promises';
import * as tar from 'tar-stream';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { journeyServer } from './support/journeyServer';
import { adminStartsWorkspace, createInviteLink, joinByInvite } from './support/journeys';

/** Names of the entries of a tar archive. */
async function entryNames(bytes: Buffer): Promise<string[]> {
  const names: string[] = [];
  const extract = tar.extract();
  Readable.from([bytes]).pipe(extract);
  for await (const entry of extract) {
    names.push(entry.header.name);
    entry.resume();
  }
  return names;
}

/** An admin keeps a copy of everything in the workspace from its page; an editor is not offered it. */
describe('downloading everything in a workspace', () => {
  const server = journeyServer();

  it('gives the admin one file from the workspace page, and offers it to no one else', async () => {
    const admin = (await server.person()).page;
    await adminStartsWorkspace(admin);
    const link = await createInviteLink(admin, 'editor');

    const section = admin.getByRole('region', { name: 'Download everything in this workspace' });
    await section.getByText('People’s passwords are not in it.').waitFor();
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      section.getByRole('link', { name: 'Download everything' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Carers’ voices \d{4}-\d\d-\d\d\.tar$/);
    const names = await entryNames(await readFile((await download.path())!));
    expect(names).toContain('tables/workspaces/000001.ndjson');
    expect(names.at(-1)).toBe('manifest.json');

    const editor = (await server.person()).page;
    await joinByInvite(editor, link, { name: 'Ed Editor', email: 'ed@example.com', password: 'another good password' });
    await editor.getByText('Your role: Editor').waitFor();
    expect(await editor.getByRole('heading', { name: 'Download everything in this workspace' }).count()).toBe(0);
  });
});
