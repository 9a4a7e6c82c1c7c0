import type { ChorusModule } from '../chorusModule';
import { involvementReportRoutes } from './reportRoutes';

/** Reports on involvement: the GRIPP2 short-form report with numbers as evidence, and the impact log; downloads. */
export const involvementReportsModule: ChorusModule = {
  name: 'involvementReports',
  setUp: ({ api, services }) => {
    involvementReportRoutes(api, services);
  },
};
