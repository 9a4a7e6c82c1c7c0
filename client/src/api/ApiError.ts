import type { ErrorCode, FieldProblem } from '../../../shared/errors';

/** A failure the person can act on: the server's code, its plain-words message and any field problems. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldProblem[];

  constructor(code: ErrorCode, message: string, options: { status: number; fields?: FieldProblem[]; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status;
    this.fields = options.fields ?? [];
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Turn anything thrown into an ApiError, so screens only ever deal with one kind of failure. */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  return new ApiError('internal', 'Something went wrong on this page. Reload the page and try again.', {
    status: 0,
    cause: e,
  });
}
