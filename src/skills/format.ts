/** Small formatting helpers shared by skill views, so every card reads dates and lists alike. */

/** `2025-06-01T09:14:00Z` → `2025-06-01 09:14 UTC`; passes unreadable values through. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2025-06-01T09:14:00Z` → `2025-06-01`. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

/** "1 sign-in", "3 sign-ins". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "a", "a and b", "a, b and c". */
export function listInProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Shortens text to at most `maxChars`, preferring a sentence end, then a word end, and marks
 * the cut with an ellipsis.
 */
export function trimText(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;

  const head = clean.slice(0, maxChars - 1);
  const sentenceEnd = head.lastIndexOf('. ');
  if (sentenceEnd > maxChars * 0.6) return head.slice(0, sentenceEnd + 1);
  const wordEnd = head.lastIndexOf(' ');
  return `${head.slice(0, wordEnd > 0 ? wordEnd : head.length)}…`;
}

/** The ISO timestamp `days` days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}

/** Keeps the first `limit` rows and says how many were left out, for table captions. */
export function firstRows<T>(rows: readonly T[], limit: number): { shown: T[]; caption?: string } {
  if (rows.length <= limit) return { shown: [...rows] };
  return { shown: rows.slice(0, limit), caption: `Showing ${limit} of ${rows.length}.` };
}
