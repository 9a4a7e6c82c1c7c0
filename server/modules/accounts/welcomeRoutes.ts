import { welcomeBodySchema, welcomeSchema, type Welcome } from '../../../shared/contracts/welcome';
import { nowIso } from '../../clock';
import { defineRoute, type Api } from '../../http/route';
import type { Services } from '../../services';

const presentWelcome = (seenAt: string | null): Welcome => ({ seen: seenAt !== null, seenAt });

/**
 * The carers' first-visit welcome: whether the signed-in person has put it away. Only ever about the person
 * asking, so signing in is the whole rule (there is no one else's welcome to see or change).
 */
export function welcomeRoutes(api: Api, services: Services): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/me/welcome',
      tag: 'accounts',
      summary: 'Whether I have put away the first-visit welcome',
      auth: 'user',
      response: welcomeSchema,
    },
    async ({ user }) => presentWelcome(user.welcomed_at),
  );

  defineRoute(
    api,
    {
      method: 'post',
      path: '/api/me/welcome',
      tag: 'accounts',
      summary:
        'Put away the first-visit welcome (seen: true; twice keeps the first time), or bring it back (seen: false)',
      auth: 'user',
      body: welcomeBodySchema,
      response: welcomeSchema,
    },
    async ({ user, body }) => presentWelcome(await services.users.setWelcomed(user.id, body.seen ? nowIso() : null)),
  );
}
