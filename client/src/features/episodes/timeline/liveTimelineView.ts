import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Timeline } from '../../../../../shared/contracts/episodes';
import { readTimelineDoc, selectedIndexOf, timelinePresenceSchema } from '../../../../../shared/episodes/timelineDoc';
import { timelineCheckSchema, type TimelineCheck } from '../../../../../shared/realtime/collab';
import type { CollabSocket } from '../../../realtime/collabSocket';
import type { TimelinePeer } from './timelineHandle';

export interface LiveTimelineSnapshot {
  timeline: Timeline;
  peers: TimelinePeer[];
  /** The server's latest word on the live timeline (null until it has checked a change). */
  check: TimelineCheck | null;
}

/**
 * What the screens read from one open timeline document: the timeline, the other people and their
 * selections, and the server's checks, as one snapshot that changes only when one of them does.
 */
export class LiveTimelineView {
  snapshot: LiveTimelineSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly docId: string,
    private readonly doc: Y.Doc,
    private readonly awareness: Awareness,
    private readonly socket: CollabSocket,
  ) {
    this.snapshot = { timeline: this.readTimeline(), peers: this.readPeers(), check: null };
    doc.on('update', this.onDoc);
    awareness.on('change', this.onAwareness);
    socket.on('timeline:check', this.onCheck);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveTimelineSnapshot => this.snapshot;

  destroy(): void {
    this.doc.off('update', this.onDoc);
    this.awareness.off('change', this.onAwareness);
    this.socket.off('timeline:check', this.onCheck);
    this.listeners.clear();
  }

  private set(change: Partial<LiveTimelineSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const l of this.listeners) l();
  }

  // The document holds what editors wrote through the same handle; the server checks it against the
  // contract and says what is wrong (onCheck), so it is shown as it is, even while a trim is half done.
  private readTimeline = (): Timeline => readTimelineDoc(this.doc) as unknown as Timeline;

  private readPeers(): TimelinePeer[] {
    const peers: TimelinePeer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.doc.clientID) return;
      const parsed = timelinePresenceSchema.safeParse((state as { user?: unknown }).user);
      if (!parsed.success) return;
      peers.push({
        key: String(clientId),
        name: parsed.data.name,
        colour: parsed.data.colour,
        selectedIndex: selectedIndexOf(this.doc, parsed.data),
      });
    });
    return peers.sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  }

  private onDoc = () => this.set({ timeline: this.readTimeline(), peers: this.readPeers() });

  private onAwareness = () => this.set({ peers: this.readPeers() });

  private onCheck = (docId: string, raw: TimelineCheck) => {
    if (docId !== this.docId) return;
    const parsed = timelineCheckSchema.safeParse(raw);
    if (parsed.success) this.set({ check: parsed.data });
  };
}
