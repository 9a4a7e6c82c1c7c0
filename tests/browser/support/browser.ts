import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll } from 'vitest';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One Chromium per set of flags, shared by the people of a test file: each person gets a browser context of their
 * own (cookies, storage, clipboard permission), which is as separate as a profile and starts in a fraction of the
 * time a new Chromium takes (about 1 s against 2.3 s each on the loaded test machine).
 */
const browsers = new Map<string, Promise<Browser>>();

function browserWith(extraArgs: readonly string[]): Promise<Browser> {
  const args = [...chromiumArgs, ...extraArgs];
  const key = args.join(' ');
  let browser = browsers.get(key);
  if (!browser) {
    browser = chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
    browsers.set(key, browser);
  }
  return browser;
}

/** Closes the file's Chromiums, after every other hook of the file (hooks run as a stack: this one came first). */
afterAll(async () => {
  const open = [...browsers.values()];
  browsers.clear();
  await Promise.all(open.map(async (b) => (await b.catch(() => null))?.close()));
});

/** One person at their own browser: their own cookies, storage and clipboard. */
export interface Person {
  context: BrowserContext;
  page: Page;
  /** What the page said that a failed test should show: its errors and warnings, newest last. */
  readonly log: readonly string[];
  close(): Promise<void>;
}

const keptLines = 40;

export interface PersonOptions {
  /** Chromium flags on top of the defaults, e.g. a fake microphone (see TOOLCHAIN.md). */
  extraArgs?: string[];
}

export async function openPerson(
  baseUrl: string,
  viewport = { width: 1280, height: 900 },
  options: PersonOptions = {},
): Promise<Person> {
  const browser = await browserWith(options.extraArgs ?? []);
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const page = await context.newPage();
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(line.slice(0, 500));
    if (log.length > keptLines) log.shift();
  };
  page.on('pageerror', (error) => keep(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      keep(`console ${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    keep(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) keep(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return {
    context,
    page,
    log,
    async close() {
      await context.close();
    },
  };
}

/** A person already signed in (with the session cookie of `cookie`), their page at `path`. */
export async function openSignedIn(baseUrl: string, cookie: string, path: string): Promise<Person> {
  const person = await openPerson(baseUrl);
  const [name, ...value] = cookie.split('=');
  await person.context.addCookies([{ name: name!, value: value.join('='), url: baseUrl }]);
  await person.page.goto(path);
  return person;
}

/** The browsers a test opens, each signed in with a person's own cookie; `closeAll()` belongs in `afterAll`. */
export function signedInBrowsers(baseUrl: () => string) {
  const opened: Person[] = [];
  return {
    async open(client: { cookie?: string | null }, path: string): Promise<Page> {
      const person = await openSignedIn(baseUrl(), client.cookie!, path);
      opened.push(person);
      return person.page;
    },
    closeAll: () => Promise.all(opened.map((p) => p.close())),
  };
}
