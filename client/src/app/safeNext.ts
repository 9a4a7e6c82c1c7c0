/** Where to go after signing in: only paths on this site, never another site (`//evil.example`). */
export function safeNext(value: string | null | undefined, origin = window.location.origin, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

export const withNext = (path: string, next: string | null): string =>
  next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path;
