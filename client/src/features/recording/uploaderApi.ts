import type { UploaderApi } from './pieceUploader';
import { sendPiece, startRecording } from './recordingApi';

/** The uploader's view of the server. */
export const uploaderApi: UploaderApi = { start: startRecording, send: sendPiece };
