import { useEffect } from 'react';
import { useResource } from '../../app/useResource';
import { listRenders } from './episodesApi';
import { useSignoffs } from './signoffs/useSignoffs';

/**
 * An episode's renders and sign-offs, loaded again after every join of the workspace room (`joins`, from
 * `useWorkspaceRoom`): a render that started or finished before the page joined told nobody here.
 */
export function useRendersAndSignoffs(episodeId: string, joins: number) {
  const [renders, reloadRenders] = useResource(episodeId, () => listRenders(episodeId));
  const signoffs = useSignoffs(episodeId);
  const reloadSignoffs = signoffs.reload;
  useEffect(() => {
    if (joins === 0) return;
    reloadRenders();
    reloadSignoffs();
  }, [joins, reloadRenders, reloadSignoffs]);
  return { renders, reloadRenders, signoffs, reloadSignoffs };
}
