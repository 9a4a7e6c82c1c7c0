/** Limits and timings of the collaboration server; every one can be changed per server (tests shorten the timers). */
export interface CollabOptions {
  /** Largest `y` message accepted, in bytes. Socket.IO's own limit (maxHttpBufferSize) closes the connection above it. */
  maxMessageBytes: number;
  /** Largest awareness message (cursor, name, colour) accepted, in bytes. */
  maxAwarenessBytes: number;
  /** Largest a document may grow (encoded Yjs state, estimated as snapshot size plus updates since). */
  maxDocumentBytes: number;
  maxClientsPerDocument: number;
  /** How many documents one connection may have open at once. */
  maxDocumentsPerConnection: number;
  /** Awareness messages accepted per connection per second (a burst of the same size is allowed). */
  awarenessPerSecond: number;
  /**
   * A busy document relays changes at most every (people in it × this) ms, merging what arrived in
   * between: relaying costs a socket write per person, so a crowded document relays in slightly
   * larger batches (100 people: every 10 ms) while a small or quiet one relays each change at once.
   */
  relayIntervalPerPeerMs: number;
  /** A snapshot is written after this long without changes… */
  snapshotQuietMs: number;
  /** …and at least this often while changes keep coming. */
  snapshotMaxWaitMs: number;
  /** A failed snapshot is tried again after this long. */
  snapshotRetryMs: number;
  /** Reading changes another instance logged is tried again after this long when storage could not be read. */
  catchUpRetryMs: number;
  /** A document nobody has open leaves memory after this long (once its snapshot is written). */
  idleUnloadMs: number;
  /** A written snapshot is also kept as an automatic checkpoint in the version history at most this often (0: never). */
  checkpointEveryMs: number;
}

export const defaultCollabOptions: CollabOptions = {
  maxMessageBytes: 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxClientsPerDocument: 200,
  maxDocumentsPerConnection: 50,
  awarenessPerSecond: 30,
  relayIntervalPerPeerMs: 0.1,
  snapshotQuietMs: 2000,
  snapshotMaxWaitMs: 30_000,
  snapshotRetryMs: 5000,
  catchUpRetryMs: 500,
  idleUnloadMs: 30_000,
  checkpointEveryMs: 10 * 60_000,
};

export const collabOptions = (overrides: Partial<CollabOptions> = {}): CollabOptions => ({
  ...defaultCollabOptions,
  ...overrides,
});
