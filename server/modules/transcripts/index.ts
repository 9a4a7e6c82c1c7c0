import { maxTranscriptBodyBytes } from '../../../shared/contracts/transcripts';
import type { ChorusModule } from '../chorusModule';
import { liveTranscripts } from './liveTranscripts';
import { transcriptCollabAccess } from './transcriptAccess';
import { forgetWithdrawnTranscripts } from './transcriptWithdrawal';
import { transcriptPath, transcriptRoutes } from './transcriptRoutes';

/** Clip transcripts: live documents of kind `transcript` on `/collab`, and their REST routes for scripts and tests. */
export const transcriptsModule: ChorusModule = {
  name: 'transcripts',
  jsonBodyLimits: [
    {
      path: transcriptPath,
      maxBytes: maxTranscriptBodyBytes,
      tooLarge:
        'This transcript is larger than 2 MB, the most one request may carry. Leave out word timings, or send it in parts with fewer segments.',
    },
  ],
  setUp: ({ api, services, collab }) => {
    collab.kinds.register(['transcript'], transcriptCollabAccess);
    transcriptRoutes(api, { services, collab, transcripts: liveTranscripts(services, collab) });
    forgetWithdrawnTranscripts(services, collab);
  },
};
