import { createHash } from 'node:crypto';

/**
 * The id of a clip's transcript document, derived from the clip's id (a name-based UUID, version 5 in form), so
 * one clip has exactly one transcript document and anything that knows the clip knows where its words are,
 * even after the link row is gone (a withdrawal deletes both).
 */
export function transcriptDocumentId(clipId: string): string {
  const hash = createHash('sha1').update(`chorus:clip-transcript:${clipId.toLowerCase()}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
