import { z } from 'zod';
import { defineSkill } from '../define';
import { plural } from '../format';
import type { Skill } from '../types';
import {
  partialNote,
  queryBlock,
  querySources,
  rowsTable,
  runFreeForm,
  spanPhrase,
  workspaceLabel,
} from './results';
import type { HuntingOptions, KqlRunner } from './types';

const DEFAULT_HOURS = 24;
/** Long enough for any hand-written hunt; a longer text is more likely pasted than meant. */
const MAX_QUERY_CHARS = 8000;

const input = z.object({
  query: z
    .string()
    .trim()
    .min(1, { error: 'query is empty: give a KQL query such as "SigninLogs | take 10".' })
    .max(MAX_QUERY_CHARS, { error: `query can be at most ${MAX_QUERY_CHARS} characters.` })
    .describe(
      'A read-only KQL query over the workspace tables (SigninLogs, SecurityEvent, ' +
        'DeviceProcessEvents …). Do not add a time filter or a row limit: Warden adds both.',
    ),
  sinceHours: z
    .number()
    .int()
    .min(1, { error: 'sinceHours must be at least 1.' })
    .max(8760, { error: 'sinceHours can be at most 8760 (one year).' })
    .optional()
    .describe(`How many hours back the query may look. Default ${DEFAULT_HOURS}.`),
});

type Input = z.output<typeof input>;

/**
 * `run_kql`: free-form KQL, last resort. The query is refused unless it can only read this
 * workspace, then capped in rows and time; the answer shows the exact query that ran.
 */
export function createRunKqlSkill(runner: KqlRunner, options: HuntingOptions): Skill<Input> {
  return defineSkill({
    name: 'run_kql',
    description:
      'Runs a read-only KQL query in the Microsoft Sentinel (Log Analytics) workspace. Use it ' +
      'only when no other skill answers the question; prefer hunt, list_signins, ' +
      'list_incidents and ip_activity. Management commands and external data are refused.',
    input,
    async run(asked, context) {
      const hours = asked.sinceHours ?? DEFAULT_HOURS;
      const ran = await runFreeForm(runner, context, { query: asked.query, hours }, options);
      const rows = ran.result.rows;
      const headline =
        rows.length === 0
          ? `The query returned no rows for ${ran.span}.`
          : `The query returned ${plural(rows.length, 'row')} for ${ran.span}.`;
      const notes = [ran.window.note, partialNote(ran.result)].filter(Boolean);

      return {
        data: ran.data,
        sources: querySources(runner, options, context, ran),
        view: {
          summary: [[headline, ...notes].join(' '), queryBlock(ran.query)].join('\n\n'),
          facts: [
            { label: 'Workspace', value: workspaceLabel(runner, options) },
            { label: 'Time window', value: `Last ${spanPhrase(ran.window.hours)}` },
            { label: 'Row limit', value: String(options.maxRows) },
          ],
          table: rowsTable(rows),
        },
      };
    },
  });
}
