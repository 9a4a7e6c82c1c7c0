/**
 * Where API calls live: each feature keeps its own, in `client/src/features/<feature>/<feature>Api.ts`
 * (a part with its own folder may have its own, e.g. `documents/threads/threadsApi.ts`). This folder holds
 * only the plumbing they share: `http.ts` (requests checked against the shared contracts) and `ApiError.ts`.
 */
import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import { ApiError } from './ApiError';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const offline = (cause: unknown) =>
  new ApiError('unavailable', 'We could not reach Chorus. Check your internet connection, then try again.', {
    status: 0,
    cause,
  });

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body instanceof FormData) {
    // The browser sets the multipart Content-Type with its boundary.
    init.body = body;
  } else if (method !== 'GET') {
    // The server's CSRF guard wants a JSON body on every change, even when there is nothing to say.
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  try {
    return await fetch(path, init);
  } catch (cause) {
    throw offline(cause);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A failed answer as an ApiError: the server's code and words when it sent them, plain words otherwise. */
export function errorFromAnswer(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(code, message, { status, ...(fields ? { fields } : {}) });
  }
  return new ApiError(
    status >= 500 ? 'unavailable' : 'internal',
    'Chorus could not do that just now. Wait a moment, then try again.',
    { status },
  );
}

async function failure(response: Response): Promise<ApiError> {
  return errorFromAnswer(response.status, await readJson(response));
}

/**
 * Call the API and check the answer against the shared contract. `body` is sent as JSON, or as a multipart
 * form when it is FormData (uploads: put the text fields before the file, the server reads them first).
 */
export async function requestJson<T>(method: Method, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (!response.ok) throw await failure(response);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error);
    throw new ApiError(
      'internal',
      'Chorus sent an answer this page did not understand. Reload the page and try again.',
      {
        status: response.status,
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/** Call the API when success has no body (204). */
export async function requestEmpty(method: Method, path: string, body?: unknown): Promise<void> {
  const response = await send(method, path, body);
  if (!response.ok) throw await failure(response);
}
