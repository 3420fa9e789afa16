import type { Source } from '../core/answer';
import { ValidationError } from '../core/errors';
import type { TurnRecord } from '../core/turns';
import { trimToTokenBudget } from '../llm/budget';
import {
  addUsage,
  ZERO_USAGE,
  type ChatMessage,
  type Completion,
  type ModelClient,
  type ToolCall,
  type ToolMessage,
} from '../llm/types';
import { suggestionsFor } from './labels';
import { buildSystemPrompt, fenceUntrusted, redactSecrets } from './prompts';
import { refusedOutcome, type SkillOutcome, type SkillRunner } from './skill-runner';
import type { SkillSet } from './skill-set';
import { summariseOutcomes, titleFromQuestion } from './templated';
import type { PlanRequest, PlanResult, Planner } from './types';

export interface LlmPlannerOptions {
  model: ModelClient;
  skills: SkillSet;
  runner: SkillRunner;
  now: () => Date;
  /** Most rounds of tool calls before the model must answer (PLANNER_MAX_ROUNDS). */
  maxRounds: number;
  /** Budget for one tool result sent to the model, in tokens (TOOL_OUTPUT_MAX_TOKENS). */
  toolOutputMaxTokens: number;
}

const ROUND_LIMIT_REQUEST =
  'The limit of tool rounds is reached. Answer now from the tool results above, without ' +
  'calling tools, and say which parts of the question remain unanswered.';

/**
 * Plans with the model: it calls skills as tools, round after round, until it answers or the
 * round limit is reached. Everything that did not come from the user's question reaches the
 * model fenced as untrusted data, and all text is redacted of secrets first.
 */
export class LlmPlanner implements Planner {
  constructor(private readonly options: LlmPlannerOptions) {}

  async plan(request: PlanRequest): Promise<PlanResult> {
    const { model, skills, maxRounds } = this.options;
    const messages = this.openingMessages(request);
    const outcomes: SkillOutcome[] = [];
    let usage = ZERO_USAGE;

    for (let round = 1; round <= maxRounds; round += 1) {
      const completion = await model.complete({
        messages,
        tools: skills.toolDefinitions(),
        signal: request.signal,
      });
      usage = addUsage(usage, completion.usage);
      const toolCalls = completion.message.toolCalls ?? [];
      if (toolCalls.length === 0) return this.result(request, completion, outcomes, usage, []);

      messages.push({ role: 'assistant', content: completion.message.content, toolCalls });
      const replies = await Promise.all(toolCalls.map((call) => this.runToolCall(call, request)));
      for (const reply of replies) {
        messages.push(reply.message);
        outcomes.push(reply.outcome);
      }
    }

    messages.push({ role: 'user', content: ROUND_LIMIT_REQUEST });
    const final = await model.complete({ messages, signal: request.signal });
    usage = addUsage(usage, final.usage);
    const limitNote =
      `Warden stopped after ${maxRounds} rounds of tool calls (the configured limit), so this ` +
      'answer may be incomplete.';
    return this.result(request, final, outcomes, usage, [limitNote]);
  }

  private openingMessages(request: PlanRequest): ChatMessage[] {
    const { message } = request;
    const system = buildSystemPrompt({
      now: this.options.now(),
      tenantId: message.tenantId,
      conversationName: message.conversation.name,
      lessons: request.lessons,
    });
    return [
      { role: 'system', content: system },
      ...memoryMessages(request.history),
      { role: 'user', content: this.questionText(request) },
    ];
  }

  private questionText(request: PlanRequest): string {
    const parts = [redactSecrets(request.message.text)];
    for (const attachment of request.message.attachments ?? []) {
      const body = [attachment.url ? `URL: ${attachment.url}` : '', attachment.text ?? '']
        .filter(Boolean)
        .join('\n');
      const budgeted = trimToTokenBudget(redactSecrets(body), this.options.toolOutputMaxTokens);
      parts.push(fenceUntrusted(`attachment:${attachment.name}`, budgeted));
    }
    return parts.join('\n\n');
  }

  private async runToolCall(
    call: ToolCall,
    request: PlanRequest,
  ): Promise<{ message: ToolMessage; outcome: SkillOutcome }> {
    const parsed = parseArguments(call.arguments);
    const outcome = parsed.ok
      ? await this.options.runner.run(
          { skill: call.name, input: parsed.input },
          {
            tenantId: request.message.tenantId,
            signal: request.signal,
            logger: request.logger,
            onProgress: request.onProgress,
          },
        )
      : refusedOutcome({ skill: call.name, input: call.arguments }, parsed.error);
    const body = toolResultText(outcome);
    const budgeted = trimToTokenBudget(redactSecrets(body), this.options.toolOutputMaxTokens);
    return {
      message: {
        role: 'tool',
        toolCallId: call.id,
        content: fenceUntrusted(`tool:${call.name}`, budgeted),
      },
      outcome,
    };
  }

  private result(
    request: PlanRequest,
    completion: Completion,
    outcomes: SkillOutcome[],
    usage: PlanResult['usage'],
    notes: string[],
  ): PlanResult {
    const templated = summariseOutcomes(outcomes);
    const written = completion.message.content?.trim() ?? '';
    const modelSource: Source = { title: `Summary by ${this.options.model.model}`, kind: 'model' };
    if (completion.finishReason === 'length') {
      notes.push("The model's answer was cut off at its length limit.");
    }
    return {
      kind: 'answer',
      title: titleFromQuestion(request.message.text),
      // A model that answers with tool calls only leaves the skills' own summaries to show.
      summary: written !== '' ? written : templated.summary,
      facts: templated.facts,
      table: templated.table,
      suggestions: suggestionsFor(
        outcomes.map((outcome) => outcome.call),
        request.message.text,
      ),
      outcomes,
      usage,
      sources: written !== '' ? [modelSource] : [],
      notes,
    };
  }
}

/**
 * What the model reads back from a call: the data with its source names, or the error. Input
 * errors carry their detail so the model can fix the call; other failures only their safe text,
 * so internal detail cannot find its way into an answer.
 */
function toolResultText(outcome: SkillOutcome): string {
  if (outcome.result) {
    return JSON.stringify({
      sources: outcome.result.sources.map((source) => source.title),
      demoData: outcome.result.demoData === true,
      data: outcome.result.data,
    });
  }
  const error = outcome.error;
  if (!error) return 'Error: the skill returned nothing.';
  const detail = error instanceof ValidationError ? error.message : error.userMessage;
  return `Error ${error.code}: ${detail}`;
}

type ParsedArguments = { ok: true; input: unknown } | { ok: false; error: ValidationError };

/** Arguments are JSON text; anything else goes back to the model as an input error. */
function parseArguments(text: string): ParsedArguments {
  if (text.trim() === '') return { ok: true, input: {} };
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: new ValidationError(
        'skill_input_invalid',
        `The arguments are not valid JSON (${reason}). Send one JSON object.`,
        { cause: error },
      ),
    };
  }
}

/** Earlier turns as plain chat, so "and for bob?" means something to the model. */
function memoryMessages(history: TurnRecord[]): ChatMessage[] {
  return history.flatMap((turn): ChatMessage[] => [
    { role: 'user', content: redactSecrets(turn.question) },
    { role: 'assistant', content: redactSecrets(turn.answer.summary) },
  ]);
}
