import type { TurnRecord } from '../core/turns';
import { extractEntities, type Entities } from './entities';
import { capitalise, sourceName, suggestionsFor } from './labels';
import { followUpOverrides, routeQuestion } from './offline-routes';
import { titleForCalls } from './offline-titles';
import { EXAMPLE_QUESTIONS, isFollowUp } from './scope';
import type { SkillCall, SkillRunner } from './skill-runner';
import type { SkillSet } from './skill-set';
import { summariseOutcomes } from './templated';
import type { PlanRequest, PlanResult, Planner } from './types';

export interface OfflinePlannerOptions {
  skills: SkillSet;
  runner: SkillRunner;
}

/**
 * Plans without a model: rules route the question to skills, and the skills' own views make
 * the answer. This is the embedded default, so every rule here is a real answer path.
 */
export class OfflinePlanner implements Planner {
  constructor(private readonly options: OfflinePlannerOptions) {}

  async plan(request: PlanRequest): Promise<PlanResult> {
    const { message } = request;
    const entities = extractEntities(message.text, message.conversation.name);
    const planned =
      this.followUpCalls(message.text, entities, request.history) ??
      routeQuestion(message.text, entities, (skill) => this.options.skills.has(skill)) ??
      attachmentCalls(request);
    if (!planned) return clarification();

    const calls = planned.filter((call) => this.options.skills.has(call.skill));
    const missing = planned.filter((call) => !this.options.skills.has(call.skill));
    const notes = [...missingNotes(missing), ...assumptionNotes(entities, calls)];
    if (calls.length === 0) return { ...clarification(), notes };

    const outcomes = await this.options.runner.runAll(calls, {
      tenantId: message.tenantId,
      signal: request.signal,
      logger: request.logger,
      onProgress: request.onProgress,
    });
    const templated = summariseOutcomes(outcomes);
    const anySucceeded = outcomes.some((outcome) => outcome.result !== undefined);
    return {
      kind: anySucceeded ? 'answer' : 'error',
      title: titleForCalls(calls),
      summary: anySucceeded ? templated.summary : 'Warden could not read any source for this.',
      facts: templated.facts,
      table: templated.table,
      suggestions: suggestionsFor(calls, message.text),
      outcomes,
      notes,
    };
  }

  /**
   * "and for bob?" re-runs the previous turn's calls with the new value in every call whose
   * skill takes it. Returns undefined when the text is not such a follow-up.
   */
  private followUpCalls(
    text: string,
    entities: Entities,
    history: TurnRecord[],
  ): SkillCall[] | undefined {
    const previous = history[history.length - 1];
    if (!previous || previous.toolCalls.length === 0 || !isFollowUp(text)) return undefined;
    const overrides = followUpOverrides(entities);
    if (Object.keys(overrides).length === 0) return undefined;

    const seen = new Set<string>();
    const calls: SkillCall[] = [];
    for (const trace of previous.toolCalls) {
      const input = { ...(trace.input as Record<string, unknown>) };
      let changed = false;
      for (const [key, value] of Object.entries(overrides)) {
        if (!this.options.skills.accepts(trace.skill, key)) continue;
        input[key] = value;
        changed = true;
      }
      const key = `${trace.skill}:${JSON.stringify(input)}`;
      if (!changed || seen.has(key)) continue;
      seen.add(key);
      calls.push({ skill: trace.skill, input });
    }
    return calls.length > 0 ? calls : undefined;
  }
}

/** With nothing routable in the question, indicators in attached text are worth extracting. */
function attachmentCalls(request: PlanRequest): SkillCall[] | undefined {
  const text = (request.message.attachments ?? [])
    .map((attachment) => attachment.text ?? '')
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  return text === '' ? undefined : [{ skill: 'extract_indicators', input: { text } }];
}

function clarification(): PlanResult {
  return {
    kind: 'clarification',
    title: 'Which data should I check?',
    summary: [
      'I could not tell which data answers that. Name what to check: an incident number, a ' +
        'user, a device, an IP address, a CVE or an ATT&CK technique id, or a topic for ' +
        'hardening guidance. For example:',
      ...EXAMPLE_QUESTIONS.map((example) => `- ${example}`),
    ].join('\n'),
    suggestions: [...EXAMPLE_QUESTIONS],
    outcomes: [],
  };
}

function missingNotes(missing: SkillCall[]): string[] {
  const names = [...new Set(missing.map((call) => call.skill))];
  return names.map(
    (skill) =>
      `⚠️ ${capitalise(sourceName(skill))} is not connected in this deployment, ` +
      'so it was not checked.',
  );
}

function assumptionNotes(entities: Entities, calls: SkillCall[]): string[] {
  if (!entities.pkg?.ecosystemAssumed || !calls.some((call) => call.skill === 'osv_query')) {
    return [];
  }
  return [
    `I assumed ${entities.pkg.name} is an npm package; name the ecosystem (PyPI, Maven, Go, ` +
      'NuGet, RubyGems, crates.io) to check another one.',
  ];
}
