import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ffmpegImage } from '../support/images';
import { journeyServer } from './support/journeyServer';
import { documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication, invitees, joinAndOpen } from './support/journeys';
import { picture } from './support/screenshots';

const alt = 'Four carers talking around a kitchen table';

/** The image dialog, open. */
const imageDialog = (page: Page) => page.getByRole('dialog', { name: /Add an image|Change the image description/ });

/**
 * Images in the publication (issue 11 §2): an editor adds an image with what it shows, through the "Add an image"
 * dialog; a second person writing in another browser sees it at once, with its description; the description can be
 * changed later, and reaches them too. A file that is not an image, or no description, is explained in the dialog.
 */
describe('an image in a document', () => {
  const server = journeyServer();

  it('is added with its description by an editor and seen live by another writer', async () => {
    const ann = (await server.person()).page;
    const started = await annStartsPublication(ann, 'expert');
    const eve = (await server.person()).page;
    await joinAndOpen(eve, started.inviteLink, invitees.eve, started.docUrl);
    await documentStatus(eve, 'Saved');

    await documentText(ann).click();
    await ann.keyboard.type('Where we met in the spring.');
    await documentText(eve).getByText('Where we met in the spring.').waitFor();

    await ann.getByRole('button', { name: 'Add an image' }).click();
    const dialog = imageDialog(ann);
    await dialog.waitFor();
    // Focus starts inside the dialog, on its first field.
    expect(await ann.evaluate(() => document.activeElement?.id)).toBe('image-file');

    // Nothing chosen and nothing said: both problems are listed, the summary takes focus.
    await dialog.getByRole('button', { name: 'Add image' }).click();
    const summary = dialog.getByRole('alert');
    await summary.getByRole('link', { name: 'Choose an image to add.' }).waitFor();
    await summary.getByRole('link', { name: 'Describe the image, or tick “This image is only decoration”.' }).waitFor();
    expect(await ann.evaluate(() => document.activeElement?.className)).toBe('error-summary');

    // A text file named like a picture is refused by what it holds, and the dialog says so by the file box.
    await dialog.getByLabel('Image', { exact: true }).setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('Minutes of the carers’ meeting.\n'.repeat(10)),
    });
    await dialog.getByLabel('Describe the image').fill(alt);
    await dialog.getByRole('button', { name: 'Add image' }).click();
    await dialog
      .locator('.field--error')
      .getByText('This file is not an image we can use. Choose a PNG, JPEG or WebP image.')
      .waitFor();
    expect(await documentText(ann).getByRole('img').count()).toBe(0);

    await dialog.getByLabel('Image', { exact: true }).setInputFiles({
      name: 'kitchen.png',
      mimeType: 'image/png',
      buffer: ffmpegImage('320x180', 'png', 'orange'),
    });
    await dialog.getByRole('button', { name: 'Add image' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Ann sees it where her caret was, with its description; Eve sees it live, loaded from Chorus.
    const mine = documentText(ann).getByRole('img', { name: alt });
    await mine.waitFor();
    const theirs = documentText(eve).getByRole('img', { name: alt });
    await theirs.waitFor();
    await expect.poll(() => theirs.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await documentStatus(ann, 'Saved');
    await picture(eve, 'document-image-eve');

    // Later, Ann changes what it says: she selects the image and changes its description.
    await mine.click();
    await ann.getByRole('button', { name: 'Change image description' }).click();
    const change = imageDialog(ann);
    await change.getByRole('heading', { name: 'Change the image description' }).waitFor();
    expect(await change.getByLabel('Describe the image').inputValue()).toBe(alt);
    await change.getByLabel('Describe the image').fill('Four carers and a teapot around a kitchen table');
    await change.getByRole('button', { name: 'Save description' }).click();
    await documentText(eve).getByRole('img', { name: 'Four carers and a teapot around a kitchen table' }).waitFor();
    expect(await documentText(eve).getByRole('img').count()).toBe(1);
  });
});
