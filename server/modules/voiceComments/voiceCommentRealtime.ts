import type { Services } from '../../services';
import { workspaceRoom, type ChorusServer } from '../../realtime/socketServer';

/**
 * A voice comment's audio is processed as its clip, and speech recognition drafts its words as the clip's: those
 * events are told again as `voiceComment:changed` (ids only), so a page showing comments listens to one event.
 */
export function watchVoiceCommentClips(services: Services): void {
  const retell = (workspaceId: string, clipId: string) => {
    services.voiceComments
      .isVoiceComment(clipId)
      .then((yes) => {
        if (yes) services.bus.emit('voiceComment:changed', { workspaceId, voiceCommentId: clipId, change: 'status' });
      })
      .catch((err: unknown) =>
        services.logger.warn({ err, clipId }, 'could not tell whether a clip is a voice comment'),
      );
  };
  services.bus.on('clip:status', (e) => {
    if (e.status === 'ready' || e.status === 'failed') retell(e.workspaceId, e.clipId);
  });
  services.bus.on('transcript:draft', (e) => {
    if (e.status === 'written') retell(e.workspaceId, e.clipId);
  });
}

/** Ids only go to the workspace's room; the audio and words are fetched over HTTP, where consent is asked. */
export function forwardVoiceCommentEvents(io: ChorusServer, services: Services): void {
  services.bus.on('voiceComment:changed', (e) => io.to(workspaceRoom(e.workspaceId)).emit('voiceComment:changed', e));
}
