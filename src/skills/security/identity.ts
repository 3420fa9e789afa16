import { z } from 'zod';
import type { Fact } from '../../core/answer';
import { NotFoundError } from '../../core/errors';
import { defineSkill } from '../define';
import { daysBefore, formatDateTime, listInProse, plural } from '../format';
import type { Skill, SkillContext } from '../types';
import {
  capitalised,
  fromSource,
  readContextOf,
  riskLevelSchema,
  sourcesOf,
  userSchema,
} from './common';
import { riskRank } from './match';
import type { DirectoryUser, RiskyUser, SecurityDataSource } from './types';

const riskyInput = z.object({ riskLevel: riskLevelSchema.optional() });

const OPEN_RISK_STATES = new Set(['atRisk', 'confirmedCompromised']);

/** `list_risky_users`: Entra ID Protection's risky users, highest risk first. */
export function createListRiskyUsersSkill(
  source: SecurityDataSource,
): Skill<z.output<typeof riskyInput>> {
  return defineSkill({
    name: 'list_risky_users',
    description:
      'Lists users flagged by Entra ID Protection with risk level, risk state and when the ' +
      'risk was last updated. Filter by risk level.',
    input: riskyInput,
    async run({ riskLevel }, context) {
      const found = await source.listRiskyUsers({ riskLevel }, readContextOf(context));
      const users = [...found].sort((a, b) => riskRank(b.riskLevel) - riskRank(a.riskLevel));

      return fromSource(source, {
        data: { count: users.length, riskyUsers: users },
        sources: sourcesOf(source, context, 'riskyUsers'),
        view: {
          summary: summariseRisky(users, riskLevel, source.name),
          table:
            users.length === 0
              ? undefined
              : {
                  columns: ['User', 'UPN', 'Risk level', 'Risk state', 'Detail', 'Last updated'],
                  rows: users.map((u) => [
                    u.userDisplayName,
                    u.userPrincipalName,
                    capitalised(u.riskLevel),
                    u.riskState,
                    u.riskDetail,
                    formatDateTime(u.riskLastUpdatedDateTime),
                  ]),
                },
        },
      });
    },
  });
}

function summariseRisky(users: RiskyUser[], riskLevel: string | undefined, name: string): string {
  const level = riskLevel ? `${riskLevel}-risk ` : 'risky ';
  if (users.length === 0) return `No ${level}users in ${name}.`;
  const open = users.filter((u) => OPEN_RISK_STATES.has(u.riskState));
  const named = open.slice(0, 4).map((u) => `${u.userDisplayName} (${u.riskLevel})`);
  const openText =
    open.length === 0
      ? 'none is still at risk.'
      : `${open.length} still at risk: ${listInProse(named)}.`;
  return `${plural(users.length, `${level}user`)} in ${name}; ${openText}`;
}

const lookupInput = z.object({
  user: userSchema.describe(
    'UPN, display name or first name, e.g. "bob" or "bob.lee@contoso.com".',
  ),
});

/** Sign-in risk shown on a user's card covers the last week. */
const USER_SIGNIN_DAYS = 7;

/** `lookup_user`: a directory user with risk, devices and recent sign-in activity. */
export function createLookupUserSkill(
  source: SecurityDataSource,
): Skill<z.output<typeof lookupInput>> {
  return defineSkill({
    name: 'lookup_user',
    description:
      'Looks up a directory user by UPN, display name or first name: job, department, account ' +
      'state, MFA registration, Entra ID risk, devices and risky sign-ins in the last 7 days.',
    input: lookupInput,
    async run({ user }, context) {
      const matches = await source.findUsers(user, readContextOf(context));
      if (matches.length === 0) {
        throw new NotFoundError(
          'user_not_found',
          `No user matches "${user}" in ${source.name}. ` +
            'Try the full UPN, such as name@contoso.com.',
        );
      }
      if (matches.length > 1) {
        return fromSource(source, {
          data: { ambiguous: true, candidates: matches.map(brief) },
          sources: sourcesOf(source, context, 'users'),
          view: {
            summary: `${matches.length} users match "${user}". Which one do you mean?`,
            table: {
              columns: ['Name', 'UPN', 'Job title', 'Department'],
              rows: matches.map((m) => [
                m.displayName,
                m.userPrincipalName,
                m.jobTitle ?? '—',
                m.department ?? '—',
              ]),
            },
          },
        });
      }
      return describeUser(source, context, matches[0]);
    },
  });
}

