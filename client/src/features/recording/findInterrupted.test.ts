import { describe, expect, it } from 'vitest';
import type { Recording } from '../../../../shared/contracts/recordings';
import { findInterrupted } from './findInterrupted';
import { memoryPieceStore, type LocalRecording } from './pieceStore';
import { lockName } from './recordingLocks';

const local = (key: string, extra: Partial<LocalRecording>): LocalRecording => ({
  key,
  workspaceId: 'ws',
  userId: 'me',
  title: '',
  mimeType: 'audio/webm;codecs=opus',
  serverId: null,
  startedAt: Date.parse('2026-12-01T10:00:00Z'),
  ...extra,
});

const onServer = (id: string, clientKey: string): Recording => ({
  id,
  workspaceId: 'ws',
  clientKey,
  title: 'Mornings',
  mimeType: 'audio/webm;codecs=opus',
  state: 'interrupted',
  nextSeq: 3,
  bytes: 3000,
  recordedSeconds: 12,
  startedAt: '2026-12-01T10:00:00.000Z',
  lastChunkAt: '2026-12-01T10:00:12.000Z',
});

describe('finding interrupted stories on the "Tell a story" page', () => {
  it('offers an interrupted story, but never a voice comment left half-recorded: that one is forgotten', async () => {
    const store = memoryPieceStore();
    await store.saveRecording(local('story', { serverId: 'srv-story', title: 'Mornings' }));
    // A voice comment abandoned before any of it reached the server: its pieces are still here.
    await store.saveRecording(local('comment', { purpose: 'voiceComment' }));
    await store.addPiece({ key: 'comment', seq: 0, blob: new Blob(['a']), recordedMs: 1000 });

    const found = await findInterrupted('ws', 'me', {
      store: async () => store,
      heldLocks: async () => new Set(),
      unsent: async () => [onServer('srv-story', 'story')],
    });

    expect(found.map((f) => [f.serverId, f.title])).toEqual([['srv-story', 'Mornings']]);
    expect((await store.recordings('ws', 'me')).map((r) => r.key)).toEqual(['story']);
    expect(await store.pieces('comment')).toEqual([]);
  });

  it('leaves alone a voice comment still being recorded in another tab', async () => {
    const store = memoryPieceStore();
    await store.saveRecording(local('comment', { purpose: 'voiceComment' }));
    await store.addPiece({ key: 'comment', seq: 0, blob: new Blob(['a']), recordedMs: 1000 });

    const found = await findInterrupted('ws', 'me', {
      store: async () => store,
      heldLocks: async () => new Set([lockName('comment')]),
      unsent: async () => [],
    });

    expect(found).toEqual([]);
    expect(await store.pieces('comment')).toHaveLength(1);
  });
});
