import type { ChorusModule } from '../chorusModule';
import { forwardClipEvents } from './clipRealtime';
import { clipRoutes } from './clipRoutes';
import { processClipJob, purgeClipJob } from './processClipJob';
import { recordingChunkPath, recordingRoutes } from './recordingRoutes';

/** Clips: uploads and browser recordings, processing, review, consent and timed comments. */
export const clipsModule: ChorusModule = {
  name: 'clips',
  // A recording's pieces arrive as raw audio bytes.
  binaryBodyPaths: [recordingChunkPath],
  setUp: ({ api, services }) => {
    services.jobs.register(processClipJob(services), purgeClipJob(services));
    clipRoutes(api, services);
    recordingRoutes(api, services);
    return { attach: (io) => forwardClipEvents(io, services.bus) };
  },
};
