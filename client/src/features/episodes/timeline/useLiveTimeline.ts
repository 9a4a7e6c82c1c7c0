import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Episode } from '../../../../../shared/contracts/episodes';
import * as live from '../../../../../shared/episodes/timelineDoc';
import { personColour } from '../../../editor/personColour';
import { useCollabDocument } from '../../../realtime/collabHook';
import type { CollabProvider, CollabState } from '../../../realtime/collabProvider';
import { acquireCollabSocket, releaseCollabSocket } from '../../../realtime/collabSocket';
import { LiveTimelineView, type LiveTimelineSnapshot } from './liveTimelineView';
import type { TimelineHandle } from './timelineHandle';

const empty: LiveTimelineSnapshot = { timeline: { items: [], chapters: [] }, peers: [], check: null };
const noSubscription = () => () => undefined;
const statusOf = (s: CollabState['status']): TimelineHandle['status'] =>
  s === 'synced' || s === 'saving' ? 'ready' : s === 'connecting' ? 'loading' : s;

/**
 * The episode's timeline co-edited live: its Yjs document joined through the co-writing provider, so
 * everyone's edits merge (see shared/episodes/timelineDoc.ts) and each person's selection shows to the others.
 */
export function useLiveTimeline(
  episode: Pick<Episode, 'timelineDocumentId' | 'abilities'>,
  person: { id: string; name: string },
): TimelineHandle {
  const docId = episode.timelineDocumentId;
  const { provider, state } = useCollabDocument(docId, person.id, episode.abilities.edit);
  const [view, setView] = useState<LiveTimelineView | null>(null);

  useEffect(() => {
    if (!provider) return;
    const socket = acquireCollabSocket();
    const opened = new LiveTimelineView(docId, provider.doc, provider.awareness, socket);
    setView(opened);
    provider.awareness.setLocalStateField('user', {
      name: person.name,
      colour: personColour(person.id),
      selectedIndex: null,
      selectedKey: null,
    } satisfies live.TimelinePresence);
    return () => {
      setView((v) => (v === opened ? null : v));
      opened.destroy();
      releaseCollabSocket();
    };
  }, [provider, docId, person.id, person.name]);

  const snapshot = useSyncExternalStore(view?.subscribe ?? noSubscription, view?.getSnapshot ?? (() => empty));

  return useMemo((): TimelineHandle => {
    const doc = provider?.doc;
    const edit = (change: (d: NonNullable<typeof doc>) => void) => {
      if (doc && state.canEdit) change(doc);
    };
    const refused = snapshot.check && !snapshot.check.saved ? snapshot.check.message : null;
    return {
      status: provider ? statusOf(state.status) : 'loading',
      error: state.problem?.message ?? refused,
      canEdit: state.canEdit,
      timeline: snapshot.timeline,
      peers: snapshot.peers,
      insertItem: (index, item) => edit((d) => live.insertItem(d, index, item)),
      updateItem: (index, patch) => edit((d) => live.updateItem(d, index, patch)),
      moveItem: (from, to) => edit((d) => live.moveItem(d, from, to)),
      removeItem: (index) => edit((d) => live.removeItem(d, index)),
      setChapters: (chapters) => edit((d) => live.setChapters(d, chapters)),
      select: (index) => {
        if (!provider || !doc) return;
        const user = {
          name: person.name,
          colour: personColour(person.id),
          selectedIndex: index,
          selectedKey: live.keyAt(doc, index),
        };
        provider.awareness.setLocalStateField('user', user satisfies live.TimelinePresence);
      },
      whenSaved: () =>
        provider
          ? whenHeld(provider)
          : Promise.reject(new Error('The timeline is still opening. Try again in a moment.')),
    };
  }, [provider, state, snapshot, person.id, person.name]);
}

/** Resolves once the server holds every change made here (the render reads the live timeline itself). */
function whenHeld(provider: CollabProvider, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(
      () =>
        done(
          new Error(
            'Your latest timeline changes have not reached the server yet. Check your connection, then try again.',
          ),
        ),
      timeoutMs,
    );
    const done = (error?: Error) => {
      clearTimeout(timer);
      unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const look = () => {
      const s = provider.getState();
      if (s.status === 'synced') done();
      else if (s.status === 'error') done(new Error(s.problem?.message ?? 'The timeline could not be saved.'));
    };
    unsubscribe = provider.subscribe(look);
    look();
  });
}
