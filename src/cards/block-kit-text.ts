import type { Fact, Table } from '../core/answer';
import {
  BLOCK_KIT_LIMITS,
  type ContextBlock,
  type Mrkdwn,
  type PlainText,
} from './block-kit-types';
import { escapeMrkdwn, toMrkdwn } from './block-kit-mrkdwn';
import { truncate } from './markdown';

/** Small builders and formatters the Block Kit renderers share. */

export function mrkdwn(text: string): Mrkdwn {
  return { type: 'mrkdwn', text };
}

export function plain(text: string, maxChars: number): PlainText {
  return { type: 'plain_text', text: truncate(text, maxChars), emoji: true };
}

export function context(text: string, blockId?: string): ContextBlock {
  return { type: 'context', ...(blockId && { block_id: blockId }), elements: [mrkdwn(text)] };
}

/** A Slack user id shows as a live mention (the person's current name); anything else as text. */
export function person(nameOrId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(nameOrId) ? `<@${nameOrId}>` : escapeMrkdwn(nameOrId);
}

/**
 * A date Slack shows in each reader's own time zone, with a UTC fallback for old clients:
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export function slackDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMrkdwn(iso);
  const fallback = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/** Conversation names are shown the way people say them in Slack: `#inc-2041`. */
export function channelLabel(name: string): string {
  return escapeMrkdwn(name.startsWith('#') ? name : `#${name}`);
}

/** Facts as section fields: a bold label over its value, each within Slack's field limit. */
export function factFields(facts: Fact[]): Mrkdwn[] {
  return facts.map((fact) => {
    const label = escapeMrkdwn(truncate(fact.label, 200));
    const value = toMrkdwn(truncate(fact.value, BLOCK_KIT_LIMITS.fieldChars - 300)) || ' ';
    return mrkdwn(`*${label}*\n${value}`);
  });
}

const MAX_COLUMN_CHARS = 28;
const COLUMN_GAP = '  ';

export interface RenderedTable {
  /** A preformatted mrkdwn block, within one section's text limit. */
  text: string;
  shownRows: number;
}

/**
 * A table as monospaced text: Slack message blocks have no table element, and field pairs lose
 * the columns' alignment past two columns. Rows that do not fit the section are left out.
 */
export function monospaceTable(table: Table, maxRows: number): RenderedTable {
  const columns = table.columns.slice(0, 8);
  const rows = table.rows.slice(0, maxRows).map((row) => columns.map((_, c) => row[c] ?? ''));
  const widths = columns.map((name, c) =>
    Math.min(
      MAX_COLUMN_CHARS,
      Math.max(name.length, ...rows.map((row) => cellText(row[c]).length)),
    ),
  );
  const line = (cells: string[]) =>
    escapeMrkdwn(
      cells
        .map((cell, c) => fit(cellText(cell), widths[c]))
        .join(COLUMN_GAP)
        .trimEnd(),
    );
  const header = [line(columns), widths.map((w) => '-'.repeat(w)).join(COLUMN_GAP)];
  const budget = BLOCK_KIT_LIMITS.sectionTextChars - 8;
  const body: string[] = [];
  let size = header.join('\n').length;
  for (const row of rows) {
    const next = line(row);
    if (size + next.length + 1 > budget) break;
    body.push(next);
    size += next.length + 1;
  }
  return { text: ['```', ...header, ...body, '```'].join('\n'), shownRows: body.length };
}

function cellText(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function fit(value: string, width: number): string {
  return value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width);
}