function brief(user: DirectoryUser) {
  return {
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle,
    department: user.department,
  };
}

async function describeUser(
  source: SecurityDataSource,
  context: SkillContext,
  user: DirectoryUser,
) {
  const read = readContextOf(context);
  const upn = user.userPrincipalName;
  const [risky, devices, signIns] = await Promise.all([
    source.listRiskyUsers({}, read),
    source.listDevices({ user: upn }, read),
    source.listSignIns({ user: upn, since: daysBefore(context.now(), USER_SIGNIN_DAYS) }, read),
  ]);
  const risk = risky.find((r) => r.userPrincipalName.toLowerCase() === upn.toLowerCase());
  const riskySignIns = signIns.filter((s) =>
    ['low', 'medium', 'high'].includes(s.riskLevelAggregated),
  );
  const activity = {
    risk,
    devices: devices.map((d) => ({ deviceName: d.deviceName, complianceState: d.complianceState })),
    signInsLast7Days: signIns.length,
    riskySignInsLast7Days: riskySignIns.length,
  };

  return fromSource(source, {
    data: { user, ...activity },
    sources: sourcesOf(source, context, 'users', 'riskyUsers', 'devices', 'signIns'),
    view: {
      summary: summariseUser(user, activity),
      facts: userFacts(user, activity),
    },
  });
}

type Activity = {
  risk?: RiskyUser;
  devices: { deviceName: string; complianceState: string }[];
  signInsLast7Days: number;
  riskySignInsLast7Days: number;
};

function userFacts(user: DirectoryUser, activity: Activity): Fact[] {
  const mfa = user.isMfaRegistered === undefined ? 'unknown' : user.isMfaRegistered ? 'Yes' : 'No';
  return [
    { label: 'UPN', value: user.userPrincipalName },
    { label: 'Job title', value: user.jobTitle ?? '—' },
    { label: 'Department', value: user.department ?? '—' },
    { label: 'Office', value: user.officeLocation ?? '—' },
    { label: 'Account', value: user.accountEnabled ? 'Enabled' : 'Disabled' },
    { label: 'MFA registered', value: mfa },
    {
      label: 'Identity risk',
      value: activity.risk ? `${activity.risk.riskLevel} (${activity.risk.riskState})` : 'none',
    },
    {
      label: 'Devices',
      value:
        activity.devices.map((d) => `${d.deviceName} (${d.complianceState})`).join(', ') || 'none',
    },
    { label: 'Last sign-in', value: formatDateTime(user.lastSignInDateTime) },
    {
      label: `Sign-ins, last ${USER_SIGNIN_DAYS} days`,
      value: `${activity.signInsLast7Days} (${activity.riskySignInsLast7Days} risky)`,
    },
  ];
}

function summariseUser(user: DirectoryUser, activity: Activity): string {
  const role = [user.jobTitle, user.department].filter(Boolean).join(', ');
  const parts = [`**${user.displayName}** (${user.userPrincipalName})${role ? `, ${role}` : ''}.`];
  if (!user.accountEnabled) parts.push('The account is disabled.');
  if (activity.risk && OPEN_RISK_STATES.has(activity.risk.riskState)) {
    parts.push(`Entra ID Protection rates the user ${activity.risk.riskLevel} risk.`);
  }
  if (activity.riskySignInsLast7Days > 0) {
    const count = plural(activity.riskySignInsLast7Days, 'risky sign-in');
    parts.push(`${count} in the last ${USER_SIGNIN_DAYS} days.`);
  }
  if (user.isMfaRegistered === false) parts.push('No MFA method is registered.');
  return parts.join(' ');
}
