import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Episode } from '../../../../../shared/contracts/episodes';
import { useSignedInUser } from '../../../app/useSignedInUser';
import { getEpisode, getTimeline, putTimeline } from '../episodesApi';
import { RestTimeline } from './restTimeline';
import type { TimelineHandle } from './timelineHandle';
import * as ops from './timelineOps';
import { useLiveTimeline } from './useLiveTimeline';

/** The episode's timeline, co-edited live with everyone who has the episode open. */
export function useTimeline(episode: Episode): TimelineHandle {
  const user = useSignedInUser();
  return useLiveTimeline(episode, { id: user?.id ?? '', name: user?.name ?? '' });
}

/**
 * The timeline over plain HTTP: loaded once, edited in the page, stored whole with PUT after a pause.
 * Nobody else's edits or selections show here (peers is always empty); the screens use the live one above.
 */
export function useRestTimeline(episodeId: string): TimelineHandle {
  const store = useMemo(
    () =>
      new RestTimeline({
        load: async () => {
          const [episode, timeline] = await Promise.all([getEpisode(episodeId), getTimeline(episodeId)]);
          return { timeline, canEdit: episode.abilities.edit };
        },
        save: (timeline) => putTimeline(episodeId, timeline),
      }),
    [episodeId],
  );
  useEffect(() => {
    void store.load();
    return () => store.close();
  }, [store]);
  const state = useSyncExternalStore(store.subscribe, () => store.snapshot);

  const select = useCallback(() => undefined, []);
  return useMemo(
    () => ({
      ...state,
      insertItem: (index, item) => store.apply((t) => ops.insertItem(t, index, item)),
      updateItem: (index, patch) => store.apply((t) => ops.updateItem(t, index, patch)),
      moveItem: (from, to) => store.apply((t) => ops.moveItem(t, from, to)),
      removeItem: (index) => store.apply((t) => ops.removeItem(t, index)),
      setChapters: (chapters) => store.apply((t) => ops.setChapters(t, chapters)),
      select,
      peers: [],
      whenSaved: () => store.flush(),
    }),
    [state, store, select],
  );
}
