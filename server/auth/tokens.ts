import { createHmac, randomBytes } from 'node:crypto';

/** 256 bits of randomness, safe in cookies and URLs. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps instead of a token: without SESSION_SECRET it cannot be turned back into one. */
export const tokenDigest = (secret: string, token: string): string =>
  createHmac('sha256', secret).update(token).digest('hex');
