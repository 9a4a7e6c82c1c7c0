/**
 * `attachment; filename="..."; filename*=UTF-8''...` (RFC 6266): the quoted ASCII form for old
 * clients and the encoded form so names like "Épisode 3 – Zoë.mp3" survive intact.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
