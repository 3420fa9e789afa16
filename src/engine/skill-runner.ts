import { performance } from 'node:perf_hooks';
import { UnavailableError, ValidationError, WardenError, toWardenError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { ToolCallTrace } from '../core/turns';
import type { SkillContext, SkillResult } from '../skills/types';
import { progressText, sourceName } from './labels';
import type { SkillSet } from './skill-set';

/** One planned call of a skill. */
export interface SkillCall {
  skill: string;
  input: unknown;
}

/** What happened to one call: a result, or an error that says which source failed. */
export interface SkillOutcome {
  call: SkillCall;
  trace: ToolCallTrace;
  result?: SkillResult;
  error?: WardenError;
}

/** Builds the context of one skill run; main.ts closes it over the real HTTP client and cache. */
export type SkillContextFactory = (base: {
  tenantId: string;
  signal: AbortSignal;
  logger: Logger;
}) => SkillContext;

export interface RunOptions {
  tenantId: string;
  signal: AbortSignal;
  logger: Logger;
  onProgress?: (text: string) => void;
}

/** Thrown when the turn itself was cancelled; planners let it through instead of composing. */
export class TurnAbortedError extends WardenError {
  constructor(cause?: unknown) {
    super('turn_aborted', 'The turn was cancelled before it finished.', { cause, status: 499 });
  }
}

/**
 * Validates and runs skill calls, each with its own timeout and abort signal. A failing call
 * never fails the others: it comes back as an outcome with an error.
 */
export class SkillRunner {
  constructor(
    private readonly skills: SkillSet,
    private readonly contextFor: SkillContextFactory,
    private readonly timeoutMs: number,
  ) {}

  /** Runs independent calls concurrently; results keep the order of `calls`. */
  runAll(calls: SkillCall[], options: RunOptions): Promise<SkillOutcome[]> {
    return Promise.all(calls.map((call) => this.run(call, options)));
  }

  async run(call: SkillCall, options: RunOptions): Promise<SkillOutcome> {
    const startedAt = performance.now();
    const finish = (result?: SkillResult, error?: WardenError): SkillOutcome =>
      outcomeOf(call, startedAt, result, error);

    const skill = this.skills.get(call.skill);
    if (!skill) return finish(undefined, unknownSkill(call.skill));
    const parsed = skill.input.safeParse(call.input);
    if (!parsed.success) return finish(undefined, invalidInput(call.skill, parsed.error.issues));

    options.onProgress?.(progressText(call.skill));
    try {
      const result = await this.withTimeout(call.skill, options, (context) =>
        skill.run(parsed.data, context),
      );
      return finish(result);
    } catch (error) {
      if (options.signal.aborted) throw new TurnAbortedError(error);
      const failure = toWardenError(error, 'skill_failed');
      options.logger.warn(
        { skill: call.skill, code: failure.code, err: failure.message },
        'skill failed',
      );
      return finish(undefined, failure);
    }
  }

  private async withTimeout<T>(
    skill: string,
    options: RunOptions,
    work: (context: SkillContext) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(this.timeoutError(skill)), this.timeoutMs);
    const forwardAbort = () => controller.abort(options.signal.reason);
    options.signal.addEventListener('abort', forwardAbort, { once: true });
    if (options.signal.aborted) controller.abort(options.signal.reason);

    // Skills should honour the signal; the race makes sure one that does not cannot hold a turn.
    const aborted = new Promise<never>((_resolve, reject) => {
      const fail = () => reject(controller.signal.reason);
      if (controller.signal.aborted) fail();
      else controller.signal.addEventListener('abort', fail, { once: true });
    });
    const context = this.contextFor({
      tenantId: options.tenantId,
      signal: controller.signal,
      logger: options.logger.child({ skill }),
    });
    try {
      return await Promise.race([work(context), aborted]);
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', forwardAbort);
    }
  }

  private timeoutError(skill: string): UnavailableError {
    return new UnavailableError(
      'skill_timeout',
      `${sourceName(skill)} did not answer within ${this.timeoutMs} ms.`,
      { userMessage: `timed out after ${formatDuration(this.timeoutMs)}` },
    );
  }
}

/** An outcome for a call that was refused before it ran (such as arguments that are not JSON). */
export function refusedOutcome(call: SkillCall, error: WardenError): SkillOutcome {
  return outcomeOf(call, performance.now(), undefined, error);
}

function outcomeOf(
  call: SkillCall,
  startedAt: number,
  result?: SkillResult,
  error?: WardenError,
): SkillOutcome {
  return {
    call,
    result,
    error,
    trace: {
      skill: call.skill,
      input: call.input,
      ok: error === undefined,
      ...(error ? { errorCode: error.code } : {}),
      durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
    },
  };
}

function unknownSkill(name: string): ValidationError {
  return new ValidationError('skill_unknown', `There is no skill named "${name}".`);
}

function invalidInput(
  skill: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): ValidationError {
  const details = issues
    .map((issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`)
    .join('; ');
  return new ValidationError('skill_input_invalid', `Invalid input for ${skill}: ${details}`);
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
