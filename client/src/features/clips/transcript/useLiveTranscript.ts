import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readTranscriptDoc, type LiveTranscript } from '../../../../../shared/transcripts/transcriptDoc';
import { useCollabDocument } from '../../../realtime/collabHook';
import type { CollabState } from '../../../realtime/collabProvider';

const empty: LiveTranscript = { segments: [], speakers: {}, checked: false };
const noSubscription = () => () => undefined;

/** A store of the transcript as plain JSON, read again after each change to the document. */
function transcriptStore(doc: Y.Doc) {
  let current = readTranscriptDoc(doc);
  return {
    subscribe(listener: () => void) {
      const onUpdate = () => {
        current = readTranscriptDoc(doc);
        listener();
      };
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
    getSnapshot: () => current,
  };
}

/** The clip's transcript document joined live on `/collab`: its Y.Doc (to edit), what it says, and how it stands. */
export function useLiveTranscript(
  documentId: string,
  userId: string,
  canEdit: boolean,
): { doc: Y.Doc | null; transcript: LiveTranscript; state: CollabState } {
  const { provider, state } = useCollabDocument(documentId, userId, canEdit);
  const store = useMemo(() => (provider ? transcriptStore(provider.doc) : null), [provider]);
  const transcript = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? (() => empty));
  return { doc: provider?.doc ?? null, transcript, state };
}
