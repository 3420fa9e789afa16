/** Demo timestamps are offsets from `now`, so "this week" always has data. */

export interface Offset {
  days?: number;
  hours?: number;
  minutes?: number;
}

const MINUTE_MS = 60 * 1000;

export function ago(now: Date, offset: Offset): string {
  const minutes = (offset.days ?? 0) * 24 * 60 + (offset.hours ?? 0) * 60 + (offset.minutes ?? 0);
  return new Date(now.getTime() - minutes * MINUTE_MS).toISOString();
}

/**
 * `minutes` ago, but never before midnight UTC of `now`'s day: events the story places "today"
 * stay today even just after midnight.
 */
export function todayAgo(now: Date, minutes: number): string {
  const startOfDayMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(Math.max(now.getTime() - minutes * MINUTE_MS, startOfDayMs)).toISOString();
}
