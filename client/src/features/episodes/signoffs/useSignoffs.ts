import { useCallback, useEffect } from 'react';
import type { EpisodeSignoffEvent } from '../../../../../shared/realtime/events';
import { useResource } from '../../../app/useResource';
import { getSocket } from '../../../realtime/socket';
import { getMySignoff, getSignoffs } from './signoffsApi';

/**
 * Everyone's sign-off of an episode and the signed-in person's own parts, fetched again whenever someone decides
 * (the `episode:signoff` socket event, heard in the workspace room the page has joined) or `reload()` is called
 * (a render finished, the episode was published).
 */
export function useSignoffs(episodeId: string) {
  const [list, reloadList] = useResource(episodeId, () => getSignoffs(episodeId));
  const [mine, reloadMine] = useResource(episodeId, () => getMySignoff(episodeId));
  const reload = useCallback(() => {
    reloadList();
    reloadMine();
  }, [reloadList, reloadMine]);
  useEffect(() => {
    const socket = getSocket();
    const onSignoff = (e: EpisodeSignoffEvent) => e.episodeId === episodeId && reloadList();
    socket.on('episode:signoff', onSignoff);
    return () => {
      socket.off('episode:signoff', onSignoff);
    };
  }, [episodeId, reloadList]);
  return { list, mine, reload };
}
