import type { ChorusModule } from '../chorusModule';
import { titlePageRoutes } from './titlePageRoutes';

/** A publication's title page: what its exports print on the cover and in "About this publication". */
export const titlePagesModule: ChorusModule = {
  name: 'titlePages',
  setUp: ({ api, services }) => {
    titlePageRoutes(api, services);
  },
};
