import type { Artwork, Transcript } from '../../../shared/contracts/publishing';
import { transcriptTypes } from '../../../shared/contracts/publishing';
import type { ArtworksTable, EpisodePublishingTable } from '../../db/schema';

/** Addresses of what the public (podcast apps, listeners) may fetch, and how members see the same files. */

/** The part of the hash in keys and addresses: enough that two pictures never share one. */
export const artworkVersion = (a: Pick<ArtworksTable, 'sha256'>) => a.sha256.slice(0, 16);
const extension = (a: Pick<ArtworksTable, 'content_type'>) => (a.content_type === 'image/png' ? 'png' : 'jpg');

/** Public, content-addressed: a new picture gets a new address, so these can be cached for good. */
export const showArtworkPath = (a: ArtworksTable) =>
  `/feeds/${a.workspace_id}/artwork/${artworkVersion(a)}.${extension(a)}`;
export const episodeArtworkPublicPath = (a: ArtworksTable) =>
  `/feeds/${a.workspace_id}/episodes/${a.episode_id}/artwork/${artworkVersion(a)}.${extension(a)}`;
/** Members see an episode's artwork before it is published. */
export const episodeArtworkMemberPath = (a: ArtworksTable) =>
  `/api/episodes/${a.episode_id}/artwork?v=${artworkVersion(a)}`;

export const presentArtwork = (a: ArtworksTable, url: string): Artwork => ({
  url,
  contentType: a.content_type,
  width: a.width,
  height: a.height,
  size: a.size,
  updatedAt: a.updated_at,
});

/** The show's public "How to listen" page. */
export const showPagePath = (workspaceId: string) => `/shows/${workspaceId}`;
export const episodePagePath = (workspaceId: string, episodeId: string) =>
  `/shows/${workspaceId}/episodes/${episodeId}`;

type StoredTranscript = EpisodePublishingTable & {
  transcript_key: string;
  transcript_format: 'vtt' | 'srt';
  transcript_sha256: string;
  transcript_size: number;
};
export const hasTranscript = (p: EpisodePublishingTable | undefined): p is StoredTranscript =>
  !!p?.transcript_key && !!p.transcript_format && !!p.transcript_sha256;

export const transcriptVersion = (p: StoredTranscript) => p.transcript_sha256.slice(0, 16);
export const transcriptPublicPath = (workspaceId: string, p: StoredTranscript) =>
  `/feeds/${workspaceId}/episodes/${p.episode_id}/transcript/${transcriptVersion(p)}.${p.transcript_format}`;
export const transcriptMemberPath = (p: StoredTranscript) =>
  `/api/episodes/${p.episode_id}/transcript?v=${transcriptVersion(p)}`;

export const presentTranscript = (p: StoredTranscript, url: string): Transcript => ({
  url,
  format: p.transcript_format,
  contentType: transcriptTypes[p.transcript_format],
  size: p.transcript_size,
  updatedAt: p.updated_at,
});
