import { afterAll, beforeAll } from 'vitest';
import { CollabClient } from './collabClient';
import { teamWithEveryRole, type Team } from './collabFixtures';
import { startServer, type TestServer } from './startServer';

/** A server with a team in every role, ready once the file's beforeAll has run. Its functions may be destructured. */
export class CollabTeam {
  server!: TestServer;
  team!: Team;
  /** Every collab client opened through `open`, closed after the file. */
  readonly clients: CollabClient[] = [];

  /** A collab connection as this member of the team. */
  open = async (role: keyof Team['people'] = 'expert'): Promise<CollabClient> => {
    const c = await CollabClient.open(this.server.url, this.team.people[role].cookie);
    this.clients.push(c);
    return c;
  };
}

/** Starts the server (with `options`) and the team before the tests, and stops both after them. */
export function collabTeam(options: Parameters<typeof startServer>[0] = {}): CollabTeam {
  const collab = new CollabTeam();
  beforeAll(async () => {
    collab.server = await startServer(options);
    collab.team = await teamWithEveryRole(collab.server.url);
  });
  afterAll(async () => {
    for (const c of collab.clients) c.close();
    await collab.server.stop();
  });
  return collab;
}
