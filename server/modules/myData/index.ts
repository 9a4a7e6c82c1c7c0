import type { ChorusModule } from '../chorusModule';
import { liveTranscripts } from '../transcripts/liveTranscripts';
import { myDataRoutes } from './myDataRoutes';

/** A person's own data: "Download my data" and "Delete my account" (docs/your-data.md). */
export const myDataModule: ChorusModule = {
  name: 'myData',
  setUp: ({ api, services, collab, settings }) =>
    myDataRoutes(api, services, liveTranscripts(services, collab), settings.loginRateLimit),
};
