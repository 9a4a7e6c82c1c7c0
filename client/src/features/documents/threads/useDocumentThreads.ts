import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentThread, DocumentThreadList } from '../../../../../shared/contracts/documentThreads';
import type { DocumentThreadEvent, ThreadMentionEvent } from '../../../../../shared/realtime/events';
import { toApiError } from '../../../api/ApiError';
import { useLiveState } from '../../../realtime/liveState';
import { useAfterEachJoin } from '../../../realtime/roomJoins';
import { getSocket } from '../../../realtime/socket';
import { useWorkspaceRoom } from '../../../realtime/useWorkspaceRoom';
import { withThread } from './threadGroups';
import { listThreads } from './threadsApi';

export interface DocumentThreads {
  threads: DocumentThread[];
  abilities: DocumentThreadList['abilities'];
  loading: boolean;
  problem: string | null;
  /** The latest mention of me in this workspace, to show and announce. */
  mention: ThreadMentionEvent | null;
  /** A thread as the server answered or announced it. */
  update(thread: DocumentThread): void;
}

const noChange = () => undefined;
const nothingYet: DocumentThreadList['abilities'] = { create: false, reply: false, resolveAny: false };

/**
 * The comment threads of one document, kept live: loaded over HTTP, then every change announced in the
 * workspace's room, which this joins for the document page. After every join (the first, and again after a break
 * in the connection) everything is loaded again: changes made before it were told to nobody here.
 */
export function useDocumentThreads(
  documentId: string,
  workspaceId: string,
  onChange: (event: DocumentThreadEvent) => void,
): DocumentThreads {
  const [threads, live] = useLiveState<DocumentThread[]>([]);
  const [abilities, setAbilities] = useState(nothingYet);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [mention, setMention] = useState<ThreadMentionEvent | null>(null);
  useWorkspaceRoom(workspaceId, noChange);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });

  const load = useCallback(() => {
    const loading = live.begin();
    listThreads(documentId).then(
      (list) => {
        // Threads changed live since it was asked for are shown as they are now, not as this answer has them.
        loading.answer(list.threads);
        setAbilities(list.abilities);
        setProblem(null);
        setLoading(false);
      },
      (e: unknown) => {
        loading.drop();
        setProblem(toApiError(e).message);
        setLoading(false);
      },
    );
  }, [documentId, live]);

  useEffect(load, [load]);
  useAfterEachJoin(workspaceId, load);

  useEffect(() => {
    const socket = getSocket();
    const onThread = (event: DocumentThreadEvent) => {
      if (event.documentId !== documentId) return;
      live.change((list) => withThread(list, event.thread));
      changed.current(event);
    };
    const onMention = (event: ThreadMentionEvent) => {
      if (event.workspaceId === workspaceId) setMention(event);
    };
    socket.on('thread:changed', onThread);
    socket.on('thread:mention', onMention);
    return () => {
      socket.off('thread:changed', onThread);
      socket.off('thread:mention', onMention);
    };
  }, [documentId, workspaceId, live]);

  const update = useCallback((thread: DocumentThread) => live.change((list) => withThread(list, thread)), [live]);
  return { threads, abilities, loading, problem, mention, update };
}
