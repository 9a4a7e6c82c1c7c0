import type { ChorusModule } from '../chorusModule';
import { accountRoutes } from './accountRoutes';

/** Sign-up, sign-in and sign-out, and the signed-in person's own account. */
export const accountsModule: ChorusModule = {
  name: 'accounts',
  setUp: ({ api, services, settings }) => accountRoutes(api, services, settings.loginRateLimit),
};
