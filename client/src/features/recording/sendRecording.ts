import type { Clip, ConsentChoices } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import type { PieceUploader } from './pieceUploader';
import { pieceStore } from './pieceStore';
import { finishRecording } from './recordingApi';

/** A recording ready to be sent: the take just made, or one that was interrupted. */
export interface Sendable {
  title: string;
  /** The server's id when known (an interrupted recording found on the server). */
  serverId: string | null;
  /** Pieces still on their way, if any. */
  uploader: PieceUploader | null;
  /** Its record on this device, forgotten once it is sent. */
  localKey: string | null;
}

/**
 * Waits until every piece is on the server (or no more can get there: then what arrived is sent), then
 * asks the server to join them and start processing. Resolves with the clip.
 */
export async function sendRecording(recording: Sendable, choices: ConsentChoices, title: string): Promise<Clip> {
  let id = recording.serverId;
  if (recording.uploader) id = (await recording.uploader.settled()).serverId ?? id;
  if (!id) {
    throw new ApiError(
      'conflict',
      'Nothing from this recording has reached Chorus yet, so there is nothing to send. Record it again.',
      { status: 409 },
    );
  }
  const clip = await finishRecording(id, { ...choices, ...(title.trim() ? { title: title.trim() } : {}) });
  recording.uploader?.stop();
  if (recording.localKey) await (await pieceStore()).forget(recording.localKey).catch(() => undefined);
  return clip;
}
