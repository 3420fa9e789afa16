import { z } from 'zod';
import type { Table } from '../../core/answer';
import { defineSkill } from '../define';
import { firstRows, formatDateTime, listInProse, plural } from '../format';
import type { Skill } from '../types';
import {
  fromSource,
  ipSchema,
  isUnknownUser,
  readContextOf,
  retentionWindow,
  riskLevelSchema,
  sinceDate,
  sinceDaysSchema,
  sourcesOf,
  userSchema,
  windowPhrase,
} from './common';
import { newestFirst } from './match';
import type { SecurityDataSource, SignIn } from './types';

const DEFAULT_DAYS = 7;
const MAX_TABLE_ROWS = 50;

const input = z.object({
  user: userSchema.optional().describe('UPN, display name or first name, e.g. "bob".'),
  ip: ipSchema.optional().describe('Only sign-ins from this IP address.'),
  app: z.string().trim().min(1).max(200).optional().describe('Application name, e.g. Outlook.'),
  riskLevel: riskLevelSchema.optional(),
  riskyOnly: z.boolean().optional().describe('Only sign-ins with any risk (low or above).'),
  sinceDays: sinceDaysSchema.optional().describe('How many days back to look. Default 7.'),
});

type Input = z.output<typeof input>;

/** `list_signins`: Entra ID sign-ins with risk, location and result. */
export function createListSignInsSkill(source: SecurityDataSource): Skill<Input> {
  return defineSkill({
    name: 'list_signins',
    description:
      'Lists Entra ID sign-ins with user, app, IP, location, risk level and result. Filter by ' +
      'user (UPN, name or first name), IP, app, risk level, risky only, and days back.',
    input,
    async run(query, context) {
      const window = retentionWindow(query.sinceDays ?? DEFAULT_DAYS);
      const found = await source.listSignIns(
        {
          user: query.user,
          ipAddress: query.ip,
          app: query.app,
          riskLevel: query.riskLevel,
          riskyOnly: query.riskyOnly,
          since: sinceDate(context, window.days),
        },
        readContextOf(context),
      );
      const signIns = newestFirst(found, (s) => s.createdDateTime);
      const { shown, caption } = firstRows(signIns, MAX_TABLE_ROWS);
      const unknownUser = await isUnknownUser(source, context, query.user, signIns);

      return fromSource(source, {
        data: { count: signIns.length, days: window.days, signIns: shown.map(compactSignIn) },
        sources: sourcesOf(source, context, 'signIns'),
        view: {
          summary: [summarise(signIns, query, window.days, source.name, unknownUser), window.note]
            .filter(Boolean)
            .join(' '),
          table: signIns.length === 0 ? undefined : signInTable(shown, caption),
        },
      });
    },
  });
}

function compactSignIn(signIn: SignIn) {
  return {
    createdDateTime: signIn.createdDateTime,
    userPrincipalName: signIn.userPrincipalName,
    appDisplayName: signIn.appDisplayName,
    ipAddress: signIn.ipAddress,
    location: placeOf(signIn),
    riskLevelAggregated: signIn.riskLevelAggregated,
    riskEventTypes: signIn.riskEventTypes,
    succeeded: signIn.status.errorCode === 0,
    failureReason: signIn.status.failureReason,
  };
}

function placeOf(signIn: SignIn): string {
  const { city, countryOrRegion } = signIn.location;
  return [city, countryOrRegion].filter(Boolean).join(', ') || 'unknown';
}

function isRisky(signIn: SignIn): boolean {
  return ['low', 'medium', 'high'].includes(signIn.riskLevelAggregated);
}

function riskText(signIn: SignIn): string {
  if (!isRisky(signIn)) return 'none';
  const events = signIn.riskEventTypes;
  return events.length === 0
    ? signIn.riskLevelAggregated
    : `${signIn.riskLevelAggregated} (${events.join(', ')})`;
}

function signInTable(signIns: SignIn[], caption?: string): Table {
  return {
    columns: ['Time', 'User', 'App', 'IP', 'Location', 'Risk', 'Result'],
    rows: signIns.map((s) => [
      formatDateTime(s.createdDateTime),
      s.userPrincipalName,
      s.appDisplayName,
      s.ipAddress,
      placeOf(s),
      riskText(s),
      s.status.errorCode === 0
        ? 'Success'
        : `Failed: ${s.status.failureReason ?? s.status.errorCode}`,
    ]),
    caption,
  };
}

function summarise(
  signIns: SignIn[],
  query: Input,
  days: number,
  sourceName: string,
  unknownUser: boolean,
): string {
  if (unknownUser) return `No user matches "${query.user}" in ${sourceName}.`;
  const filters = [
    query.user ? ` for ${query.user}` : '',
    query.ip ? ` from ${query.ip}` : '',
    query.app ? ` to ${query.app}` : '',
  ].join('');
  const kind = query.riskLevel
    ? `${query.riskLevel}-risk sign-in`
    : query.riskyOnly
      ? 'risky sign-in'
      : 'sign-in';
  const headline = `${plural(signIns.length, kind)}${filters}${windowPhrase(days)}`;
  if (signIns.length === 0) return `No ${kind}s${filters}${windowPhrase(days)} in ${sourceName}.`;

  const risky = signIns.filter(isRisky);
  const failed = signIns.filter((s) => s.status.errorCode !== 0).length;
  const parts = [`${headline}.`];
  if (risky.length > 0 && !query.riskLevel && !query.riskyOnly) {
    parts.push(`${plural(risky.length, 'was', 'were')} risky.`);
  }
  if (risky.length > 0) {
    const ips = [...new Set(risky.map((s) => s.ipAddress))].slice(0, 3);
    const users = [...new Set(risky.map((s) => s.userDisplayName))].slice(0, 3);
    parts.push(`Risky sign-ins came from ${listInProse(ips)} (${listInProse(users)}).`);
  }
  if (failed > 0) parts.push(`${plural(failed, 'attempt')} failed.`);
  return parts.join(' ');
}
