import { useEffect, useState, useSyncExternalStore } from 'react';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/editor/version';
import { CollabProvider, type CollabState } from './collabProvider';
import { acquireCollabSocket, releaseCollabSocket } from './collabSocket';

const noSubscription = () => () => undefined;

/**
 * Open one document for live co-writing while the component is on screen. The copy kept on this
 * device is per person (`userId`), so someone else signing in on the same computer never sends it.
 */
export function useCollabDocument(
  docId: string,
  userId: string,
  initialCanEdit: boolean,
): { provider: CollabProvider | null; state: CollabState } {
  const [provider, setProvider] = useState<CollabProvider | null>(null);
  const [initial] = useState<CollabState>(() => ({
    status: 'connecting',
    canEdit: initialCanEdit,
    canSuggest: initialCanEdit,
    problem: null,
  }));

  useEffect(() => {
    const socket = acquireCollabSocket();
    const opened = new CollabProvider({
      docId,
      socket,
      canEdit: initialCanEdit,
      schemaVersion: EDITOR_SCHEMA_VERSION,
      storageKey: `chorus:document:${userId}:${docId}`,
    });
    setProvider(opened);
    return () => {
      setProvider((current) => (current === opened ? null : current));
      opened.destroy();
      releaseCollabSocket();
    };
    // Whether to allow typing before the server answers only matters when the document opens.
  }, [docId, userId]);

  const state = useSyncExternalStore(provider?.subscribe ?? noSubscription, provider?.getState ?? (() => initial));
  return { provider, state };
}
