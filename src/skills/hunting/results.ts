import type { Source, Table } from '../../core/answer';
import { firstRows, formatDateTime, trimText } from '../format';
import type { SkillContext } from '../types';
import { boundReadOnlyKql } from './kql';
import type { HuntingOptions, KqlRows, KqlRunner, KqlService } from './types';

/** Rows shown on a card and given to the model; the query itself may return up to maxRows. */
export const MAX_SHOWN_ROWS = 50;
/** Columns shown on a card; wide results keep their first columns. */
const MAX_COLUMNS = 8;
/** Characters kept of one cell. */
const MAX_CELL_CHARS = 120;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export interface QueryWindow {
  hours: number;
  /** ISO 8601 duration sent with the query. */
  timespan: string;
  /** Set when the asked window was longer than allowed, so the answer can say so. */
  note?: string;
}

/** The asked window in hours, shortened to `maxHours`. */
export function queryWindow(askedHours: number, maxHours: number): QueryWindow {
  const hours = Math.min(askedHours, maxHours);
  const note =
    askedHours > maxHours
      ? `Warden may look back at most ${spanPhrase(maxHours)}, so this covers that much.`
      : undefined;
  return { hours, timespan: `PT${hours}H`, note };
}

/** "24 hours", "7 days", "36 hours". */
export function spanPhrase(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export interface RanQuery {
  query: string;
  window: QueryWindow;
  result: KqlRows;
}

/** Posts one bounded query; logs it at debug, never the rows. */
export async function runQuery(
  runner: KqlService,
  context: SkillContext,
  query: string,
  window: QueryWindow,
): Promise<RanQuery> {
  context.logger.debug({ timespan: window.timespan }, 'kql query');
  const result = await runner.query({ query, timespan: window.timespan, signal: context.signal });
  return { query, window, result };
}

export interface FreeFormRun extends RanQuery {
  /** What the skill gives the model: the query as run, its window and the first rows. */
  data: Record<string, unknown>;
  /** "the last 2 days", for the headline. */
  span: string;
}

/**
 * The steps `run_kql` and `advanced_hunting` share: refuse anything but one read-only query
 * (before any request), cap it in rows and time, run it, and shape the result for the model.
 */
export async function runFreeForm(
  service: KqlService,
  context: SkillContext,
  asked: { query: string; hours: number },
  limits: { maxRows: number; maxHours: number },
): Promise<FreeFormRun> {
  const window = queryWindow(asked.hours, limits.maxHours);
  const bounded = boundReadOnlyKql(asked.query, {
    maxRows: limits.maxRows,
    sinceHours: window.hours,
  });
  const ran = await runQuery(service, context, bounded.query, window);
  const rows = ran.result.rows;
  return {
    ...ran,
    span: `the last ${spanPhrase(window.hours)}`,
    data: {
      query: bounded.query,
      timespan: bounded.timespan,
      rowCount: rows.length,
      rows: compactRows(rows),
      partialError: ran.result.partialError,
    },
  };
}

export function workspaceLabel(runner: KqlRunner, options: HuntingOptions): string {
  return options.workspaceName ?? `workspace ${runner.workspaceId}`;
}

/** The Log Analytics request, and the query in the Azure portal when a link can be made. */
export function querySources(
  runner: KqlRunner,
  options: HuntingOptions,
  context: SkillContext,
  ran: RanQuery,
): Source[] {
  const retrievedAt = context.now().toISOString();
  const workspace = workspaceLabel(runner, options);
  const sources: Source[] = [
    {
      title: `Log Analytics query — ${workspace}`,
      url: ran.result.requestUrl,
      kind: 'telemetry',
      retrievedAt,
    },
  ];
  const portalUrl = options.portalQueryUrl?.(ran.query, ran.window.timespan);
  if (portalUrl !== undefined) {
    sources.push({
      title: `This query in the Azure portal — ${workspace}`,
      url: portalUrl,
      kind: 'telemetry',
      retrievedAt,
    });
  }
  return sources;
}

/**
 * The query as a fenced block. Slack keeps it as code; Adaptive Cards drop the fence lines
 * and show the query lines as they are (see `src/cards/markdown.ts`).
 */
export function queryBlock(query: string): string {
  return ['```kql', query.replace(/```/g, "'''"), '```'].join('\n');
}

/** Said whenever the service cut the result short, so nobody reads a partial answer as whole. */
export function partialNote(result: KqlRows, service = 'Log Analytics'): string | undefined {
  if (result.partialError === undefined) return undefined;
  return `${service} returned a partial result, so rows may be missing: ${result.partialError}`;
}

/** The first rows as a table: columns in first-seen order, cells as short text. */
export function rowsTable(rows: readonly Record<string, unknown>[]): Table | undefined {
  if (rows.length === 0) return undefined;
  const { shown, caption } = firstRows(rows, MAX_SHOWN_ROWS);
  const columns = columnsOf(shown).slice(0, MAX_COLUMNS);
  return {
    columns,
    rows: shown.map((row) => columns.map((column) => cellText(row[column]))),
    caption,
  };
}

/** The first rows with every value as short text, for the model. */
export function compactRows(rows: readonly Record<string, unknown>[]): Record<string, string>[] {
  return rows
    .slice(0, MAX_SHOWN_ROWS)
    .map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, cellText(value)])),
    );
}

function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  return [...columns];
}

/** Any cell value as one short line: datetimes read like the other cards, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    return ISO_DATETIME.test(value) ? formatDateTime(value) : trimText(value, MAX_CELL_CHARS);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return trimText(JSON.stringify(value), MAX_CELL_CHARS);
}
