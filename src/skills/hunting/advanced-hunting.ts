import { z } from 'zod';
import { defineSkill } from '../define';
import { plural } from '../format';
import type { Skill } from '../types';
import { partialNote, queryBlock, rowsTable, runFreeForm, spanPhrase } from './results';
import type { KqlService } from './types';

/** Advanced hunting keeps 30 days of data; a longer window would only look empty. */
export const ADVANCED_HUNTING_MAX_HOURS = 30 * 24;
const DEFAULT_HOURS = 24;
const MAX_QUERY_CHARS = 8000;
const SERVICE = 'Defender XDR advanced hunting';

export interface AdvancedHuntingOptions {
  /** Rows one query may return; appended as `| take N` (KQL_MAX_ROWS). */
  maxRows: number;
}

const input = z.object({
  query: z
    .string()
    .trim()
    .min(1, { error: 'query is empty: give a KQL query such as "DeviceProcessEvents | take 10".' })
    .max(MAX_QUERY_CHARS, { error: `query can be at most ${MAX_QUERY_CHARS} characters.` })
    .describe(
      'A read-only KQL query over the advanced hunting tables (DeviceProcessEvents, ' +
        'DeviceNetworkEvents, EmailEvents, IdentityLogonEvents …). Do not add a time filter ' +
        'or a row limit: Warden adds both.',
    ),
  sinceHours: z
    .number()
    .int()
    .min(1, { error: 'sinceHours must be at least 1.' })
    .max(ADVANCED_HUNTING_MAX_HOURS, { error: 'sinceHours can be at most 720 (30 days).' })
    .optional()
    .describe(`How many hours back the query may look. Default ${DEFAULT_HOURS}.`),
});

type Input = z.output<typeof input>;

/**
 * `advanced_hunting`: free-form KQL in Microsoft Defender XDR through Graph `runHuntingQuery`.
 * The same read-only guard as `run_kql` refuses anything but one query, which is then capped
 * in rows and sent with a `Timespan`; the answer shows the exact query that ran.
 */
export function createAdvancedHuntingSkill(
  service: KqlService,
  options: AdvancedHuntingOptions,
): Skill<Input> {
  return defineSkill({
    name: 'advanced_hunting',
    description:
      'Runs a read-only KQL query in Microsoft Defender XDR advanced hunting (device, email, ' +
      'identity and cloud app events of the last 30 days). Use it only when no other skill ' +
      'answers; prefer ip_activity, list_incidents and get_incident.',
    input,
    async run(asked, context) {
      const hours = asked.sinceHours ?? DEFAULT_HOURS;
      const limits = { maxRows: options.maxRows, maxHours: ADVANCED_HUNTING_MAX_HOURS };
      const ran = await runFreeForm(service, context, { query: asked.query, hours }, limits);
      const rows = ran.result.rows;
      const headline =
        rows.length === 0
          ? `Advanced hunting returned no rows for ${ran.span}.`
          : `Advanced hunting returned ${plural(rows.length, 'row')} for ${ran.span}.`;
      const notes = [partialNote(ran.result, SERVICE)].filter(Boolean);

      return {
        data: ran.data,
        sources: [
          {
            title: `Microsoft Graph — ${SERVICE} (runHuntingQuery)`,
            url: ran.result.requestUrl,
            kind: 'telemetry',
            retrievedAt: context.now().toISOString(),
          },
        ],
        view: {
          summary: [[headline, ...notes].join(' '), queryBlock(ran.query)].join('\n\n'),
          facts: [
            { label: 'Source', value: 'Microsoft Defender XDR' },
            { label: 'Time window', value: `Last ${spanPhrase(ran.window.hours)}` },
            { label: 'Row limit', value: String(options.maxRows) },
          ],
          table: rowsTable(rows),
        },
      };
    },
  });
}
