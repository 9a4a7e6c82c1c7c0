import { useEffect, useRef } from 'react';
import type { EpisodeFlaggedEvent, EpisodeRenderEvent } from '../../../../shared/realtime/events';
import { getSocket } from '../../realtime/socket';

export interface EpisodeEventHandlers {
  render(e: EpisodeRenderEvent): void;
  flagged(e: EpisodeFlaggedEvent): void;
}

/**
 * Render progress and flags for one episode. The workspace room is joined by the clip list on the same page
 * (useClipList), whose events come to everyone in the workspace; these are filtered to this episode.
 */
export function useEpisodeEvents(episodeId: string, handlers: EpisodeEventHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const socket = getSocket();
    const onRender = (e: EpisodeRenderEvent) => e.episodeId === episodeId && latest.current.render(e);
    const onFlagged = (e: EpisodeFlaggedEvent) => e.episodeId === episodeId && latest.current.flagged(e);
    socket.on('episode:render', onRender);
    socket.on('episode:flagged', onFlagged);
    return () => {
      socket.off('episode:render', onRender);
      socket.off('episode:flagged', onFlagged);
    };
  }, [episodeId]);
}
