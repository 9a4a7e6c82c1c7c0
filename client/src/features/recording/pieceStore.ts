/**
 * Pieces of a recording kept on this device until the server has them, so a closed tab or a lost
 * connection costs nothing that was already recorded: each piece is written here first, sent, and only
 * then forgotten. IndexedDB where the browser has it (it can hold Blobs), memory otherwise.
 */

/** A recording made in this browser. `key` is also the `clientKey` the server knows it by. */
export interface LocalRecording {
  key: string;
  workspaceId: string;
  userId: string;
  title: string;
  mimeType: string;
  /** The server's id once it has started the recording. */
  serverId: string | null;
  startedAt: number;
  /** A voice comment, not a story (absent on records kept before voice comments existed: a story). */
  purpose?: 'story' | 'voiceComment';
}

export interface StoredPiece {
  key: string;
  seq: number;
  blob: Blob;
  recordedMs: number;
}

export interface PieceStore {
  saveRecording(recording: LocalRecording): Promise<void>;
  recordings(workspaceId: string, userId: string): Promise<LocalRecording[]>;
  /** Forgets a recording and every piece of it still here. */
  forget(key: string): Promise<void>;
  addPiece(piece: StoredPiece): Promise<void>;
  /** The pieces not yet sent, in order. */
  pieces(key: string): Promise<StoredPiece[]>;
  removePiece(key: string, seq: number): Promise<void>;
}

export function memoryPieceStore(): PieceStore {
  const recordings = new Map<string, LocalRecording>();
  const pieces = new Map<string, StoredPiece>();
  const id = (key: string, seq: number) => `${key}/${seq}`;
  return {
    async saveRecording(r) {
      recordings.set(r.key, { ...r });
    },
    async recordings(workspaceId, userId) {
      return [...recordings.values()].filter((r) => r.workspaceId === workspaceId && r.userId === userId);
    },
    async forget(key) {
      recordings.delete(key);
      for (const [k, p] of pieces) if (p.key === key) pieces.delete(k);
    },
    async addPiece(p) {
      pieces.set(id(p.key, p.seq), p);
    },
    async pieces(key) {
      return [...pieces.values()].filter((p) => p.key === key).sort((a, b) => a.seq - b.seq);
    },
    async removePiece(key, seq) {
      pieces.delete(id(key, seq));
    },
  };
}

const DB_NAME = 'chorus-recordings';

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

function openDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('recordings', { keyPath: 'key' });
    db.createObjectStore('pieces', { keyPath: ['key', 'seq'] });
  };
  return done(request);
}

function indexedDbPieceStore(db: IDBDatabase): PieceStore {
  const write = async (stores: string[], work: (tx: IDBTransaction) => void) => {
    const tx = db.transaction(stores, 'readwrite');
    work(tx);
    await committed(tx);
  };
  const piecesOf = (key: string) => IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]);
  return {
    saveRecording: (r) => write(['recordings'], (tx) => tx.objectStore('recordings').put(r)),
    async recordings(workspaceId, userId) {
      const all = await done(
        db.transaction('recordings').objectStore('recordings').getAll() as IDBRequest<LocalRecording[]>,
      );
      return all.filter((r) => r.workspaceId === workspaceId && r.userId === userId);
    },
    forget: (key) =>
      write(['recordings', 'pieces'], (tx) => {
        tx.objectStore('recordings').delete(key);
        tx.objectStore('pieces').delete(piecesOf(key));
      }),
    addPiece: (p) => write(['pieces'], (tx) => tx.objectStore('pieces').put(p)),
    pieces: (key) =>
      done(db.transaction('pieces').objectStore('pieces').getAll(piecesOf(key)) as IDBRequest<StoredPiece[]>),
    removePiece: (key, seq) => write(['pieces'], (tx) => tx.objectStore('pieces').delete([key, seq])),
  };
}

let shared: Promise<PieceStore> | null = null;

/** The store for this tab: IndexedDB when it opens, memory when it cannot (private windows in some browsers). */
export function pieceStore(): Promise<PieceStore> {
  shared ??= (typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : openDb()).then(
    indexedDbPieceStore,
    (e: unknown) => {
      console.warn('Recording pieces are kept in memory only on this device', e);
      return memoryPieceStore();
    },
  );
  return shared;
}
