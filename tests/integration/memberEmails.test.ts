import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamWithEveryRole, type Team } from '../support/collabFixtures';
import { startServer, type TestServer } from '../support/startServer';

let server: TestServer;
let team: Team;
beforeAll(async () => {
  server = await startServer();
  team = await teamWithEveryRole(server.url, 'Emails');
});
afterAll(() => server.stop());

describe('members’ email addresses', () => {
  it('are shown to admins and editors', async () => {
    for (const role of ['admin', 'editor'] as const) {
      const { body } = await team.people[role].get(`/api/workspaces/${team.workspaceId}/members`);
      expect(body.members).toHaveLength(4);
      for (const m of body.members) expect(m.email, role).toMatch(/@example\.org$/);
    }
  });

  it('are left out for experts and carers, who still see names and roles', async () => {
    for (const role of ['expert', 'carer'] as const) {
      const res = await team.people[role].get(`/api/workspaces/${team.workspaceId}/members`);
      expect(res.status).toBe(200);
      expect(res.body.members.map((m: { role: string }) => m.role).sort()).toEqual([
        'admin',
        'carer',
        'editor',
        'expert',
      ]);
      for (const m of res.body.members) {
        expect(Object.keys(m).sort(), role).toEqual(['joinedAt', 'name', 'role', 'userId']);
      }
      expect(JSON.stringify(res.body)).not.toContain('@');
    }
  });
});
