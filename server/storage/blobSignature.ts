import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Disk downloads are served by the app itself, so the link carries its own permission: an HMAC over
 * everything that shapes the response (key, expiry, and the optional file name and content type).
 * Changing any of them, or using the link after `expires`, gets a 403.
 */

export interface SignedDownloadParams {
  filename?: string;
  contentType?: string;
}

export type SignatureCheck = 'valid' | 'expired' | 'invalid';

function payload(key: string, expires: number, params: SignedDownloadParams): string {
  // JSON keeps the fields unambiguous: no value can smuggle in a separator and shift another field.
  return JSON.stringify(['chorus-blob-v1', key, expires, params.filename ?? null, params.contentType ?? null]);
}

export function signBlob(secret: string, key: string, expires: number, params: SignedDownloadParams = {}): string {
  return createHmac('sha256', secret)
    .update(payload(key, expires, params))
    .digest('base64url');
}

/**
 * `expires` is a Unix time in seconds and `now` a Unix time in milliseconds (`Date.now()`).
 * The signature is checked before the expiry so a forged link learns nothing about timing.
 */
export function verifyBlobSignature(
  secret: string,
  key: string,
  expires: number,
  signature: string,
  now: number,
  params: SignedDownloadParams = {},
): SignatureCheck {
  if (!Number.isSafeInteger(expires)) return 'invalid';
  const expected = Buffer.from(signBlob(secret, key, expires, params));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return now >= expires * 1000 ? 'expired' : 'valid';
}
