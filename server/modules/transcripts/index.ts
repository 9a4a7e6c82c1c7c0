import { maxTranscriptBodyBytes } from '../../../shared/contracts/transcripts';
import type { ChorusModule } from '../chorusModule';
import { workspaceRoom } from '../../realtime/socketServer';
import { liveTranscripts } from './liveTranscripts';
import { silenceClipJob, silenceOnRedactions } from './silencedAudio';
import { transcribeClipJob } from './speechRecognition/transcribeClipJob';
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
    const transcripts = liveTranscripts(services, collab);
    transcriptRoutes(api, { services, collab, transcripts });
    forgetWithdrawnTranscripts(services, collab);
    // Registered whether or not TRANSCRIBE_URL is set, so a job queued before a restart without it ends quietly.
    services.jobs.register(transcribeClipJob(services, transcripts));
    services.jobs.register(silenceClipJob(services));
    silenceOnRedactions(services);
    return {
      attach: (io) =>
        services.bus.on('transcript:draft', (e) => io.to(workspaceRoom(e.workspaceId)).emit('transcript:draft', e)),
    };
  },
};
