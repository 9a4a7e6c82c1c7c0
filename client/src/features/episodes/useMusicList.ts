import { useCallback, useEffect, useRef, useState } from 'react';
import type { MusicAsset } from '../../../../shared/contracts/music';
import { toApiError, type ApiError } from '../../api/ApiError';
import { listMusic } from './musicApi';

export type MusicListState =
  { status: 'loading' } | { status: 'ready'; music: MusicAsset[] } | { status: 'failed'; error: ApiError };

const settled = (m: MusicAsset) => m.status === 'ready' || m.status === 'failed';

/** The workspace's music, fetched again every few seconds while any of it is still being processed. */
export function useMusicList(workspaceId: string): { list: MusicListState; reload(): void } {
  const [list, setList] = useState<MusicListState>({ status: 'loading' });
  const round = useRef(0);
  const reload = useCallback(() => {
    const mine = ++round.current;
    listMusic(workspaceId).then(
      (music) => mine === round.current && setList({ status: 'ready', music }),
      (e: unknown) =>
        mine === round.current &&
        setList((was) => (was.status === 'ready' ? was : { status: 'failed', error: toApiError(e) })),
    );
  }, [workspaceId]);
  useEffect(reload, [reload]);

  const busy = list.status === 'ready' && !list.music.every(settled);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [busy, reload]);
  return { list, reload };
}
