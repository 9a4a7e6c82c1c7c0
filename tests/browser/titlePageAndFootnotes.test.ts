import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { journeyServer } from './support/journeyServer';
import { documentStatus, documentText } from './support/documentEditor';
import { annStartsPublication } from './support/journeys';
import { picture } from './support/screenshots';

const run = promisify(execFile);

describe('a publication’s title page and footnotes', () => {
  const server = journeyServer();

  it('an editor links the words they selected, and Escape puts the link dialog away', async () => {
    const ann = (await server.person()).page;
    await annStartsPublication(ann, 'expert');
    await documentText(ann).click();
    await ann.keyboard.type('Age UK');
    await ann.keyboard.press('Shift+Home');
    await ann.getByRole('button', { name: 'Link' }).click();
    const dialog = ann.getByRole('dialog', { name: 'Add a link' });
    await dialog.getByRole('textbox', { name: 'Web address' }).fill('www.ageuk.org.uk');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await documentText(ann).getByRole('link', { name: 'Age UK' }).getAttribute('href')).toBe(
      'https://www.ageuk.org.uk/',
    );
    await expect.poll(() => ann.evaluate(() => document.activeElement?.id)).toBe('document-text');

    await ann.getByRole('button', { name: 'Link' }).click();
    await ann.getByRole('dialog', { name: 'Change the link' }).waitFor();
    await ann.keyboard.press('Escape');
    await ann.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => ann.evaluate(() => document.activeElement?.id)).toBe('document-text');
  });

  it('an editor fills in the title page, adds a footnote, and the exported PDF has both', async () => {
    const ann = (await server.person()).page;
    await annStartsPublication(ann, 'expert');
    await documentText(ann).click();
    await ann.keyboard.type('Carers want time off.');

    // A footnote from the toolbar: a dialog asks for its words, and the text shows its number.
    await ann.getByRole('button', { name: 'Add a footnote' }).click();
    const dialog = ann.getByRole('dialog', { name: 'Add a footnote' });
    await dialog.getByRole('button', { name: 'Add footnote' }).click();
    await dialog.getByText('Enter the words of the footnote.').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Footnote text' }).fill('Time off means a week or more.');
    await dialog.getByRole('button', { name: 'Add footnote' }).click();
    const mark = ann.getByRole('button', { name: 'Footnote: Time off means a week or more.' });
    await mark.waitFor();
    // Its number is drawn by a CSS counter, so the numbers stay in order as notes come and go.
    expect(await mark.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('counter(footnote)');
    expect((await mark.boundingBox())!.width).toBeGreaterThanOrEqual(24);
    await expect.poll(() => ann.evaluate(() => document.activeElement?.id)).toBe('document-text');
    await documentStatus(ann, 'Saved');

    // Control+Alt+F (Word's shortcut) opens the same dialog from the text; Escape puts it away.
    await ann.keyboard.press('Control+Alt+f');
    await ann.getByRole('dialog', { name: 'Add a footnote' }).waitFor();
    await ann.keyboard.press('Escape');
    await ann.getByRole('dialog').waitFor({ state: 'detached' });

    // Footnotes are added while editing, not suggesting (a suggested footnote could not be told from accepted text).
    await ann.getByRole('radio', { name: 'Suggesting' }).check();
    await ann.getByRole('button', { name: 'Add a footnote' }).waitFor({ state: 'detached' });
    await ann.getByRole('radio', { name: 'Editing' }).check();
    await ann.getByRole('button', { name: 'Add a footnote' }).waitFor();

    // The title page: a wrong ISBN is named next to its field, then the page is saved.
    const panel = ann.getByRole('region', { name: 'Title page' });
    await panel.getByRole('textbox', { name: 'Subtitle (optional)' }).fill('Carers in their own words');
    await panel.getByRole('textbox', { name: 'Authors (optional)' }).fill('Ann Admin\nBea Carer');
    await panel.getByRole('textbox', { name: 'Organisation (optional)' }).fill('Chorus Lab');
    await panel.getByLabel('Date (optional)').fill('2027-03-01');
    await panel.getByRole('combobox', { name: 'Licence' }).selectOption('cc-by-nc-4.0');
    await panel.getByRole('textbox', { name: 'ISBN (optional)' }).fill('978-1-4028-9462-7');
    await panel.getByRole('textbox', { name: 'Funder statement (optional)' }).fill('Funded by the Carers Trust.');
    await panel.getByRole('button', { name: 'Save title page' }).click();
    await panel.getByText('Check the last digit').first().waitFor();
    await picture(ann, 'title-page-error');
    await panel.getByRole('textbox', { name: 'ISBN (optional)' }).fill('978-1-4028-9462-6');
    await panel.getByRole('button', { name: 'Save title page' }).click();
    await panel.getByRole('status').filter({ hasText: 'Title page saved.' }).waitFor();

    // The PDF: the cover from the title page, the contents, the note, and About this publication.
    const exportPanel = ann.getByRole('region', { name: 'Export' });
    await exportPanel.getByRole('radio', { name: 'PDF' }).check();
    await exportPanel.getByRole('button', { name: 'Export' }).click();
    const link = exportPanel.getByRole('link', { name: 'Download “What carers told us.pdf”' });
    const [download] = await Promise.all([ann.waitForEvent('download'), link.click()]);
    const pdf = (await download.path())!;
    const text = (await run('pdftotext', [pdf, '-'])).stdout;
    expect(text).toContain(
      'What carers told us\nCarers in their own words\nBy Ann Admin and Bea Carer\nChorus Lab\n1 March 2027',
    );
    expect(text).toMatch(/Contents[\s\S]*About this publication/);
    expect(text).toContain('Carers want time off.1');
    expect(text).toContain('Time off means a week or more.');
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('ISBN: 9781402894626');
    expect(words).toContain('Creative Commons Attribution-NonCommercial 4.0');
    expect(words).toContain('Funded by the Carers Trust.');
    expect((await run('pdfinfo', [pdf])).stdout).toMatch(/^Tagged:\s+yes$/m);
  });
});
