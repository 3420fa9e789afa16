import { isIP } from 'node:net';
import { z } from 'zod';
import type { Source } from '../../core/answer';
import { daysBefore } from '../format';
import { refang } from '../indicators/refang';
import type { SkillContext, SkillResult } from '../types';
import type { ReadContext, SecurityDataSource, SecurityDataset, SourceReport } from './types';

export const severitySchema = z
  .enum(['informational', 'low', 'medium', 'high'])
  .describe('Incident severity: informational, low, medium or high.');

export const incidentStatusSchema = z
  .enum(['active', 'inProgress', 'resolved', 'redirected'])
  .describe('Incident status: active, inProgress, resolved or redirected.');

export const riskLevelSchema = z
  .enum(['low', 'medium', 'high'])
  .describe('Risk level: low, medium or high.');

export const userSchema = z
  .string()
  .trim()
  .min(1, { error: 'user is empty: give a UPN, a display name or a first name.' })
  .max(256);

export const sinceDaysSchema = z
  .number()
  .int()
  .min(1, { error: 'sinceDays must be at least 1.' })
  .max(365, { error: 'sinceDays can be at most 365.' });

/** An IP address, accepted defanged (`185[.]220[.]101[.]4`) and returned plain. */
export const ipSchema = z
  .string()
  .trim()
  .transform((value) => refang(value).text)
  .refine((value) => isIP(value) !== 0, {
    error: 'ip must be an IPv4 or IPv6 address, such as 185.220.101.4.',
  });

/**
 * Entra ID keeps sign-in logs for 30 days and Defender advanced hunting keeps 30 days of
 * network events, so longer windows are shortened and the answer says so.
 */
export const TELEMETRY_RETENTION_DAYS = 30;

export function retentionWindow(requestedDays: number): { days: number; note?: string } {
  if (requestedDays <= TELEMETRY_RETENTION_DAYS) return { days: requestedDays };
  return {
    days: TELEMETRY_RETENTION_DAYS,
    note:
      `Sign-in and network logs are kept for ${TELEMETRY_RETENTION_DAYS} days, ` +
      `so this covers the last ${TELEMETRY_RETENTION_DAYS}.`,
  };
}

/** The exact requests live sources made during one skill run, by dataset; the first wins. */
const citedRequests = new WeakMap<SkillContext, Map<SecurityDataset, string>>();

export function readContextOf(context: SkillContext): ReadContext {
  const cite = (dataset: SecurityDataset, requestUrl: string) => {
    const cited = citedRequests.get(context) ?? new Map<SecurityDataset, string>();
    citedRequests.set(context, cited);
    if (!cited.has(dataset)) cited.set(dataset, requestUrl);
  };
  return { tenantId: context.tenantId, signal: context.signal, cite };
}

/**
 * True when a list for a named user came back empty because nobody has that name: such an
 * answer should say so, not "no sign-ins" or "no risk detections".
 */
export async function isUnknownUser(
  source: SecurityDataSource,
  context: SkillContext,
  user: string | undefined,
  found: readonly unknown[],
): Promise<boolean> {
  if (!user || found.length > 0) return false;
  const users = await source.findUsers(user, readContextOf(context));
  return users.length === 0;
}

export function sinceDate(context: SkillContext, days: number | undefined): Date | undefined {
  return days === undefined ? undefined : daysBefore(context.now(), days);
}

/** "in the last 7 days", "today", or "" when there is no window. */
export function windowPhrase(days: number | undefined): string {
  if (days === undefined) return '';
  return days === 1 ? ' in the last day' : ` in the last ${days} days`;
}

/** The source entries for datasets read from a security source, stamped with the read time. */
export function sourcesOf(
  source: SecurityDataSource,
  context: SkillContext,
  ...datasets: SecurityDataset[]
): Source[] {
  const retrievedAt = context.now().toISOString();
  const cited = citedRequests.get(context);
  return datasets.map((dataset) => {
    const described = source.describe(dataset);
    const url = cited?.get(dataset) ?? described.url;
    return url === undefined ? { ...described, retrievedAt } : { ...described, url, retrievedAt };
  });
}

/**
 * Adds the demo label when any data came from the demo tenant. Judged by the sources cited, not
 * by the source as a whole: live Sentinel incidents beside demo sign-ins are labelled apart.
 */
export function fromSource(source: SecurityDataSource, result: SkillResult): SkillResult {
  const demo = source.demo || result.sources.some((cited) => cited.kind === 'demo');
  return demo ? { ...result, demoData: true } : result;
}

/** A read that records which products answered and which failed (see `SourceReport`). */
export function reportingRead(context: SkillContext): { read: ReadContext; report: SourceReport } {
  const report: SourceReport = { answered: [], failed: [] };
  return { read: { ...readContextOf(context), report }, report };
}

/** The products that answered, or the source's own citation when it does not report. */
export function reportedSources(
  source: SecurityDataSource,
  context: SkillContext,
  dataset: SecurityDataset,
  report: SourceReport,
): Source[] {
  if (report.answered.length === 0) return sourcesOf(source, context, dataset);
  const retrievedAt = context.now().toISOString();
  return report.answered.map(({ source: cited }) => ({ ...cited, retrievedAt }));
}

/** "Microsoft Graph and Microsoft Sentinel": the products that answered, for summaries. */
export function reportedName(source: SecurityDataSource, report: SourceReport): string {
  const names = report.answered.map(({ name }) => name);
  return names.length === 0 ? source.name : names.join(' and ');
}

/** " Microsoft Sentinel could not be read (…), so this shows the other sources only." */
export function failedSourcesNote(report: SourceReport): string {
  if (report.failed.length === 0) return '';
  const reasons = report.failed.map(({ name, reason }) => `${name} could not be read (${reason})`);
  return ` ${reasons.join('; ')}, so this shows the other sources only.`;
}

export function statusLabel(status: string): string {
  return status === 'inProgress' ? 'in progress' : status;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
