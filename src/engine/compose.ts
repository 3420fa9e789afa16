import type { Answer, Source } from '../core/answer';
import type { WardenError } from '../core/errors';
import { EXAMPLE_QUESTIONS, HELP_TITLE, helpSummary, REFUSAL_TITLE, refusalSummary } from './scope';
import { capitalise, sourceName } from './labels';
import type { SkillOutcome } from './skill-runner';
import type { PlanResult } from './types';

/** Mistakes the model made in a call; it saw the error and can retry, so users are not told. */
const MODEL_MISTAKES = new Set(['skill_unknown', 'skill_input_invalid']);

export function composeAnswer(plan: PlanResult, turnId: string): Answer {
  const succeeded = plan.outcomes.filter((outcome) => outcome.result !== undefined);
  const notes = [...(plan.notes ?? []), ...failureNotes(plan.outcomes)];
  const summary = [plan.summary, ...notes].filter((part) => part.trim() !== '').join('\n\n');

  return {
    kind: plan.kind,
    turnId,
    title: plan.title,
    summary,
    ...(plan.facts ? { facts: plan.facts } : {}),
    ...(plan.table ? { table: plan.table } : {}),
    sources: dedupeSources([
      ...succeeded.flatMap((outcome) => outcome.result?.sources ?? []),
      ...(plan.sources ?? []),
    ]),
    ...(plan.suggestions ? { suggestions: plan.suggestions } : {}),
    demoData: succeeded.some((outcome) => outcome.result?.demoData === true),
    skills: skillsThatRan(plan.outcomes),
    ...(plan.usage ? { usage: plan.usage } : {}),
    ...(plan.kind === 'error' ? { correlationId: turnId } : {}),
  };
}

/** The introduction shown for "hello" or "what can you do?". */
export function helpAnswer(turnId: string): Answer {
  return {
    kind: 'clarification',
    turnId,
    title: HELP_TITLE,
    summary: helpSummary(),
    sources: [],
    suggestions: [...EXAMPLE_QUESTIONS],
    demoData: false,
    skills: [],
  };
}

export function refusalAnswer(turnId: string): Answer {
  return {
    kind: 'refusal',
    turnId,
    title: REFUSAL_TITLE,
    summary: refusalSummary(),
    sources: [],
    suggestions: [...EXAMPLE_QUESTIONS],
    demoData: false,
    skills: [],
  };
}

/** An answer for a failure of Warden itself; the user sees safe text and a correlation id. */
export function errorAnswer(turnId: string, error: WardenError): Answer {
  return {
    kind: 'error',
    turnId,
    title: 'Warden could not answer',
    summary:
      `${error.userMessage} If this keeps happening, give your administrator the ` +
      `correlation id ${turnId}.`,
    sources: [],
    demoData: false,
    skills: [],
    correlationId: turnId,
  };
}

/** One sentence per failed source, so a partial answer says what it is missing. */
export function failureNotes(outcomes: SkillOutcome[]): string[] {
  return outcomes
    .filter((outcome) => outcome.error && !MODEL_MISTAKES.has(outcome.error.code))
    .map((outcome) => {
      const reason = failureReason(outcome.error as WardenError);
      return `⚠️ ${capitalise(sourceName(outcome.call.skill))} could not be read (${reason}).`;
    });
}

function failureReason(error: WardenError): string {
  if (error.code === 'skill_timeout' || error.status < 500) return error.userMessage;
  return 'the source is unavailable right now';
}

function skillsThatRan(outcomes: SkillOutcome[]): string[] {
  const names = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.error && MODEL_MISTAKES.has(outcome.error.code)) continue;
    names.add(outcome.call.skill);
  }
  return [...names];
}

function dedupeSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of sources) {
    const key = `${source.url ?? ''}|${source.title.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, source);
  }
  return [...seen.values()];
}
