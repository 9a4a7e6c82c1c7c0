import type { ChorusModule } from '../chorusModule';
import { balanceRoutes } from './balanceRoutes';

/** The balance of voices: who is heard, who writes, who comments and who signs off, counted from what Chorus keeps. */
export const balanceModule: ChorusModule = {
  name: 'balance',
  setUp: ({ api, services }) => {
    balanceRoutes(api, services);
  },
};
