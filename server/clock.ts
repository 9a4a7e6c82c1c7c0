/** ISO-8601 UTC, the one timestamp format stored in either database. */
export const nowIso = (): string => new Date().toISOString();

export const isoAfter = (ms: number, from = Date.now()): string => new Date(from + ms).toISOString();
