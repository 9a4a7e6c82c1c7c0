import type { ChorusModule } from '../chorusModule';
import { liveTranscripts } from '../transcripts/liveTranscripts';
import { forwardVoiceCommentEvents, watchVoiceCommentClips } from './voiceCommentRealtime';
import { voiceCommentRoutes } from './voiceCommentRoutes';

/**
 * Voice comments: a comment recorded instead of written, anywhere a comment can be written. Recorded, processed,
 * transcribed and withdrawn as a clip of its own (the clips and transcripts modules do that work); this module
 * places it on its comment, serves it to members and lets its maker delete it.
 */
export const voiceCommentsModule: ChorusModule = {
  name: 'voiceComments',
  setUp: ({ api, services, collab }) => {
    voiceCommentRoutes(api, { services, collab, transcripts: liveTranscripts(services, collab) });
    watchVoiceCommentClips(services);
    return { attach: (io) => forwardVoiceCommentEvents(io, services) };
  },
};
