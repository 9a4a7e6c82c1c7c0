import { clipSchema, type Clip } from '../../../../shared/contracts/clips';
import {
  recordingListSchema,
  recordingProgressSchema,
  recordingSchema,
  type CreateRecordingBody,
  type FinishRecordingBody,
  type Recording,
  type RecordingProgress,
} from '../../../../shared/contracts/recordings';
import { errorBodySchema } from '../../../../shared/errors';
import { ApiError } from '../../api/ApiError';
import { requestEmpty, requestJson } from '../../api/http';

const one = (id: string) => `/api/recordings/${encodeURIComponent(id)}`;
const inWorkspace = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/recordings`;

export const startRecording = (workspaceId: string, body: CreateRecordingBody): Promise<Recording> =>
  requestJson('POST', inWorkspace(workspaceId), recordingSchema, body);

export const getRecording = (id: string): Promise<Recording> => requestJson('GET', one(id), recordingSchema);

export const listUnsentRecordings = async (workspaceId: string): Promise<Recording[]> =>
  (await requestJson('GET', inWorkspace(workspaceId), recordingListSchema)).recordings;

export const finishRecording = (id: string, body: FinishRecordingBody): Promise<Clip> =>
  requestJson('POST', `${one(id)}/finish`, clipSchema, body);

export const discardRecording = (id: string): Promise<void> => requestEmpty('DELETE', one(id));

/** A stored piece, or a 409 saying which piece the server needs next. Anything else is thrown as an ApiError. */
export type PieceAnswer =
  { kind: 'stored'; progress: RecordingProgress } | { kind: 'conflict'; progress: RecordingProgress; message: string };

const offline = (cause: unknown) =>
  new ApiError('unavailable', 'We could not reach Chorus. Check your internet connection; we will keep trying.', {
    status: 0,
    cause,
  });

/** `PUT /api/recordings/:id/chunks/:seq` with the piece's raw bytes. */
export async function sendPiece(id: string, seq: number, piece: Blob, recordedMs: number): Promise<PieceAnswer> {
  let response: Response;
  try {
    response = await fetch(`${one(id)}/chunks/${seq}?recordedMs=${Math.max(0, Math.round(recordedMs))}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
      body: piece,
    });
  } catch (cause) {
    throw offline(cause);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    if (response.ok) throw offline(cause); // cut off mid-answer: try again
    body = undefined;
  }
  if (response.ok) return { kind: 'stored', progress: recordingProgressSchema.parse(body) };
  const error = errorBodySchema.safeParse(body);
  if (response.status === 409) {
    const progress = recordingProgressSchema.safeParse(body);
    if (progress.success)
      return { kind: 'conflict', progress: progress.data, message: error.success ? error.data.error.message : '' };
  }
  if (error.success) throw new ApiError(error.data.error.code, error.data.error.message, { status: response.status });
  throw new ApiError(
    response.status >= 500 ? 'unavailable' : 'internal',
    'Chorus could not take this part of your recording just now. We will try again.',
    {
      status: response.status,
    },
  );
}
