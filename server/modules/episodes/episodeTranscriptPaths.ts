import type { EpisodeTranscriptFormat, Render } from '../../../shared/contracts/episodes';
import type { EpisodeRendersTable } from '../../db/schema';
import { parseStoredEpisodeTranscript } from './episodeTranscript';

/** Where members read a render's episode transcript. */
export const memberTranscriptPath = (episodeId: string, renderId: string, format: EpisodeTranscriptFormat) =>
  `/api/episodes/${episodeId}/renders/${renderId}/transcript.${format}`;

/** Where anyone reads a published episode's transcript (of the render the feed serves). */
export const publicTranscriptPath = (workspaceId: string, episodeId: string, format: EpisodeTranscriptFormat) =>
  `/feeds/${workspaceId}/episodes/${episodeId}/transcript.${format}`;

export function presentRenderTranscript(r: EpisodeRendersTable): Render['transcript'] {
  const stored = parseStoredEpisodeTranscript(r.transcript);
  if (!stored) return null;
  const url = (format: EpisodeTranscriptFormat) => memberTranscriptPath(r.episode_id, r.id, format);
  return { urls: { vtt: url('vtt'), srt: url('srt'), json: url('json') }, missing: stored.missing };
}
