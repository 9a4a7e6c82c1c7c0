import { errorStatus, type ErrorBody, type ErrorCode, type FieldProblem } from '../shared/errors';

/**
 * The one error type the server throws on purpose. `message` is for the person on the other end:
 * say what went wrong and how to put it right. Anything else that escapes becomes a plain 500.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldProblem[] | undefined;

  constructor(code: ErrorCode, message: string, options?: { fields?: FieldProblem[]; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.fields = options?.fields;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const notFound = (what: string) =>
  new AppError('not_found', `We could not find that ${what}. It may have been removed, or the link may be wrong.`);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
