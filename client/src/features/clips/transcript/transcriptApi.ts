import { transcriptSchema, type Transcript } from '../../../../../shared/contracts/transcripts';
import { requestJson } from '../../../api/http';

/** The clip's transcript: where its live document is, and whether I may change it. */
export const getTranscript = (clipId: string): Promise<Transcript> =>
  requestJson('GET', `/api/clips/${encodeURIComponent(clipId)}/transcript`, transcriptSchema);
