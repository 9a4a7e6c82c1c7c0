import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentThread, DocumentThreadList } from '../../../../../shared/contracts/documentThreads';
import type { DocumentThreadEvent, ThreadMentionEvent } from '../../../../../shared/realtime/events';
import { toApiError } from '../../../api/ApiError';
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
 * workspace's room. After a break in the connection everything is loaded again (changes were missed).
 */
export function useDocumentThreads(
  documentId: string,
  workspaceId: string,
  onChange: (event: DocumentThreadEvent) => void,
): DocumentThreads {
  const [threads, setThreads] = useState<DocumentThread[]>([]);
  const [abilities, setAbilities] = useState(nothingYet);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [mention, setMention] = useState<ThreadMentionEvent | null>(null);
  const room = useWorkspaceRoom(workspaceId, noChange);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });

  const load = useCallback(() => {
    listThreads(documentId).then(
      (list) => {
        setThreads(list.threads);
        setAbilities(list.abilities);
        setProblem(null);
        setLoading(false);
      },
      (e: unknown) => {
        setProblem(toApiError(e).message);
        setLoading(false);
      },
    );
  }, [documentId]);

  useEffect(load, [load]);

  useEffect(() => {
    const socket = getSocket();
    const onThread = (event: DocumentThreadEvent) => {
      if (event.documentId !== documentId) return;
      setThreads((list) => withThread(list, event.thread));
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
  }, [documentId, workspaceId]);

  const wasAway = useRef(false);
  useEffect(() => {
    if (room.connection === 'reconnecting' || room.connection === 'refused') wasAway.current = true;
    if (room.connection === 'connected' && wasAway.current) {
      wasAway.current = false;
      load();
    }
  }, [room.connection, load]);

  const update = useCallback((thread: DocumentThread) => setThreads((list) => withThread(list, thread)), []);
  return { threads, abilities, loading, problem, mention, update };
}
