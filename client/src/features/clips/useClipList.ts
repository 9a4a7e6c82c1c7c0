import { useCallback, useState } from 'react';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import { useReloadable } from '../../app/useReloadable';
import type { Resource } from '../../app/useResource';
import type { WorkspaceRoom } from '../../realtime/useWorkspaceRoom';
import { listClips } from './clipsApi';
import { statusWords } from './clipWords';
import { useClipEvents } from './useClipEvents';

export type ClipListState = Resource<ClipSummary[]>;

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
  const { resource: list, reload, change } = useReloadable(workspaceId, listClips);
  const [news, setNews] = useState('');

  const patch = useCallback(
    (clipId: string, edit: (c: ClipSummary) => ClipSummary) =>
      change((clips) => clips.map((c) => (c.id === clipId ? edit(c) : c))),
    [change],
  );

  const titleOf = (clipId: string) =>
    list.status === 'ready' ? list.data.find((c) => c.id === clipId)?.title : undefined;

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
    'clip:discarded': (e) => change((clips) => clips.filter((c) => c.id !== e.clipId)),
    resync: reload,
  });

  return { list, room, news, reload };
}
