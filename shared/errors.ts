import { z } from 'zod';

/**
 * Every failure crosses the wire as `{ error: { code, message, fields? } }`.
 * The code decides the HTTP status, so server and client agree on what a failure means.
 */
export const errorStatus = {
  validation_failed: 400,
  malformed_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  /** The page's editor is older (or newer) than the server accepts: reload, do not retry. */
  schema_outdated: 409,
  /** Someone heard in the episode has not approved their parts yet (the message names who). */
  signoff_pending: 409,
  invite_expired: 410,
  invite_used_up: 410,
  clip_withdrawn: 410,
  render_removed: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** The file is of the right kind but cannot be used as it is (e.g. artwork of the wrong size). */
  unprocessable_content: 422,
  range_not_satisfiable: 416,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const fieldProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.array(fieldProblemSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
