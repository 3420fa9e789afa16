import { performance } from 'node:perf_hooks';
import type { Config } from '../config';
import type { Answer } from '../core/answer';
import type { FeedCache } from '../core/cache';
import type { InboundMessage } from '../core/conversation';
import type { HttpClient } from '../core/http';
import { ValidationError, WardenError, toWardenError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { ToolCallTrace, TurnHistory, TurnRecord } from '../core/turns';
import type { ModelClient } from '../llm/types';
import type { AnySkill } from '../skills/types';
import { composeAnswer, errorAnswer, helpAnswer, refusalAnswer } from './compose';
import { LlmPlanner } from './llm-planner';
import { OfflinePlanner } from './offline-planner';
import { classifyScope, EXAMPLE_QUESTIONS } from './scope';
import { SkillRunner, TurnAbortedError, type SkillContextFactory } from './skill-runner';
import { createSkillContextFactory } from './skill-context';
import { SkillSet } from './skill-set';
import type { PlanRequest, PlanResult } from './types';

export interface EngineDeps {
  skills: Iterable<AnySkill> | SkillSet;
  history: TurnHistory;
  /** Absent means the offline planner answers every turn. */
  model?: ModelClient;
  logger: Logger;
  now: () => Date;
  newId: () => string;
  config: EngineConfig;
  /**
   * Notes from recent thumbs-down feedback of a tenant, one line each (question, reasons,
   * comment), shown to the model so later answers avoid the same mistakes. Optional.
   */
  lessons?: (tenantId: string) => Promise<string[]>;
  /** How skills reach HTTP and the feed cache: the two, or a factory for the whole context. */
  skillContext: SkillContextFactory | { http: HttpClient; cache: FeedCache };
}

export type EngineConfig = Config['engine'] & {
  /** Longest question accepted, in characters (MAX_MESSAGE_CHARS); default 4000. */
  maxMessageChars?: number;
};

export interface HandleOptions {
  signal?: AbortSignal;
  /** Called with a short text ("Checking Entra ID sign-ins…") when a skill starts. */
  onProgress?: (text: string) => void;
}

export interface TurnResult {
  answer: Answer;
  turn: TurnRecord;
}

const DEFAULT_MAX_MESSAGE_CHARS = 4000;

/** Enough feedback to steer the model without crowding out the question. */
const MAX_LESSONS = 5;

const MODEL_DOWN_NOTE =
  'The language model is not available right now, so Warden answered with its built-in rules.';

/** One question in, one answer out: scope guard, memory, planner, answer, saved turn. */
export class Engine {
  private readonly logger: Logger;
  private readonly offline: OfflinePlanner;
  private readonly llm?: LlmPlanner;

  constructor(private readonly deps: EngineDeps) {
    const skills = deps.skills instanceof SkillSet ? deps.skills : new SkillSet(deps.skills);
    const contextFor =
      typeof deps.skillContext === 'function'
        ? deps.skillContext
        : createSkillContextFactory({ ...deps.skillContext, now: deps.now });
    const runner = new SkillRunner(skills, contextFor, deps.config.skillTimeoutMs);
    this.logger = deps.logger.child({ component: 'engine' });
    this.offline = new OfflinePlanner({ skills, runner });
    if (deps.model) {
      this.llm = new LlmPlanner({
        model: deps.model,
        skills,
        runner,
        now: deps.now,
        maxRounds: deps.config.maxRounds,
        toolOutputMaxTokens: deps.config.toolOutputMaxTokens,
      });
    }
  }

  async handle(message: InboundMessage, options: HandleOptions = {}): Promise<TurnResult> {
    const startedAt = performance.now();
    const turnId = this.deps.newId();
    const log = this.logger.child({ turnId });
    let outcome = 'error';
    let skills: string[] = [];

    try {
      this.validate(message);
      const history = await this.memory(message);
      const { answer, toolCalls } = await this.answer(message, history, turnId, log, options);
      const turn = this.turnRecord(message, answer, toolCalls, turnId);
      await this.save(turn, log);
      outcome = answer.kind;
      skills = answer.skills;
      return { answer, turn };
    } catch (error) {
      outcome = outcomeOfFailure(error);
      throw error;
    } finally {
      const ms = Math.round((performance.now() - startedAt) * 100) / 100;
      log.info(
        {
          channel: message.conversation.channel,
          tenant: message.tenantId,
          skills,
          ms,
          outcome,
        },
        'turn',
      );
    }
  }

  private validate(message: InboundMessage): void {
    const text = message.text.trim();
    if (text === '') {
      throw new ValidationError(
        'message_empty',
        `The message is empty. Ask a security question, for example "${EXAMPLE_QUESTIONS[0]}"`,
      );
    }
    const limit = this.deps.config.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
    if (text.length > limit) {
      throw new ValidationError(
        'message_too_long',
        `The message is ${text.length} characters long, over the limit of ${limit}. Shorten ` +
          'the question, or attach the text as a file and ask about the attachment.',
        { detail: { length: text.length, limit } },
      );
    }
  }

  /** The latest turns of this conversation (and thread, when the channel has threads). */
  private async memory(message: InboundMessage): Promise<TurnRecord[]> {
    const limit = this.deps.config.memoryTurns;
    if (limit === 0) return [];
    const { tenantId, conversation } = message;
    const turns = await this.deps.history.recent(tenantId, conversation.id, limit);
    if (!conversation.threadId) return turns;
    return turns.filter((turn) => turn.threadId === conversation.threadId);
  }

  private async answer(
    message: InboundMessage,
    history: TurnRecord[],
    turnId: string,
    log: Logger,
    options: HandleOptions,
  ): Promise<{ answer: Answer; toolCalls: ToolCallTrace[] }> {
    const previous = history[history.length - 1];
    const scope = classifyScope(message.text, {
      previousInScope: previous !== undefined && previous.answer.kind !== 'refusal',
    });
    log.debug({ inScope: scope.inScope, reason: scope.reason }, 'scope');
    if (scope.help) return { answer: helpAnswer(turnId), toolCalls: [] };
    if (!scope.inScope) return { answer: refusalAnswer(turnId), toolCalls: [] };

    const request: PlanRequest = {
      message,
      history,
      signal: options.signal ?? new AbortController().signal,
      logger: log,
      onProgress: options.onProgress,
    };
    try {
      if (this.llm) request.lessons = await this.lessons(message.tenantId, log);
      const plan = await this.plan(request, log);
      return { answer: composeAnswer(plan, turnId), toolCalls: plan.outcomes.map((o) => o.trace) };
    } catch (error) {
      if (error instanceof TurnAbortedError || request.signal.aborted) {
        throw error instanceof TurnAbortedError ? error : new TurnAbortedError(error);
      }
      const failure = toWardenError(error);
      log.error({ code: failure.code, err: failure.message, stack: failure.stack }, 'turn failed');
      return { answer: errorAnswer(turnId, failure), toolCalls: [] };
    }
  }

  /** The model plans when there is one; if it is down, the offline rules answer instead. */
  private async plan(request: PlanRequest, log: Logger): Promise<PlanResult> {
    if (!this.llm) return this.offline.plan(request);
    try {
      return await this.llm.plan(request);
    } catch (error) {
      if (!isModelFailure(error) || request.signal.aborted) throw error;
      log.warn({ code: error.code, err: error.message }, 'model failed; using offline planner');
      const plan = await this.offline.plan(request);
      return { ...plan, notes: [MODEL_DOWN_NOTE, ...(plan.notes ?? [])] };
    }
  }

  /** Feedback improves answers but is not needed for one, so a failure to read it is logged. */
  private async lessons(tenantId: string, log: Logger): Promise<string[] | undefined> {
    if (!this.deps.lessons) return undefined;
    try {
      return (await this.deps.lessons(tenantId)).slice(0, MAX_LESSONS);
    } catch (error) {
      const failure = toWardenError(error, 'lessons_unavailable');
      log.warn({ code: failure.code, err: failure.message }, 'feedback lessons not read');
      return undefined;
    }
  }

  private turnRecord(
    message: InboundMessage,
    answer: Answer,
    toolCalls: ToolCallTrace[],
    turnId: string,
  ): TurnRecord {
    const { conversation } = message;
    return {
      id: turnId,
      tenantId: message.tenantId,
      channel: conversation.channel,
      conversationId: conversation.id,
      ...(conversation.name ? { conversationName: conversation.name } : {}),
      ...(conversation.threadId ? { threadId: conversation.threadId } : {}),
      user: message.user,
      question: message.text,
      answer,
      toolCalls,
      createdAt: this.deps.now().toISOString(),
    };
  }

  /**
   * A turn that cannot be saved is still answered: the user gets the answer, and the log says
   * that pins and feedback on it will not find it.
   */
  private async save(turn: TurnRecord, log: Logger): Promise<void> {
    try {
      await this.deps.history.save(turn);
    } catch (error) {
      const failure = toWardenError(error, 'turn_save_failed');
      log.error(
        { code: failure.code, err: failure.message },
        'turn not saved; pins and feedback on this answer will fail',
      );
    }
  }
}

function isModelFailure(error: unknown): error is WardenError {
  return (
    error instanceof WardenError &&
    error.code.startsWith('model_') &&
    error.code !== 'model_aborted'
  );
}

function outcomeOfFailure(error: unknown): string {
  if (error instanceof ValidationError) return 'invalid';
  return error instanceof TurnAbortedError ? 'aborted' : 'error';
}
