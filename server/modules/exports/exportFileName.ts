/**
 * The name an export is offered under: the document's title (and version name, if one was asked for) with
 * the characters file systems refuse taken out, then the format's extension. Letters of every script stay
 * (the Content-Disposition header carries them in its RFC 5987 `filename*`).
 */
export function exportFileName(title: string, extension: string, versionName?: string | null): string {
  const clean = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '');
  const base = [clean(title), versionName ? clean(versionName) : ''].filter(Boolean).join(' - ') || 'Document';
  return `${[...base].slice(0, 120).join('').trim()}.${extension}`;
}
