import { AppError } from '../errors';
import type { ByteRange, DownloadUrlOptions, PutOptions } from './BlobStore';

/**
 * Checks on the non-key arguments, shared by both stores so they refuse exactly the same inputs
 * (the contract suite holds them to that).
 */

// S3 refuses presigned URLs valid for longer than 7 days; disk URLs follow the same rule.
export const MAX_URL_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

// A value that becomes an HTTP header: printable ASCII only, so it can never split a header.
const HEADER_SAFE = /^[\x20-\x7e]*$/;
const MIME =
  /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=("[^"\\]*"|[A-Za-z0-9!#$&^_.+-]+))*$/;

const invalid = (message: string) => new AppError('validation_failed', message);

export function checkContentType(contentType: string | undefined): void {
  if (contentType === undefined) return;
  if (contentType.length > 255 || !HEADER_SAFE.test(contentType) || !MIME.test(contentType)) {
    throw invalid(`"${contentType.slice(0, 80)}" is not a valid content type (expected something like "audio/mpeg").`);
  }
}

export function checkPutOptions(options: PutOptions | undefined): void {
  checkContentType(options?.contentType);
  const max = options?.maxBytes;
  if (max !== undefined && !(Number.isSafeInteger(max) && max >= 0)) {
    throw invalid(`The size limit ${String(max)} must be a whole number of bytes.`);
  }
}

export function checkRange(range: ByteRange | undefined): void {
  if (range === undefined) return;
  const { start, end } = range;
  if (!(Number.isSafeInteger(start) && start >= 0))
    throw invalid(`The range start ${String(start)} must be a whole number of 0 or more.`);
  if (end !== undefined && !(Number.isSafeInteger(end) && end >= start)) {
    throw invalid(`The range end ${String(end)} must be a whole number no smaller than the start (${start}).`);
  }
}

/** Clamps a requested range to an object of `size` bytes, the way an HTTP server would. */
export function resolveRange(range: ByteRange, size: number, key: string): { start: number; end: number } {
  if (range.start >= size) {
    throw new AppError(
      'range_not_satisfiable',
      `The requested range starts at byte ${range.start}, but "${key}" has only ${size} bytes.`,
    );
  }
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

export function checkDownloadOptions(options: DownloadUrlOptions): void {
  const { expiresInSeconds, filename, contentType } = options;
  if (!(
    Number.isSafeInteger(expiresInSeconds) &&
    expiresInSeconds >= 1 &&
    expiresInSeconds <= MAX_URL_LIFETIME_SECONDS
  )) {
    throw invalid(
      `A download link must expire after 1 to ${MAX_URL_LIFETIME_SECONDS} seconds, not ${String(expiresInSeconds)}.`,
    );
  }
  if (filename !== undefined && (filename.length === 0 || filename.length > 255 || hasControlCharacter(filename))) {
    throw invalid('A download file name must be 1 to 255 characters with no control characters.');
  }
  checkContentType(contentType);
}

// Control characters in a file name could end or split the Content-Disposition header.
const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
