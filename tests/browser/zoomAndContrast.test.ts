import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from './support/browser';
import { journeyServer } from './support/journeyServer';
import { actAs, sweepWorld, type SweepWorld, type Who } from './support/sweepWorld';

/**
 * Issue 14, text size and contrast: the main pages, as a carer and as an editor, hold their layout at 200 % and
 * 400 % browser zoom, and in forced colours (Windows high contrast) every control stays visible.
 *
 * Zoom is emulated by the window's width in CSS pixels: browser zoom at 200 % on a 1280 px window lays the page out
 * in 640 CSS px, and at 400 % in 320 CSS px, with media queries answering to those widths. That is exactly what a
 * 640 or 320 px viewport does; the device scale factor only changes how sharp the pixels are, not the layout, so it
 * is left at 1 (one browser reused, rather than one per zoom level). CSS `zoom` is not used: it scales a box
 * without changing the width media queries see, so it would not test what a person zooming meets.
 *
 * Screenshots of each page at each level, and in forced colours, go to `.tmp/screenshots/` (git-ignored) for a
 * person to look over: the checks below catch what can be measured, not everything that looks wrong.
 */
const shots = path.resolve('.tmp/screenshots/zoom-and-contrast');

interface Screen {
  name: string;
  who: Who;
  path: (w: SweepWorld) => string;
  ready: (page: Page) => Promise<void>;
}

const h1 = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name }).waitFor();

const screens: Screen[] = [
  ...(['carer', 'editor'] as const).flatMap((who): Screen[] => [
    {
      name: `workspace as ${who}`,
      who,
      path: (w) => `/w/${w.workspaceId}`,
      ready: (p) => p.getByText('Your role:').waitFor(),
    },
    {
      name: `recordings list as ${who}`,
      who,
      path: (w) => `/w/${w.workspaceId}/clips`,
      ready: async (p) => {
        await h1(who === 'carer' ? 'Recordings' : 'Clips')(p);
        await p
          .getByRole('link', { name: /carer's story/ })
          .first()
          .waitFor();
      },
    },
    {
      name: `a recording as ${who}`,
      who,
      path: (w) => `/c/${w.carerClipId}`,
      ready: async (p) => {
        await h1("carer's story")(p);
        await p.locator('.player__waveform').waitFor();
      },
    },
    {
      name: `record a story as ${who}`,
      who,
      path: (w) => `/w/${w.workspaceId}/record`,
      ready: (p) => p.getByRole('button', { name: 'Record' }).waitFor(),
    },
    {
      name: `an episode as ${who}`,
      who,
      path: (w) => `/e/${w.episodeId}`,
      ready: (p) => p.getByRole('heading', { level: 1, name: 'Episode 1: Being heard' }).waitFor(),
    },
  ]),
  { name: 'help for carers', who: 'carer', path: () => '/help/carers', ready: h1('How Chorus works for carers') },
  { name: 'help for editors', who: 'editor', path: () => '/help/editors', ready: h1('How Chorus works for editors') },
];

const zooms = [
  { label: '200 %', viewport: { width: 640, height: 450 } },
  { label: '400 %', viewport: { width: 320, height: 225 } },
];

const fileName = (...parts: string[]) =>
  `${parts
    .join('-')
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase()}.png`;

/** How far the page scrolls sideways (0 when it does not). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Every visible control (link, button, field, "More detail" summary) that, in forced colours, has neither a
 * border nor an outline nor text in a colour that shows: a control that would be invisible to someone using high
 * contrast. Described by tag, classes and words, so a failure says where to look.
 */
const invisibleControls = (page: Page) =>
  page.evaluate(() => {
    const shows = (color: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(color);
      if (!m) return color !== 'transparent';
      const parts = m[1]!.split(',').map((s) => Number(s.trim()));
      return parts.length < 4 || parts[3]! > 0;
    };
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [role="button"]'),
    );
    return controls
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden' || el.closest('.visually-hidden')) {
          return false;
        }
        if (el.classList.contains('skip-link')) return false;
        // Not drawn at all, such as links inside a closed "More detail" (Chromium still gives them a box).
        if (!el.checkVisibility()) return false;
        const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
        const border = sides.some(
          (s) =>
            parseFloat(style.getPropertyValue(`border-${s.toLowerCase()}-width`)) > 0 &&
            style.getPropertyValue(`border-${s.toLowerCase()}-style`) !== 'none' &&
            shows(style.getPropertyValue(`border-${s.toLowerCase()}-color`)),
        );
        const outline =
          parseFloat(style.outlineWidth) > 0 && style.outlineStyle !== 'none' && shows(style.outlineColor);
        const text = (el.innerText || (el as HTMLInputElement).value || '').trim().length > 0 && shows(style.color);
        return !(border || outline || text);
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.innerText || el.getAttribute('aria-label') || '').slice(0, 40)}”`,
      );
  });

describe('zoom and forced colours', { timeout: 120_000 }, () => {
  const server = journeyServer();
  let world: SweepWorld;
  let person: Person;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-zoom-'));
    [world, person] = await Promise.all([sweepWorld(server.url, dir), server.person()]);
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const screen of screens) {
    it(`${screen.name}: no sideways scrolling at 200 % and 400 %, every control visible in forced colours`, async () => {
      const { page, context } = person;
      await actAs(context, world, server.url, screen.who);
      await page.emulateMedia({ forcedColors: 'none' });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(screen.path(world));
      await screen.ready(page);

      const problems: string[] = [];
      for (const zoom of zooms) {
        await page.setViewportSize(zoom.viewport);
        const extra = await sideways(page);
        if (extra > 0) problems.push(`at ${zoom.label} the page scrolls ${extra} px sideways`);
        await page.screenshot({ path: path.join(shots, fileName(screen.name, zoom.label)), fullPage: true });
      }

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ forcedColors: 'active' });
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      // The check itself can fail: an icon-only button with no border is reported (then taken away again).
      await page.evaluate(() => {
        const probe = document.createElement('button');
        probe.className = 'zoom-probe';
        probe.setAttribute('aria-label', 'probe');
        probe.style.cssText = 'border:0;width:30px;height:30px;background:#c00';
        document.body.append(probe);
      });
      expect(await invisibleControls(page)).toContain('button.zoom-probe “probe”');
      await page.evaluate(() => document.querySelector('.zoom-probe')?.remove());
      problems.push(...(await invisibleControls(page)).map((c) => `in forced colours, invisible: ${c}`));
      await page.screenshot({ path: path.join(shots, fileName(screen.name, 'forced colours')), fullPage: true });
      await page.setViewportSize(zooms[1]!.viewport);
      const extra = await sideways(page);
      if (extra > 0) problems.push(`at 400 % in forced colours the page scrolls ${extra} px sideways`);
      await page.emulateMedia({ forcedColors: 'none' });

      expect(problems).toEqual([]);
    });
  }
});
