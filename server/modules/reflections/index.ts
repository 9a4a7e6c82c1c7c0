import type { ChorusModule } from '../chorusModule';
import { reflectionRoutes } from './reflectionRoutes';

/** Reflection on power: where the project stands on the ladder and the Cube, by role over time, and the plan to move up. */
export const reflectionsModule: ChorusModule = {
  name: 'reflections',
  setUp: ({ api, services }) => {
    reflectionRoutes(api, services);
  },
};
