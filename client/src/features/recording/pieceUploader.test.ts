import { describe, expect, it } from 'vitest';
import type { CreateRecordingBody, Recording, RecordingProgress } from '../../../../shared/contracts/recordings';
import { ApiError } from '../../api/ApiError';
import { PieceUploader, type UploaderApi } from './pieceUploader';
import { memoryPieceStore, type LocalRecording } from './pieceStore';
import type { PieceAnswer } from './recordingApi';

const local = (): LocalRecording => ({
  key: 'k-1',
  workspaceId: 'ws',
  userId: 'me',
  title: 'A story',
  mimeType: 'audio/webm;codecs=opus',
  serverId: null,
  startedAt: 0,
});
const blob = (text: string) => new Blob([text]);
const fast = { backoffMs: () => 1, whenOnline: () => new Promise<void>(() => undefined) };

/** A stand-in server: keeps pieces in order like the real one, and can be told to fail. */
function fakeServer() {
  const server = {
    starts: [] as CreateRecordingBody[],
    stored: [] as string[],
    bytes: 0,
    failNext: [] as Array<Error | 'gap'>,
    api: null as unknown as UploaderApi,
  };
  const progress = (): RecordingProgress => ({
    id: 'srv-1',
    state: 'recording',
    nextSeq: server.stored.length,
    bytes: server.bytes,
    recordedSeconds: null,
  });
  server.api = {
    async start(_ws, body) {
      const failure = server.failNext.shift();
      if (failure instanceof Error) throw failure;
      server.starts.push(body);
      return { id: 'srv-1' } as Recording;
    },
    async send(_id, seq, piece): Promise<PieceAnswer> {
      const failure = server.failNext.shift();
      if (failure instanceof Error) throw failure;
      if (seq === server.stored.length) {
        server.stored.push(await piece.text());
        server.bytes += piece.size;
        return { kind: 'stored', progress: progress() };
      }
      return { kind: 'conflict', progress: progress(), message: `Send piece ${server.stored.length} next.` };
    },
  };
  return server;
}

describe('sending a recording piece by piece', () => {
  it('starts the recording once, sends every piece in order, and forgets each once the server has it', async () => {
    const server = fakeServer();
    const store = memoryPieceStore();
    const uploader = new PieceUploader(local(), store, server.api, fast);
    const phases: string[] = [];
    uploader.subscribe((s) => phases.push(s.phase));
    await uploader.add(0, blob('aaa'), 5000);
    await uploader.add(1, blob('bb'), 10000);
    await uploader.add(2, blob('c'), 12000);
    const done = await uploader.settled();
    expect(done).toMatchObject({ phase: 'safe', waiting: 0, bytesSafe: 6, serverId: 'srv-1' });
    expect(server.stored).toEqual(['aaa', 'bb', 'c']);
    expect(server.starts).toEqual([{ mimeType: 'audio/webm;codecs=opus', clientKey: 'k-1', title: 'A story' }]);
    expect(await store.pieces('k-1')).toEqual([]);
    expect(phases).toContain('sending');
    expect((await store.recordings('ws', 'me')).length).toBe(1); // remembered with its server id
    expect((await store.recordings('ws', 'me'))[0]!.serverId).toBe('srv-1');
  });

  it('starts a voice comment as a voice comment, even when another page carries it on', async () => {
    const server = fakeServer();
    const uploader = new PieceUploader({ ...local(), purpose: 'voiceComment' }, memoryPieceStore(), server.api, fast);
    await uploader.add(0, blob('aaa'), 5000);
    await uploader.settled();
    expect(server.starts).toEqual([
      { mimeType: 'audio/webm;codecs=opus', clientKey: 'k-1', title: 'A story', purpose: 'voiceComment' },
    ]);
  });

  it('keeps pieces on the device while offline and sends them when it can', async () => {
    const server = fakeServer();
    const offline = new ApiError('unavailable', 'offline', { status: 0 });
    server.failNext.push(offline, offline, new ApiError('unavailable', 'busy', { status: 503 }));
    const store = memoryPieceStore();
    const uploader = new PieceUploader(local(), store, server.api, fast);
    const phases = new Set<string>();
    uploader.subscribe((s) => phases.add(s.phase));
    await uploader.add(0, blob('one'), 5000);
    await uploader.add(1, blob('two'), 10000);
    expect((await uploader.settled()).phase).toBe('safe');
    expect(phases.has('offline')).toBe(true);
    expect(server.starts.length).toBe(1);
    expect(server.stored).toEqual(['one', 'two']);
  });

  it('skips pieces the server already has, after a lost answer', async () => {
    const server = fakeServer();
    server.stored.push('one', 'two');
    const uploader = new PieceUploader({ ...local(), serverId: 'srv-1' }, memoryPieceStore(), server.api, fast);
    await uploader.add(1, blob('two'), 10000);
    await uploader.add(2, blob('three'), 15000);
    expect((await uploader.settled()).phase).toBe('safe');
    expect(server.stored).toEqual(['one', 'two', 'three']);
  });

  it('stops, saying so, when a piece the server needs is gone', async () => {
    const server = fakeServer();
    const uploader = new PieceUploader({ ...local(), serverId: 'srv-1' }, memoryPieceStore(), server.api, fast);
    await uploader.add(3, blob('four'), 20000);
    const done = await uploader.settled();
    expect(done.phase).toBe('lost');
    expect(done.message).toContain('What arrived before it is safe');
  });

  it('gives up with the server’s words when trying again cannot help', async () => {
    const server = fakeServer();
    server.failNext.push(
      new ApiError('forbidden', 'Only the person making this recording can add to it.', { status: 403 }),
    );
    const uploader = new PieceUploader(local(), memoryPieceStore(), server.api, fast);
    await uploader.add(0, blob('one'), 5000);
    expect(await uploader.settled()).toMatchObject({
      phase: 'failed',
      message: 'Only the person making this recording can add to it.',
      waiting: 1,
    });
  });

  it('picks up the pieces a closed tab left behind', async () => {
    const server = fakeServer();
    const store = memoryPieceStore();
    await store.saveRecording(local()); // as the page does when recording starts
    const first = new PieceUploader(local(), store, server.api, fast);
    first.stop(); // the tab closes before anything is sent
    await first.add(0, blob('one'), 5000);
    await first.add(1, blob('two'), 10000);
    expect(server.stored).toEqual([]);
    const [saved] = await store.recordings('ws', 'me');
    const again = new PieceUploader(saved!, store, server.api, fast);
    await again.resume();
    expect((await again.settled()).phase).toBe('safe');
    expect(server.stored).toEqual(['one', 'two']);
  });
});
