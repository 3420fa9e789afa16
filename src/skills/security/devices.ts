import { z } from 'zod';
import { defineSkill } from '../define';
import { firstRows, formatDateTime, listInProse, plural } from '../format';
import type { Skill } from '../types';
import { fromSource, readContextOf, sourcesOf, userSchema } from './common';
import type { ManagedDevice, SecurityDataSource } from './types';

const MAX_TABLE_ROWS = 50;
/** A device silent for longer than this is called out: its compliance state is stale. */
const STALE_CHECK_IN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const input = z.object({
  device: z.string().trim().min(1).max(100).optional().describe('Device name or part of it.'),
  user: userSchema.optional().describe('Primary user: UPN, display name or first name.'),
  compliance: z
    .enum(['compliant', 'noncompliant', 'unknown'])
    .optional()
    .describe('Intune compliance state: compliant, noncompliant or unknown.'),
});

/** `list_devices`: Intune managed devices with compliance, OS version and last check-in. */
export function createListDevicesSkill(source: SecurityDataSource): Skill<z.output<typeof input>> {
  return defineSkill({
    name: 'list_devices',
    description:
      'Lists Intune managed devices with primary user, OS and version, compliance state, ' +
      'encryption and last check-in. Filter by device name, user or compliance state.',
    input,
    async run(query, context) {
      const devices = await source.listDevices(
        { device: query.device, user: query.user, complianceState: query.compliance },
        readContextOf(context),
      );
      const sorted = [...devices].sort((a, b) => a.deviceName.localeCompare(b.deviceName));
      const { shown, caption } = firstRows(sorted, MAX_TABLE_ROWS);
      const now = context.now();

      return fromSource(source, {
        data: { count: sorted.length, devices: shown },
        sources: sourcesOf(source, context, 'devices'),
        view: {
          summary: summarise(sorted, now, source.name),
          table:
            sorted.length === 0
              ? undefined
              : {
                  columns: [
                    'Device',
                    'User',
                    'OS',
                    'Version',
                    'Compliance',
                    'Encrypted',
                    'Last check-in',
                  ],
                  rows: shown.map((d) => [
                    d.deviceName,
                    d.userPrincipalName,
                    d.operatingSystem,
                    d.osVersion,
                    d.complianceState,
                    d.isEncrypted ? 'Yes' : 'No',
                    formatDateTime(d.lastSyncDateTime),
                  ]),
                  caption,
                },
        },
      });
    },
  });
}

function summarise(devices: ManagedDevice[], now: Date, name: string): string {
  if (devices.length === 0) return `No managed devices match in ${name}.`;
  const noncompliant = devices.filter((d) => d.complianceState === 'noncompliant');
  const stale = devices.filter(
    (d) => now.getTime() - Date.parse(d.lastSyncDateTime) > STALE_CHECK_IN_DAYS * DAY_MS,
  );
  const parts = [`${plural(devices.length, 'device')} in ${name}.`];
  if (noncompliant.length > 0) {
    const names = noncompliant.slice(0, 5).map((d) => d.deviceName);
    parts.push(`${noncompliant.length} noncompliant: ${listInProse(names)}.`);
  } else {
    parts.push('None is noncompliant.');
  }
  if (stale.length > 0) {
    const names = stale.slice(0, 5).map((d) => d.deviceName);
    parts.push(
      `${listInProse(names)} ${stale.length === 1 ? 'has' : 'have'} not checked in for over ` +
        `${STALE_CHECK_IN_DAYS} days.`,
    );
  }
  return parts.join(' ');
}
