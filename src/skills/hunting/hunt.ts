import { z } from 'zod';
import { defineSkill } from '../define';
import { plural } from '../format';
import { defang } from '../indicators/defang';
import { ipSchema, userSchema } from '../security/common';
import type { Skill } from '../types';
import {
  HUNT_NAMES,
  type HuntName,
  type HuntParams,
  RARE_PROCESS_MAX_DEVICES,
  anomalousSignInsQuery,
  failedSignInsQuery,
  ipActivityQuery,
  rareProcessesQuery,
} from './hunts';
import {
  compactRows,
  partialNote,
  queryBlock,
  queryWindow,
  rowsTable,
  runQuery,
  querySources,
  spanPhrase,
  workspaceLabel,
} from './results';
import type { HuntingOptions, KqlRunner } from './types';

const DEFAULT_DAYS = 7;

const input = z
  .object({
    hunt: z
      .enum(HUNT_NAMES)
      .describe(
        'failed_signins: failed Entra ID sign-ins (needs user or ip). anomalous_signins: ' +
          'sign-ins rated risky (needs user or ip). ip_activity: everything an IP did in ' +
          'sign-ins, firewall and endpoint network logs (needs ip). rare_processes: processes ' +
          'on one device that few other devices ran (needs host).',
      ),
    user: userSchema.optional().describe('UPN (exact) or first/display name, e.g. "bob".'),
    ip: ipSchema.optional().describe('IP address; defanged forms are accepted.'),
    host: z
      .string()
      .trim()
      .min(1, { error: 'host is empty: give a device name such as CONTOSO-LT-0115.' })
      .max(255)
      .optional()
      .describe('Device name, short or fully qualified.'),
    sinceDays: z
      .number()
      .int()
      .min(1, { error: 'sinceDays must be at least 1.' })
      .max(365, { error: 'sinceDays can be at most 365.' })
      .optional()
      .describe(`How many days back to look. Default ${DEFAULT_DAYS}.`),
  })
  .superRefine((value, issues) => {
    const missing = missingParameter(value);
    if (missing !== undefined) issues.addIssue({ code: 'custom', message: missing });
  });

type Input = z.output<typeof input>;

/** What each hunt needs, in the words the error shows. */
function missingParameter(value: Pick<Input, 'hunt' | 'user' | 'ip' | 'host'>) {
  const needsUserOrIp = value.hunt === 'failed_signins' || value.hunt === 'anomalous_signins';
  if (needsUserOrIp && value.user === undefined && value.ip === undefined) {
    return `${value.hunt} needs a user (UPN or name) or an ip; give at least one of them.`;
  }
  if (value.hunt === 'ip_activity' && value.ip === undefined) {
    return 'ip_activity needs an ip, such as 185.220.101.4.';
  }
  if (value.hunt === 'rare_processes' && value.host === undefined) {
    return 'rare_processes needs a host: the device name, such as CONTOSO-LT-0115.';
  }
  return undefined;
}

/** `hunt`: ready-made, parameterised KQL hunts over the Sentinel workspace. */
export function createHuntSkill(runner: KqlRunner, options: HuntingOptions): Skill<Input> {
  return defineSkill({
    name: 'hunt',
    description:
      'Runs a ready-made KQL hunt in the Microsoft Sentinel workspace: failed sign-ins or ' +
      'risky sign-ins for a user or IP, all activity of an IP across sign-in, firewall and ' +
      'endpoint logs, or rare processes on a device. Prefer it to run_kql for these questions.',
    input,
    async run(asked, context) {
      const window = queryWindow((asked.sinceDays ?? DEFAULT_DAYS) * 24, options.maxHours);
      const query = huntQuery(asked, options.maxRows);
      const ran = await runQuery(runner, context, query, window);
      const rows = ran.result.rows;
      const subject = subjectPhrase(asked);
      const headline = headlineOf(
        asked.hunt,
        rows,
        subject,
        `the last ${spanPhrase(window.hours)}`,
      );
      const notes = [window.note, partialNote(ran.result)].filter(Boolean);

      return {
        data: {
          hunt: asked.hunt,
          query,
          timespan: window.timespan,
          rowCount: rows.length,
          rows: compactRows(rows),
          partialError: ran.result.partialError,
        },
        sources: querySources(runner, options, context, ran),
        view: {
          summary: [[headline, ...notes].join(' '), queryBlock(query)].join('\n\n'),
          facts: [
            { label: 'Workspace', value: workspaceLabel(runner, options) },
            { label: 'Time window', value: `Last ${spanPhrase(window.hours)}` },
          ],
          table: rowsTable(rows),
        },
      };
    },
  });
}

function huntQuery(asked: Input, take: number): string {
  const params: HuntParams = { user: asked.user, ip: asked.ip, host: asked.host, take };
  switch (asked.hunt) {
    case 'failed_signins':
      return failedSignInsQuery(params);
    case 'anomalous_signins':
      return anomalousSignInsQuery(params);
    case 'ip_activity':
      return ipActivityQuery({ ...params, ip: asked.ip ?? '' });
    case 'rare_processes':
      return rareProcessesQuery({ ...params, host: asked.host ?? '' });
  }
}

/** " for bob from 185[.]220[.]101[.]4", " on CONTOSO-LT-0115". */
function subjectPhrase(asked: Input): string {
  return [
    asked.user === undefined ? '' : ` for ${asked.user}`,
    asked.ip === undefined ? '' : ` from ${defang(asked.ip)}`,
    asked.host === undefined ? '' : ` on ${asked.host}`,
  ].join('');
}

function headlineOf(
  hunt: HuntName,
  rows: Record<string, unknown>[],
  subject: string,
  span: string,
): string {
  switch (hunt) {
    case 'failed_signins': {
      const attempts = rows.reduce((sum, row) => sum + (Number(row.Attempts) || 0), 0);
      if (attempts === 0) return `No failed sign-ins${subject} in ${span}.`;
      const ips = new Set(rows.map((row) => row.IPAddress)).size;
      const from = plural(ips, 'IP address', 'IP addresses');
      return `${plural(attempts, 'failed sign-in')}${subject} in ${span}, from ${from}.`;
    }
    case 'anomalous_signins':
      if (rows.length === 0) return `No risky sign-ins${subject} in ${span}.`;
      return `${plural(rows.length, 'risky sign-in')}${subject} in ${span}.`;
    case 'ip_activity': {
      const tables = [...new Set(rows.map((row) => String(row.Table)))];
      if (tables.length === 0) return `No activity${subject} in ${span}.`;
      return `Activity${subject} in ${span} appears in ${tables.join(', ')}.`;
    }
    case 'rare_processes':
      if (rows.length === 0) return `No rare processes${subject} in ${span}.`;
      return (
        `${plural(rows.length, 'rare process', 'rare processes')}${subject} in ${span} ` +
        `(run on at most ${RARE_PROCESS_MAX_DEVICES} devices in the organisation).`
      );
  }
}
