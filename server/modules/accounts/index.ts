import type { ChorusModule } from '../chorusModule';
import { accountRoutes } from './accountRoutes';
import { welcomeRoutes } from './welcomeRoutes';

/** Sign-up, sign-in and sign-out, and the signed-in person's own account (and whether they saw the welcome). */
export const accountsModule: ChorusModule = {
  name: 'accounts',
  setUp: ({ api, services, settings }) => {
    accountRoutes(api, services, settings.loginRateLimit);
    welcomeRoutes(api, services);
  },
};
