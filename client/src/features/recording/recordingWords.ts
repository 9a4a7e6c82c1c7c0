import type { ClipStatus } from '../../../../shared/contracts/clips';
import { clockTime, plural } from '../clips/clipWords';
import type { UploadStatus } from './pieceUploader';

/** Plain words for the recording screen. */

/** "0:07", "1:42", "1:02:03" from milliseconds, rounded down to the second. */
export const elapsedWords = (ms: number): string => clockTime(Math.floor(ms / 1000));

/** "about 40 seconds", "about 2 minutes 5 seconds": how much of a recording there is, for a sentence. */
export function lengthWords(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  if (m === 0) return `about ${plural(s, 'second')}`;
  return `about ${plural(m, 'minute')}${s > 0 ? ` ${plural(s, 'second')}` : ''}`;
}

/** What the upload is doing, in the words the status line uses; empty before anything was recorded. */
export function uploadWords(status: UploadStatus, recording: boolean): string {
  switch (status.phase) {
    case 'idle':
      return '';
    case 'sending':
      return 'Uploading…';
    case 'safe':
      return recording
        ? 'Everything recorded so far is safe on the server'
        : 'All of your recording is safe on the server';
    case 'offline':
      return `Offline — we will keep trying. ${status.waiting > 0 ? 'Your recording is kept on this device until then.' : ''}`.trim();
    case 'failed':
    case 'lost':
      return status.message ?? 'Part of your recording could not be sent.';
  }
}

/**
 * How a browser recording shows in a list of clips: `recording` while its pieces arrive, `interrupted`
 * when nothing has arrived for a while (it was never sent). Null for every other status.
 */
export function recordingListWords(status: ClipStatus): string | null {
  if (status === 'recording') return 'Recording…';
  if (status === 'interrupted') return 'Interrupted — not sent yet';
  return null;
}
