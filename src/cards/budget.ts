import type { Answer, Fact, Table } from '../core/answer';
import { truncate } from './markdown';
import type { AdaptiveCard } from './types';

/**
 * Teams refuses messages over about 28 KB:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages
 * The card gets 24 KB of that so the activity envelope around it still fits.
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
export const CARD_BUDGET_BYTES = 24 * 1024;

/** Rows shown before the "+N more rows" line. */
export const MAX_TABLE_ROWS = 15;

const LIMITS = {
  titleChars: 200,
  summaryChars: 6000,
  facts: 20,
  factChars: 400,
  tableColumns: 8,
  cellChars: 200,
  sources: 10,
  sourceTitleChars: 200,
  /** Longer URLs are shown as plain titles rather than links. */
  sourceUrlChars: 1000,
  suggestions: 5,
  suggestionChars: 200,
};

/** What a card shows of an answer after caps and trimming. */
export interface CardContent {
  answer: Answer;
  /** Table rows not shown; the card says "+N more rows". */
  hiddenRows: number;
  /** True when text, facts or columns were cut; the card says so. */
  trimmed: boolean;
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Draws the answer, then shrinks the summary, table, facts, sources and suggestions step by step
 * until the card fits the budget. Each step halves what is left, and the caps bound what one
 * item can hold, so a few steps reach the floor of one short item of each.
 */
export function renderWithinBudget(
  answer: Answer,
  draw: (content: CardContent) => AdaptiveCard,
): AdaptiveCard {
  let content = capContent(answer);
  let drawn = draw(content);
  for (let step = 0; step < 8 && cardBytes(drawn) > CARD_BUDGET_BYTES; step += 1) {
    content = shrink(content);
    drawn = draw(content);
  }
  return drawn;
}

function capContent(answer: Answer): CardContent {
  const title = truncate(answer.title, LIMITS.titleChars);
  const summary = truncate(answer.summary, LIMITS.summaryChars);
  const facts = answer.facts && capFacts(answer.facts, LIMITS.facts);
  const table = answer.table && capTable(answer.table, MAX_TABLE_ROWS);
  const sources = answer.sources.slice(0, LIMITS.sources).map((source) => ({
    ...source,
    title: truncate(source.title, LIMITS.sourceTitleChars),
    url: source.url && source.url.length <= LIMITS.sourceUrlChars ? source.url : undefined,
  }));
  const suggestions = answer.suggestions
    ?.slice(0, LIMITS.suggestions)
    .map((item) => truncate(item, LIMITS.suggestionChars));
  const trimmed =
    title !== answer.title ||
    summary !== answer.summary ||
    (answer.facts?.length ?? 0) > LIMITS.facts ||
    (facts?.some((fact, i) => !sameFact(fact, answer.facts?.[i])) ?? false) ||
    (table?.trimmed ?? false);
  return {
    answer: { ...answer, title, summary, facts, table: table?.table, sources, suggestions },
    hiddenRows: table?.hiddenRows ?? 0,
    trimmed,
  };
}

function sameFact(a: Fact, b: Fact | undefined): boolean {
  return a.label === b?.label && a.value === b.value;
}

function capFacts(facts: Fact[], maxFacts: number): Fact[] {
  return facts.slice(0, maxFacts).map((fact) => ({
    label: truncate(fact.label, LIMITS.factChars),
    value: truncate(fact.value, LIMITS.factChars),
  }));
}

function capTable(
  source: Table,
  maxRows: number,
): { table: Table; hiddenRows: number; trimmed: boolean } {
  const columns = source.columns
    .slice(0, LIMITS.tableColumns)
    .map((name) => truncate(name, LIMITS.cellChars));
  const rows = source.rows
    .slice(0, maxRows)
    .map((row) => row.slice(0, columns.length).map((cell) => truncate(cell, LIMITS.cellChars)));
  const trimmed =
    columns.length < source.columns.length ||
    columns.some((name, c) => name !== source.columns[c]) ||
    rows.some((row, r) => row.some((cell, c) => cell !== source.rows[r]?.[c]));
  const hiddenRows = Math.max(0, source.rows.length - rows.length);
  const caption = source.caption && truncate(source.caption, LIMITS.titleChars);
  return { table: { ...source, columns, rows, caption }, hiddenRows, trimmed };
}

function shrink(content: CardContent): CardContent {
  const { answer } = content;
  const summary = truncate(answer.summary, Math.max(200, Math.floor(answer.summary.length / 2)));
  const facts = answer.facts && capFacts(answer.facts, Math.ceil(answer.facts.length / 2));
  const keptRows = answer.table ? Math.max(1, Math.floor(answer.table.rows.length / 2)) : 0;
  const table = answer.table && { ...answer.table, rows: answer.table.rows.slice(0, keptRows) };
  const newlyHidden = answer.table ? answer.table.rows.length - keptRows : 0;
  const sources = answer.sources.slice(0, Math.max(1, Math.floor(answer.sources.length / 2)));
  const suggestions = answer.suggestions?.slice(0, Math.floor(answer.suggestions.length / 2));
  return {
    answer: { ...answer, summary, facts, table, sources, suggestions },
    hiddenRows: content.hiddenRows + newlyHidden,
    trimmed: true,
  };
}
