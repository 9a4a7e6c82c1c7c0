import { consentFactsOf, usesLost } from '../../policies/consent';
import type { Clip, ClipSummary, ConsentChoices, ReviewBody, ReviewState } from '../../../shared/contracts/clips';
import { nowIso } from '../../clock';
import { AppError, notFound } from '../../errors';
import { authorize, authorizeClip, type Actor } from '../../policies/authorize';
import type { ClipAction } from '../../policies/rules';
import type { Services } from '../../services';
import { actorIn } from '../../policies/actor';
import type { ClipRow } from './clipRepository';
import { clipFacts, presentClip, presentComment, presentSummary } from './presentClip';
import { recordConsent } from './recordConsent';
import { stretchesVersion } from '../transcripts/silencedAudio';

/**
 * Loads a clip and checks the caller may do `action` with it. A clip in a workspace the caller is not a
 * member of answers exactly like a clip that does not exist.
 */
export async function loadClipFor(
  services: Services,
  clipId: string,
  userId: string,
  action: ClipAction,
): Promise<{ clip: ClipRow; actor: Actor }> {
  const clip = await services.clips.findDetailed(clipId);
  if (!clip) throw notFound('clip');
  const actor = await actorIn(services, clip.workspace_id, userId);
  authorizeClip(actor, action, clipFacts(clip));
  return { clip, actor };
}

export async function getClip(services: Services, clipId: string, userId: string): Promise<Clip> {
  const { clip, actor } = await loadClipFor(services, clipId, userId, 'clip.view');
  const consents = await services.clips.latestConsents([clip.id]);
  // Everyone but the contributor hears struck-out words silenced. The sound's address names the stretches struck
  // now, so a page that loads the clip again (after a break in its connection) loads the sound again if they changed.
  const struck =
    userId === clip.contributor_id ? null : stretchesVersion(await services.clipRedactions.listForClip(clip.id));
  return presentClip(clip, consents.get(clip.id), actor, struck);
}

export async function listClips(services: Services, workspaceId: string, userId: string): Promise<ClipSummary[]> {
  authorize(await actorIn(services, workspaceId, userId), 'workspace.view');
  const rows = await services.clips.listForWorkspace(workspaceId);
  const ids = rows.map((r) => r.id);
  const [consents, open] = await Promise.all([
    services.clips.latestConsents(ids),
    services.clips.openThreadCounts(ids),
  ]);
  return rows.map((r) => presentSummary(r, consents.get(r.id), open.get(r.id) ?? 0));
}

/** Which review decisions can follow which; the same state again is a no-op. */
const nextStates: Record<ReviewState, readonly ReviewState[]> = {
  submitted: ['in_review', 'approved', 'changes_requested'],
  in_review: ['approved', 'changes_requested'],
  approved: ['in_review', 'changes_requested'],
  changes_requested: ['in_review', 'approved'],
};

export async function reviewClip(services: Services, clipId: string, userId: string, body: ReviewBody): Promise<Clip> {
  const { clip } = await loadClipFor(services, clipId, userId, 'clip.review');
  const note = body.state === 'changes_requested' ? (body.note ?? null) : null;
  if (clip.review_state !== body.state || (note !== null && note !== clip.review_note)) {
    if (!nextStates[clip.review_state].includes(body.state)) {
      throw new AppError(
        'conflict',
        `This recording is ${words(clip.review_state)}; it cannot go straight to ${words(body.state)}.`,
      );
    }
    if (body.state === 'approved' && clip.status !== 'ready') {
      throw new AppError(
        'conflict',
        'This recording can be approved once it has finished processing and can be listened to.',
      );
    }
    const at = nowIso();
    const atSeconds = Math.min(body.atSeconds ?? 0, clip.duration_seconds ?? Infinity);
    // The decision and its note land together: a request for changes is never recorded without what to change.
    const noteCommentId = await services.transaction(async (tx) => {
      await services.clips.update(
        clip.id,
        { review_state: body.state, review_updated_by: userId, review_updated_at: at, review_note: note },
        tx,
      );
      await services.audit.recordAbout(
        clip,
        { actorId: userId, action: 'clip.reviewed', detail: { from: clip.review_state, to: body.state } },
        tx,
      );
      if (note === null) return null;
      return services.clipComments.insert(
        {
          clip_id: clip.id,
          parent_id: null,
          author_id: userId,
          body: `Changes asked for: ${note}`,
          at_seconds: atSeconds,
          end_seconds: null,
        },
        tx,
      );
    });
    const reviewer = await services.users.findById(userId);
    services.bus.emit('clip:review', {
      workspaceId: clip.workspace_id,
      clipId: clip.id,
      state: body.state,
      by: { id: userId, name: reviewer?.name ?? '' },
      at,
      note,
    });
    if (noteCommentId) {
      const comment = presentComment((await services.clipComments.find(clip.id, noteCommentId))!);
      services.bus.emit('clip:comment', {
        workspaceId: clip.workspace_id,
        clipId: clip.id,
        change: 'created',
        comment,
      });
    }
  }
  return getClip(services, clipId, userId);
}

/** The contributor (or an admin for them) changes what the clip may be used for; every version is kept. */
export async function changeConsent(
  services: Services,
  clipId: string,
  userId: string,
  choices: ConsentChoices,
): Promise<Clip> {
  const { clip } = await loadClipFor(services, clipId, userId, 'clip.changeConsent');
  const before = consentFactsOf((await services.clips.latestConsents([clip.id])).get(clip.id), clip.withdrawn_at);
  await services.transaction((tx) => recordConsent(services, tx, { clip, kind: 'changed', choices, userId }));
  services.bus.emit('clip:consent', { workspaceId: clip.workspace_id, clipId: clip.id });
  const { podcast, publicationQuotes, audience } = choices;
  const lost = usesLost(before, { withdrawn: false, podcast, publicationQuotes, audience });
  if (lost.length > 0) services.bus.emit('clip:consentLost', { workspaceId: clip.workspace_id, clipId: clip.id, lost });
  return getClip(services, clipId, userId);
}

const words = (state: ReviewState) => state.replace('_', ' ');
