import type { ChorusModule } from '../chorusModule';
import { inviteRoutes } from './inviteRoutes';

/** Invite links to a workspace, and joining through one. */
export const invitesModule: ChorusModule = {
  name: 'invites',
  setUp: ({ api, services }) => inviteRoutes(api, services),
};
