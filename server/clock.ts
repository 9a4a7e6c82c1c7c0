/** ISO-8601 UTC, the one timestamp format stored in either database. */
export const nowIso = (): string => new Date().toISOString();

export const isoAfter = (ms: number, from = Date.now()): string => new Date(from + ms).toISOString();

/** What time it is, for code whose tests need to move time (the daily digest): pass `systemClock` otherwise. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
