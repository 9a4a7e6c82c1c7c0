import { useEffect } from 'react';
import type { MusicAsset } from '../../../../shared/contracts/music';
import { useReloadable } from '../../app/useReloadable';
import type { Resource } from '../../app/useResource';
import { listMusic } from './musicApi';

export type MusicListState = Resource<MusicAsset[]>;

const settled = (m: MusicAsset) => m.status === 'ready' || m.status === 'failed';

/** The workspace's music, fetched again every few seconds while any of it is still being processed. */
export function useMusicList(workspaceId: string): { list: MusicListState; reload(): void } {
  const { resource: list, reload } = useReloadable(workspaceId, listMusic);

  const busy = list.status === 'ready' && !list.data.every(settled);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [busy, reload]);
  return { list, reload };
}
