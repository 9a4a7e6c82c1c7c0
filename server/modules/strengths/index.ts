import type { ChorusModule } from '../chorusModule';
import { strengthsRoutes } from './strengthsRoutes';

/** People as assets: what members bring and would like to try, task offers, and abilities agreed for carers. */
export const strengthsModule: ChorusModule = {
  name: 'strengths',
  setUp: ({ api, services }) => {
    strengthsRoutes(api, services);
  },
};
