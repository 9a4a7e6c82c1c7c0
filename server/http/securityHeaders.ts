import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

/**
 * The app's Content-Security-Policy. No inline script anywhere: every script is a file from our origin.
 * `<style>` elements need this response's nonce (Tiptap and wavesurfer add one each, and read the nonce from
 * index.html); style attributes stay allowed because React, ProseMirror's decorations and the carets set
 * colours and sizes with them, and with images, fonts and connections held to our origin they cannot send
 * anything anywhere. `blob:` is for listening back to a recording before it is sent.
 * Pages with their own needs (the public episode page) set their own policy over this one.
 */
export function appContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Browser features no page of ours uses are switched off; the microphone is for our own pages only. */
const permissionsPolicy = [
  'microphone=(self)',
  'camera=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'midi=()',
  'display-capture=()',
].join(', ');

/** The nonce this response's policy accepts for `<style>` elements (index.html carries it to the client). */
export const cspNonceOf = (res: Response): string => String(res.locals.cspNonce ?? '');

/**
 * Headers every response carries, API, static files and pages alike. HSTS only when Chorus is reached over
 * https (`PUBLIC_URL`): sent over plain http it would be ignored, and on a test machine it would pin localhost.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', appContentSecurityPolicy(nonce));
    res.setHeader('Permissions-Policy', permissionsPolicy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
