import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Set CHORUS_SCREENSHOTS=some/folder to keep pictures of the screens along the way. */
export async function picture(page: Page, name: string): Promise<void> {
  const dir = process.env.CHORUS_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
