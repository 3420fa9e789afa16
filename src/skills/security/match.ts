import type { IncidentQuery, SecurityIncident } from './types';

/**
 * Matching rules shared by the skills and by sources that filter in memory, so "bob",
 * "Bob Lee" and "bob.lee@contoso.com" find the same person everywhere.
 */

export interface NamedUser {
  userPrincipalName: string;
  displayName?: string;
  userDisplayName?: string;
}

/**
 * True when `query` is the user's UPN, the part of the UPN before `@`, the full display name,
 * or one of its words (a first or last name). Case-insensitive; blanks match nothing.
 */
export function matchesUser(query: string, user: NamedUser): boolean {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return false;

  const upn = user.userPrincipalName.toLowerCase();
  const name = (user.displayName ?? user.userDisplayName ?? '').toLowerCase();
  if (wanted === upn || wanted === upn.split('@')[0] || wanted === name) return true;
  return name.split(/\s+/).includes(wanted);
}

/** Case-insensitive "contains", for device and application names. */
export function containsText(haystack: string | undefined, needle: string): boolean {
  return (haystack ?? '').toLowerCase().includes(needle.trim().toLowerCase());
}

/** True when `iso` is at or after `since` (or no bound is given). */
export function isSince(iso: string, since: Date | undefined): boolean {
  return since === undefined || Date.parse(iso) >= since.getTime();
}

/** Newest first by an ISO timestamp field. */
export function newestFirst<T>(items: readonly T[], timeOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(timeOf(b)) - Date.parse(timeOf(a)));
}

const RISK_ORDER = ['none', 'hidden', 'low', 'medium', 'high'];

/** Orders risk levels so `high` sorts first. */
export function riskRank(level: string): number {
  return RISK_ORDER.indexOf(level);
}

/**
 * The incidents that answer a query, newest first. Sources apply it in memory even after
 * asking the server to filter, so a server that ignores `$filter` never widens the answer.
 */
export function incidentsMatching(
  incidents: readonly SecurityIncident[],
  query: IncidentQuery,
): SecurityIncident[] {
  return newestFirst(
    incidents.filter(
      (i) =>
        (!query.severity || i.severity === query.severity) &&
        (!query.status || i.status === query.status) &&
        isSince(i.createdDateTime, query.since),
    ),
    (i) => i.createdDateTime,
  );
}
