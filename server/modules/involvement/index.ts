import type { ChorusModule } from '../chorusModule';
import { involvementRoutes } from './involvementRoutes';

/** The involvement log and what was given back: activities, confirmations, payment choices, rates, statements, CSV. */
export const involvementModule: ChorusModule = {
  name: 'involvement',
  setUp: ({ api, services }) => {
    involvementRoutes(api, services);
  },
};
