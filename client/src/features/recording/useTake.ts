import { useCallback, useEffect, useRef, useState } from 'react';
import { PieceUploader, type UploadStatus } from './pieceUploader';
import { pieceStore, type LocalRecording } from './pieceStore';
import { discardRecording } from './recordingApi';
import { holdLock, lockName } from './recordingLocks';
import type { Sendable } from './sendRecording';
import { uploaderApi } from './uploaderApi';
import { useRecorder, type Recorder } from './useRecorder';
import { useUploadStatus } from './useUploadStatus';

export interface Take {
  recorder: Recorder;
  upload: UploadStatus | null;
  /** Asks for the microphone and starts recording; false when it could not (see `recorder.problem`). */
  begin(title: string): Promise<boolean>;
  /** Throws this take away, here and on the server, and gets ready for a new one. */
  discard(): Promise<void>;
  /** What to send: this take. */
  sendable(title: string): Sendable | null;
  /** Forget the take after it was sent, ready for another story. */
  clear(): void;
}

/**
 * One recording being made: the microphone (useRecorder), and its pieces on their way to the server
 * (PieceUploader), with a Web Lock held meanwhile so a reloaded page knows it is not interrupted.
 */
export function useTake(workspaceId: string, userId: string, purpose: 'story' | 'voiceComment' = 'story'): Take {
  const recorder = useRecorder();
  const [uploader, setUploader] = useState<PieceUploader | null>(null);
  const upload = useUploadStatus(uploader);
  const release = useRef<(() => void) | null>(null);

  const letGo = useCallback(() => {
    release.current?.();
    release.current = null;
  }, []);

  const begin = useCallback(
    async (title: string) => {
      const store = await pieceStore();
      let current: PieceUploader | null = null;
      return recorder.start({
        onStarted(mimeType) {
          const local: LocalRecording = {
            key: crypto.randomUUID(),
            workspaceId,
            userId,
            title,
            mimeType,
            serverId: null,
            startedAt: Date.now(),
            purpose,
          };
          void store.saveRecording(local).catch(() => undefined);
          letGo();
          release.current = holdLock(lockName(local.key));
          current = new PieceUploader(local, store, uploaderApi);
          setUploader(current);
        },
        onPiece(seq, piece, recordedMs) {
          void current?.add(seq, piece, recordedMs);
        },
      });
    },
    [recorder, workspaceId, userId, letGo, purpose],
  );

  const discard = useCallback(async () => {
    const was = uploader;
    recorder.reset();
    setUploader(null);
    letGo();
    if (!was) return;
    was.stop();
    const id = was.status.serverId;
    // If the server cannot be told now, the recording shows as interrupted and is offered again later.
    if (id) await discardRecording(id).catch(() => undefined);
    await (await pieceStore()).forget(was.recording.key).catch(() => undefined);
  }, [uploader, recorder, letGo]);

  const sendable = useCallback(
    (title: string): Sendable | null =>
      uploader ? { title, serverId: uploader.status.serverId, uploader, localKey: uploader.recording.key } : null,
    [uploader],
  );

  const clear = useCallback(() => {
    recorder.reset();
    setUploader(null);
    letGo();
  }, [recorder, letGo]);

  // Leaving the page: pieces not yet sent stay on this device and go next time.
  useEffect(() => () => uploader?.stop(), [uploader]);
  useEffect(() => letGo, [letGo]);

  return { recorder, upload, begin, discard, sendable, clear };
}
