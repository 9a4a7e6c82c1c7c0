import { currentConsentVersion, type Clip } from '../../../shared/contracts/clips';
import { nowIso } from '../../clock';
import type { Services } from '../../services';
import { clipPrefix } from '../../storage/keys';
import { getClip, loadClipFor } from './clipOperations';
import { purgeClipJobSpec, PURGE_AGAIN_AFTER_MS } from './processClipJob';
import { deleteTranscriptOf } from '../transcripts/transcriptWithdrawal';

/**
 * Consent taken back. In one transaction the clip is marked withdrawn (unusable from that moment: every
 * audio route answers 410), a withdrawal consent record and an audit entry are written (no audio in
 * either), and a purge job is queued. Then every object under the clip's prefix is deleted before the
 * request answers; the purge job repeats that shortly after, in case a processing job that was already
 * running stores a listening copy in between. `clip:withdrawn` tells whatever used the clip.
 */
export async function withdrawClip(services: Services, clipId: string, userId: string): Promise<Clip> {
  const { clip } = await loadClipFor(services, clipId, userId, 'clip.withdraw');
  const prefix = clipPrefix(clip.workspace_id, clip.id);
  const at = nowIso();
  let deleteTranscriptFiles = async () => 0;
  const first = await services.transaction(async (tx) => {
    if (!(await services.clips.markWithdrawn(clip.id, userId, at, tx))) return false;
    // The person's words go with their voice: the transcript and its search passages, in the same transaction.
    deleteTranscriptFiles = await deleteTranscriptOf(services, clip, tx);
    await services.clips.addConsent(
      {
        clip_id: clip.id,
        kind: 'withdrawn',
        podcast: 0,
        publication_quotes: 0,
        audience: 'internal',
        wording_version: currentConsentVersion,
        recorded_by: userId,
      },
      tx,
    );
    await services.audit.recordAbout(
      clip,
      {
        actorId: userId,
        action: 'clip.consent_withdrawn',
        detail: {
          title: clip.title,
          contributorId: clip.contributor_id,
          onBehalfOf: userId === clip.contributor_id ? null : clip.contributor_id,
        },
      },
      tx,
    );
    await services.jobs.enqueue(
      purgeClipJobSpec,
      { workspaceId: clip.workspace_id, clipId: clip.id },
      { db: tx, runAfter: new Date(Date.now() + PURGE_AGAIN_AFTER_MS) },
    );
    return true;
  });
  // Deleting again on a repeated request is harmless and finishes a deletion an earlier request may have left.
  const deleted = (await services.blobs.deleteByPrefix(prefix)) + (await deleteTranscriptFiles());
  services.logger.info({ clipId: clip.id, deleted }, 'clip withdrawn; audio deleted');
  if (first) services.bus.emit('clip:withdrawn', { workspaceId: clip.workspace_id, clipId: clip.id, withdrawnAt: at });
  return getClip(services, clipId, userId);
}
