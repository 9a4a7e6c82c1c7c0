import { createHash } from 'node:crypto';

/** The Podcasting 2.0 namespace UUID that every `podcast:guid` is derived under. */
export const podcastGuidNamespace = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/** RFC 4122 version 5 (SHA-1, name-based) UUID. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A show's `podcast:guid`, per the Podcasting 2.0 spec: a UUIDv5 of the feed URL with its scheme
 * and trailing slashes removed, so it stays the same across http/https and stays put when the feed moves.
 */
export function podcastGuidForFeedUrl(feedUrl: string): string {
  const name = feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  return uuidV5(name, podcastGuidNamespace);
}
