import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { journeyServer } from './support/journeyServer';
import { documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication, joinAndOpen } from './support/journeys';
import { picture } from './support/screenshots';

const history = (page: Page) => page.getByRole('region', { name: 'Version history' });
const editions = (page: Page) => page.getByRole('region', { name: 'Published editions' });
const ed = { name: 'Ed Editor', email: 'ed@example.com', password: 'ed has a long password' };

/**
 * Issue 11 §4, the browser part: an editor names a version, publishes an edition of it, follows it until it is
 * public and opens its public page, which reads the edition and offers its files; both pages are axe-clean.
 */
describe('published editions', () => {
  const server = journeyServer();

  it(
    'an editor publishes an edition from a named version that opens on its public page',
    { timeout: 180_000 },
    async () => {
      const ann = (await server.person()).page;
      const { inviteLink, docUrl } = await annStartsPublication(ann, 'editor');
      const page = (await server.person()).page;
      await joinAndOpen(page, inviteLink, ed, docUrl);
      await documentStatus(page, 'Saved');
      await documentText(page).click();
      await page.keyboard.type('Carers want to be heard.');
      await documentStatus(page, 'Saved');

      await history(page).getByLabel('Name for this version').fill('For the launch');
      await history(page).getByRole('button', { name: 'Save this version' }).click();
      await history(page).getByRole('status').filter({ hasText: 'Version “For the launch” saved.' }).waitFor();

      const panel = editions(page);
      await panel.getByText('No edition has been published yet.').waitFor();
      await panel.getByRole('button', { name: 'Publish an edition' }).click();
      await expect.poll(() => panel.getByLabel('Which version?').inputValue()).not.toBe('');
      expect(await panel.getByRole('option').allInnerTexts()).toEqual(['For the launch']);
      // Asking without a title says what is missing, beside the field.
      await panel.getByRole('button', { name: 'Publish this edition' }).click();
      await panel.getByText('Give the edition a title').first().waitFor();
      await panel.getByLabel('Title of the edition').fill('What carers told us: first edition');
      await panel.getByRole('button', { name: 'Publish this edition' }).click();
      await panel.getByRole('status').filter({ hasText: 'Edition 1 is being made.' }).waitFor();
      const item = panel.getByRole('listitem').filter({ hasText: 'Edition 1: What carers told us: first edition' });
      await item.getByText(/^Public since /).waitFor({ timeout: 90_000 });
      await picture(page, 'edition-published');
      expect(await axeFindings(page)).toEqual([]);

      await item.getByRole('link', { name: 'Open the public page of edition 1' }).click();
      await page.waitForURL(/\/publications\/[0-9a-f-]+\/[0-9a-f-]+$/);
      await page.getByRole('heading', { level: 1, name: 'What carers told us: first edition' }).waitFor();
      await page.getByText('Carers want to be heard.').waitFor();
      expect(await page.getByText('Edition 1, published').count()).toBe(1);
      for (const name of [/^PDF/, /^Word \(DOCX\)/, /^E-book \(EPUB\)/, /^Web page \(HTML\)/])
        expect(await page.getByRole('link', { name }).count()).toBe(1);
      await picture(page, 'edition-public-page');
      expect(await axeFindings(page)).toEqual([]);
    },
  );
});
