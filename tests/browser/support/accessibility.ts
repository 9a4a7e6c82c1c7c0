import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG levels the sweep holds every page to; axe's `target-size` rule (2.5.8, 24 × 24 px) runs under wcag22aa. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One thing wrong on one page: which check, which rule, and where. */
export interface Finding {
  check: 'axe' | 'reflow' | 'reflow with text spacing' | 'focus';
  rule: string;
  detail: string;
}

/**
 * Puts axe on the page once. Evaluated through the DevTools protocol, so a Content-Security-Policy that
 * forbids inline scripts does not stop it (a <script> tag would be).
 */
async function withAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(`${axe.source}\n;window.axe = axe;`);
}

/** Every axe violation of the WCAG A and AA rules on the page as it is now; throws if target-size did not run. */
export async function axeFindings(page: Page): Promise<Finding[]> {
  await withAxe(page);
  const result = await page.evaluate(async (tags) => {
    const run = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    const ran = [...run.passes, ...run.violations, ...run.incomplete, ...run.inapplicable].map((r) => r.id);
    const violations = run.violations.map((v) => ({
      rule: v.id,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
    }));
    return { ran, violations };
  }, wcagTags);
  if (!result.ran.includes('target-size')) throw new Error('axe did not run target-size: the 24 px check is missing');
  return result.violations.flatMap((v) => v.nodes.map((detail) => ({ check: 'axe' as const, rule: v.rule, detail })));
}

/**
 * WCAG 1.4.12's test stylesheet: line height 1.5, letter spacing 0.12 em, word spacing 0.16 em and 2 em after
 * paragraphs. Adopted through the CSS object model, which a Content-Security-Policy on styles does not block.
 */
const textSpacing = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

export async function setTextSpacing(page: Page, on: boolean): Promise<void> {
  const applied = await page.evaluate(
    ([css, on]) => {
      const marked = document as Document & { textSpacingSheet?: CSSStyleSheet };
      if (on && !marked.textSpacingSheet) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        marked.textSpacingSheet = sheet;
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      if (!on && marked.textSpacingSheet) {
        const sheet = marked.textSpacingSheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        delete marked.textSpacingSheet;
      }
      return getComputedStyle(document.body).letterSpacing !== 'normal';
    },
    [textSpacing, on] as const,
  );
  if (applied !== on) throw new Error(`text spacing should be ${on ? 'on' : 'off'} but is not`);
}

/**
 * WCAG 1.4.10: at 320 CSS pixels wide nothing may need scrolling sideways. Names the widest things that stick
 * out, so a failure says where to look.
 */
export async function reflowFinding(page: Page, check: Finding['check']): Promise<Finding[]> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const width = root.clientWidth;
    const describe = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id
        ? `#${el.id}`
        : typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : '');
    const all = Array.from(document.body.querySelectorAll<HTMLElement>('*')).filter(
      (el) => !el.closest('.visually-hidden, .skip-link, .skip'),
    );
    // Boxes that stick out past the window, outermost first (their children stick out with them)…
    const boxes = all.filter((el) => el.getBoundingClientRect().right > width + 0.5);
    const outermost = boxes.filter((el) => !boxes.some((o) => o !== el && o.contains(el)));
    // …and boxes whose own content (a long word, say) spills out of them, innermost first.
    const spills = all.filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible',
    );
    const innermost = spills.filter((el) => !spills.some((o) => o !== el && el.contains(o)));
    const wide = [
      ...outermost
        .slice(0, 3)
        .map((el) => `${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`),
      ...innermost.slice(0, 3).map((el) => `${describe(el)} spills to ${el.scrollWidth} px`),
    ];
    return `page is ${root.scrollWidth} px wide in a ${width} px window; ${wide.join('; ')}`;
  });
  return overflow ? [{ check, rule: 'reflow-320', detail: overflow }] : [];
}

/** WCAG 2.4.3: after an action, focus must stay somewhere a keyboard user can carry on from, not fall to the page. */
export async function focusFinding(page: Page, action: string): Promise<Finding[]> {
  const where = await page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body || el === document.documentElement ? null : el.tagName;
  });
  return where ? [] : [{ check: 'focus', rule: 'focus-on-body', detail: `after ${action}` }];
}

export const narrow = { width: 320, height: 800 };
export const wide = { width: 1280, height: 900 };

/**
 * Everything the sweep checks on the page as it stands: axe at desktop width and at 320 px, and reflow at
 * 320 px with and without text spacing. Leaves the page at desktop width without text spacing.
 */
export async function sweepPage(page: Page): Promise<Finding[]> {
  const findings: Finding[] = [];
  await page.setViewportSize(wide);
  findings.push(...(await axeFindings(page)));
  await page.setViewportSize(narrow);
  findings.push(
    ...(await axeFindings(page)).filter((f) => !findings.some((g) => g.rule === f.rule && g.detail === f.detail)),
  );
  findings.push(...(await reflowFinding(page, 'reflow')));
  await setTextSpacing(page, true);
  findings.push(...(await reflowFinding(page, 'reflow with text spacing')));
  await setTextSpacing(page, false);
  await page.setViewportSize(wide);
  return findings;
}
