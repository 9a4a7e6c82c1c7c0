import type { ChorusModule } from '../chorusModule';
import { documentCreditRoutes } from './documentCreditRoutes';

/** A document's credits and acknowledgements: who wrote, was quoted and commented, named only with consent. */
export const documentCreditsModule: ChorusModule = {
  name: 'documentCredits',
  setUp: ({ api, services }) => {
    documentCreditRoutes(api, services);
  },
};
