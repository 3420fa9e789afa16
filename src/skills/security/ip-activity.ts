import { z } from 'zod';
import type { Table } from '../../core/answer';
import { defineSkill } from '../define';
import { formatDateTime, listInProse, plural } from '../format';
import { defang } from '../indicators/defang';
import type { Skill } from '../types';
import {
  fromSource,
  ipSchema,
  readContextOf,
  retentionWindow,
  sinceDate,
  sinceDaysSchema,
  sourcesOf,
  windowPhrase,
} from './common';
import { newestFirst } from './match';
import type { NetworkConnection, SecurityDataSource, SignIn } from './types';

const DEFAULT_DAYS = 7;
const MAX_TABLE_ROWS = 50;

const input = z.object({
  ip: ipSchema.describe('The IP address to investigate; defanged forms are accepted.'),
  sinceDays: sinceDaysSchema.optional().describe('How many days back to look. Default 7.'),
});

interface HostSummary {
  deviceName: string;
  connections: number;
  lastSeen: string;
  accounts: string[];
  processes: string[];
}

/** `ip_activity`: which devices connected to an IP and which sign-ins came from it. */
export function createIpActivitySkill(source: SecurityDataSource): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'ip_activity',
    description:
      'Shows which devices talked to an IP address (endpoint network events) and which users ' +
      'signed in from it (Entra ID sign-ins) over the last N days.',
    input,
    async run({ ip, sinceDays }, context) {
      const window = retentionWindow(sinceDays ?? DEFAULT_DAYS);
      const since = sinceDate(context, window.days);
      const read = readContextOf(context);
      const [connections, signIns] = await Promise.all([
        source.listNetworkConnections({ remoteIp: ip, since }, read),
        source.listSignIns({ ipAddress: ip, since }, read),
      ]);
      const hosts = hostsOf(connections);

      return fromSource(source, {
        data: {
          ip,
          days: window.days,
          hosts,
          signIns: signIns.map((s) => ({
            createdDateTime: s.createdDateTime,
            userPrincipalName: s.userPrincipalName,
            appDisplayName: s.appDisplayName,
            riskLevelAggregated: s.riskLevelAggregated,
            succeeded: s.status.errorCode === 0,
          })),
        },
        sources: sourcesOf(source, context, 'networkConnections', 'signIns'),
        view: {
          summary: [summarise(ip, window.days, hosts, signIns, source.name), window.note]
            .filter(Boolean)
            .join(' '),
          table: timeline(connections, signIns),
        },
      });
    },
  });
}

function hostsOf(connections: NetworkConnection[]): HostSummary[] {
  const byDevice = new Map<string, HostSummary>();
  for (const c of newestFirst(connections, (x) => x.timestamp)) {
    const host = byDevice.get(c.deviceName) ?? {
      deviceName: c.deviceName,
      connections: 0,
      lastSeen: c.timestamp,
      accounts: [],
      processes: [],
    };
    host.connections += 1;
    addOnce(host.accounts, c.initiatingProcessAccountUpn);
    addOnce(host.processes, c.initiatingProcessFileName);
    byDevice.set(c.deviceName, host);
  }
  return [...byDevice.values()];
}

function addOnce(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

function summarise(
  ip: string,
  days: number,
  hosts: HostSummary[],
  signIns: SignIn[],
  sourceName: string,
): string {
  const window = windowPhrase(days);
  if (hosts.length === 0 && signIns.length === 0) {
    return `No device or sign-in in ${sourceName} touched ${ip}${window}.`;
  }
  const parts: string[] = [];
  if (hosts.length > 0) {
    const named = hosts.map((h) => {
      const count = plural(h.connections, 'connection');
      return `${h.deviceName} (${count}, last ${formatDateTime(h.lastSeen)})`;
    });
    parts.push(
      `${plural(hosts.length, 'device')} talked to ${ip}${window}: ${listInProse(named)}.`,
    );
  } else {
    parts.push(`No device talked to ${ip}${window}.`);
  }
  if (signIns.length > 0) {
    const users = [...new Set(signIns.map((s) => s.userPrincipalName))];
    const risky = signIns.filter((s) => ['low', 'medium', 'high'].includes(s.riskLevelAggregated));
    parts.push(
      `${plural(signIns.length, 'sign-in')} came from it (${listInProse(users)}), ` +
        `${risky.length} flagged risky.`,
    );
  } else {
    parts.push('No sign-ins came from it.');
  }
  return parts.join(' ');
}

function timeline(connections: NetworkConnection[], signIns: SignIn[]): Table | undefined {
  const rows = [
    ...connections.map((c) => ({
      at: c.timestamp,
      row: [
        formatDateTime(c.timestamp),
        'Network',
        c.deviceName,
        c.initiatingProcessAccountUpn ?? '—',
        `${c.initiatingProcessFileName ?? 'unknown process'} → port ${c.remotePort}` +
          `${c.remoteUrl ? ` (${defang(c.remoteUrl)})` : ''}, ${c.actionType}`,
      ],
    })),
    ...signIns.map((s) => ({
      at: s.createdDateTime,
      row: [
        formatDateTime(s.createdDateTime),
        'Sign-in',
        s.deviceDetail.displayName ?? '—',
        s.userPrincipalName,
        `${s.appDisplayName}, risk ${s.riskLevelAggregated}, ` +
          `${s.status.errorCode === 0 ? 'succeeded' : 'failed'}`,
      ],
    })),
  ];
  if (rows.length === 0) return undefined;
  const sorted = newestFirst(rows, (r) => r.at);
  return {
    columns: ['Time', 'Seen in', 'Device', 'Account', 'Detail'],
    rows: sorted.slice(0, MAX_TABLE_ROWS).map((r) => r.row),
    caption:
      sorted.length > MAX_TABLE_ROWS ? `Showing ${MAX_TABLE_ROWS} of ${sorted.length}.` : undefined,
  };
}
