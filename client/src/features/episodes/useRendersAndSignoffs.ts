import { useResource } from '../../app/useResource';
import { useAfterEachJoin } from '../../realtime/roomJoins';
import { listRenders } from './episodesApi';
import { useSignoffs } from './signoffs/useSignoffs';

/**
 * An episode's renders and sign-offs, and the episode itself (`reloadEpisode`), loaded again after every join of
 * the workspace room: a render that started or finished, a sign-off or a flag before the page joined told nobody
 * here. The room is joined by the page (useClipList, or CarersEpisodeView).
 */
export function useRendersAndSignoffs(episode: { id: string; workspaceId: string }, reloadEpisode: () => void) {
  const [renders, reloadRenders] = useResource(episode.id, () => listRenders(episode.id));
  const signoffs = useSignoffs(episode.id);
  const reloadSignoffs = signoffs.reload;
  useAfterEachJoin(episode.workspaceId, () => {
    reloadEpisode();
    reloadRenders();
    reloadSignoffs();
  });
  return { renders, reloadRenders, signoffs, reloadSignoffs };
}
