import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer, type TestServer } from '../../support/startServer';
import { openPerson, type Person, type PersonOptions } from './browser';

export interface JourneyServer {
  /** The server's address, once the file's beforeAll has started it. */
  readonly url: string;
  /** Someone new at their own browser on this server; closed after the file. */
  person(viewport?: { width: number; height: number }, options?: PersonOptions): Promise<Person>;
}

/** A real server for one journey file, started before its tests and stopped, with every browser, after them. */
export function journeyServer(): JourneyServer {
  let server: TestServer | undefined;
  const people: Person[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  // A failed journey says what each browser showed and what went wrong in it: a timeout alone rarely tells why.
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      for (const [i, p] of people.entries()) console.error(await whatThePageShows(i + 1, p));
    });
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('The journey server has not started yet.');
      return server.url;
    },
    async person(viewport, options) {
      const p = await openPerson(this.url, viewport, options);
      people.push(p);
      return p;
    },
  };
}

async function whatThePageShows(n: number, person: Person): Promise<string> {
  const text = await person.page
    .evaluate(() => document.body.innerText)
    .catch((e: unknown) => `(not readable: ${String(e)})`);
  return [
    `--- browser ${n}: ${person.page.url()}`,
    text.replace(/\n{2,}/g, '\n').slice(0, 3000),
    ...person.log.map((line) => `  ${line}`),
  ].join('\n');
}
