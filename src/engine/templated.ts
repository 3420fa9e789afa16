import type { Fact, Table } from '../core/answer';
import { capitalise, sourceName } from './labels';
import type { SkillOutcome } from './skill-runner';

const MAX_FACTS = 12;
const TITLE_MAX_CHARS = 80;

export interface TemplatedSummary {
  summary: string;
  facts?: Fact[];
  table?: Table;
}

/**
 * Puts the skills' own views together: one summary per successful call, the facts of all of
 * them, and the first table (a card shows one table well; more would bury the answer).
 */
export function summariseOutcomes(outcomes: SkillOutcome[]): TemplatedSummary {
  const views = outcomes.flatMap((outcome) =>
    outcome.result ? [{ source: sourceName(outcome.call.skill), view: outcome.result.view }] : [],
  );

  const summary =
    views.length === 1
      ? views[0].view.summary
      : views.map(({ source, view }) => `**${capitalise(source)}:** ${view.summary}`).join('\n\n');
  const facts = views.flatMap(({ view }) => view.facts ?? []).slice(0, MAX_FACTS);
  const table = views.find(({ view }) => view.table !== undefined)?.view.table;

  return {
    summary,
    ...(facts.length > 0 ? { facts } : {}),
    ...(table ? { table } : {}),
  };
}

/** A card title from the question itself: one line, at most 80 characters. */
export function titleFromQuestion(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  const title = line.length <= TITLE_MAX_CHARS ? line : `${line.slice(0, TITLE_MAX_CHARS - 1)}…`;
  return capitalise(title);
}
