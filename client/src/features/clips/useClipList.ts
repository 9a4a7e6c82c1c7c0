import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import { toApiError, type ApiError } from '../../api/ApiError';
import type { WorkspaceRoom } from '../../realtime/useWorkspaceRoom';
import { listClips } from './clipsApi';
import { statusWords } from './clipWords';
import { useClipEvents } from './useClipEvents';

export type ClipListState =
  { status: 'loading' } | { status: 'ready'; clips: ClipSummary[] } | { status: 'failed'; error: ApiError };

/**
 * The workspace's recordings, kept up to date by the clip events: progress, status, review and comment
 * counts change in place; anything new is fetched again. `news` is a sentence for screen readers when
 * something worth hearing happens (a recording arrives, is ready, or could not be processed).
 */
export function useClipList(workspaceId: string): {
  list: ClipListState;
  room: WorkspaceRoom;
  news: string;
  reload(): void;
} {
  const [list, setList] = useState<ClipListState>({ status: 'loading' });
  const [news, setNews] = useState('');
  const round = useRef(0);

  const reload = useCallback(() => {
    const mine = ++round.current;
    listClips(workspaceId).then(
      (clips) => mine === round.current && setList({ status: 'ready', clips }),
      (e: unknown) =>
        mine === round.current &&
        setList((was) => (was.status === 'ready' ? was : { status: 'failed', error: toApiError(e) })),
    );
  }, [workspaceId]);

  useEffect(reload, [reload]);

  const patch = useCallback((clipId: string, change: (c: ClipSummary) => ClipSummary) => {
    setList((was) =>
      was.status === 'ready'
        ? { status: 'ready', clips: was.clips.map((c) => (c.id === clipId ? change(c) : c)) }
        : was,
    );
  }, []);

  const titleOf = (clipId: string) =>
    list.status === 'ready' ? list.clips.find((c) => c.id === clipId)?.title : undefined;

  const room = useClipEvents(workspaceId, {
    'clip:created': reload,
    'clip:status': (e) => {
      patch(e.clipId, (c) => ({
        ...c,
        status: e.status,
        failureReason: e.failureReason,
        progress: e.status === 'processing' ? c.progress : null,
      }));
      // Ready brings a duration with it; fetch the list again for that.
      if (e.status === 'ready' || e.status === 'failed') {
        reload();
        const title = titleOf(e.clipId);
        if (title) setNews(`“${title}”: ${statusWords({ ...e, progress: null, withdrawn: false }).text}`);
      }
    },
    'clip:progress': (e) =>
      patch(e.clipId, (c) =>
        c.status === 'ready' || c.status === 'failed' ? c : { ...c, status: 'processing', progress: e.progress },
      ),
    'clip:review': (e) => patch(e.clipId, (c) => ({ ...c, reviewState: e.state })),
    'clip:comment': (e) => {
      if (e.comment.parentId !== null) return; // replies do not open or close a thread
      const step = e.change === 'resolved' ? -1 : 1;
      patch(e.clipId, (c) => ({ ...c, openComments: Math.max(0, c.openComments + step) }));
    },
    'clip:consent': reload,
    'clip:withdrawn': (e) => patch(e.clipId, (c) => ({ ...c, withdrawn: true, consent: null })),
    // A recording its maker threw away before sending leaves the list for everyone.
    'clip:discarded': (e) =>
      setList((was) =>
        was.status === 'ready' ? { status: 'ready', clips: was.clips.filter((c) => c.id !== e.clipId) } : was,
      ),
    resync: reload,
  });

  return { list, room, news, reload };
}
