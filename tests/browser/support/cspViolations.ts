import type { Page } from 'playwright-core';

export interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Every `securitypolicyviolation` in any page of this browser, reported back to the test. Listened for from a
 * script that runs before the page's own, so nothing the page does at start-up is missed; events from shadow
 * roots (wavesurfer's) reach the document too.
 */
export async function collectViolations(page: Page): Promise<Violation[]> {
  const found: Violation[] = [];
  await page.exposeFunction('chorusCspViolation', (v: Omit<Violation, 'page'>) =>
    found.push({ page: new URL(page.url()).pathname, ...v }),
  );
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        (window as unknown as { chorusCspViolation(v: unknown): void }).chorusCspViolation({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          sample: e.sample,
        }),
      true,
    );
  });
  return found;
}
