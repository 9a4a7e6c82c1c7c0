import { useEffect, useState } from 'react';
import type { DocumentExport } from '../../../../../shared/contracts/exports';
import type { ExportUpdatedEvent } from '../../../../../shared/realtime/events';
import { toApiError } from '../../../api/ApiError';
import { LiveState } from '../../../realtime/liveState';
import { afterEachJoin } from '../../../realtime/roomJoins';
import { getSocket } from '../../../realtime/socket';
import { getExport } from './exportsApi';

/** While nothing arrives live (a missed event, a dropped connection), ask again this often. */
const POLL_MS = 3_000;

export const exportFinished = (e: Pick<DocumentExport, 'status'>) => e.status === 'ready' || e.status === 'failed';

/**
 * One export as it is made: progress arrives live in the workspace room (joined by the comments panel on the
 * same page); the export is fetched again when it finishes, for its link or its failure, after each join of the
 * room (news sent before it reached nobody here), and now and then in case an event was missed.
 */
export function useExportProgress(
  workspaceId: string,
  exportId: string | null,
): { current: DocumentExport | null; problem: string | null } {
  const [current, setCurrent] = useState<DocumentExport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setCurrent(null);
    setProblem(null);
    if (!exportId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Progress told live while an answer was on its way is newer than the answer; of two answers, the newer wins.
    const live = new LiveState<DocumentExport | null>((update) => {
      if (!stopped) setCurrent(update);
    });
    const load = () => {
      clearTimeout(timer);
      const loading = live.begin();
      getExport(exportId).then(
        (e) => {
          if (stopped) return;
          loading.answer(e);
          setProblem(null);
          if (!exportFinished(e)) timer = setTimeout(load, POLL_MS);
        },
        (e: unknown) => {
          loading.drop();
          if (stopped) return;
          setProblem(toApiError(e).message);
          timer = setTimeout(load, POLL_MS);
        },
      );
    };
    const onUpdate = (e: ExportUpdatedEvent) => {
      if (e.exportId !== exportId) return;
      if (e.status === 'ready' || e.status === 'failed') load();
      else live.change((c) => (c && !exportFinished(c) ? { ...c, status: e.status, progress: e.progress } : c));
    };
    const socket = getSocket();
    socket.on('export:updated', onUpdate);
    const offJoin = afterEachJoin(workspaceId, load);
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket.off('export:updated', onUpdate);
      offJoin();
    };
  }, [workspaceId, exportId]);

  return { current, problem };
}
