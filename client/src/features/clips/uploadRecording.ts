import { clipSchema, currentConsentVersion, type Audience, type Clip } from '../../../../shared/contracts/clips';
import { ApiError } from '../../api/ApiError';
import { errorFromAnswer } from '../../api/http';
import { clipsPath } from './clipsApi';

export interface UploadDetails {
  title: string;
  podcast: boolean;
  publicationQuotes: boolean;
  audience: Audience;
  file: File;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** The file is wrong (too big, not audio): the server's words belong next to the file field. */
function aboutTheFile(error: ApiError): ApiError {
  if (error.code !== 'payload_too_large' && error.code !== 'unsupported_media_type') return error;
  return new ApiError(error.code, error.message, {
    status: error.status,
    fields: [{ path: 'audio', message: error.message }],
  });
}

/**
 * Sends a recording with XMLHttpRequest, which (unlike fetch) reports how much has gone up. The text
 * fields go first, so the server checks them before it stores a byte of the file.
 */
export function uploadRecording(
  workspaceId: string,
  details: UploadDetails,
  onProgress: (fraction: number) => void,
): Promise<Clip> {
  const form = new FormData();
  form.append('title', details.title);
  form.append('podcast', String(details.podcast));
  form.append('publicationQuotes', String(details.publicationQuotes));
  form.append('audience', details.audience);
  form.append('consentVersion', String(currentConsentVersion));
  form.append('audio', details.file, details.file.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', clipsPath(workspaceId));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) return reject(aboutTheFile(errorFromAnswer(xhr.status, body)));
      const clip = clipSchema.safeParse(body);
      if (clip.success) return resolve(clip.data);
      reject(
        new ApiError(
          'internal',
          'Your recording was sent, but Chorus answered in a way this page did not understand. Reload the page to see it.',
          { status: xhr.status },
        ),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          'unavailable',
          'The upload stopped because we could not reach Chorus. Check your internet connection, then send it again.',
          { status: 0 },
        ),
      );
    xhr.send(form);
  });
}
