/**
 * When to try an HTTP request again, and how long to wait first. Small named rules so the client
 * stays readable: rate limits (429) and server errors (5xx) are different problems and back off
 * differently, and a server's `Retry-After` always wins over our own guess.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  maxRetries: number;
  /** First backoff step for 5xx and network failures, in ms. Default 250. */
  serverErrorBaseDelayMs: number;
  /** First backoff step for 429 without `Retry-After`, in ms. Default 1000. */
  rateLimitBaseDelayMs: number;
  /** Longest backoff we compute ourselves, in ms. Default 8000. */
  maxBackoffMs: number;
  /**
   * Longest `Retry-After` we are willing to wait, in ms. Default 30000. A server asking for more
   * gets its answer passed back to the caller instead: holding a turn longer helps nobody.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  serverErrorBaseDelayMs: 250,
  rateLimitBaseDelayMs: 1000,
  maxBackoffMs: 8000,
  maxRetryAfterMs: 30000,
};

/** What happened on one attempt, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfter?: string }
  | { kind: 'network-error' }
  | { kind: 'timeout' };

export type RetryDecision =
  { retry: false; why: string } | { retry: true; delayMs: number; why: string };

/** 501 and 505 say the server will never do this; retrying them only wastes time. */
const PERMANENT_SERVER_ERRORS = new Set([501, 505]);

export function isRetryableStatus(status: number): boolean {
  if (status === 429) return true;
  return status >= 500 && status <= 599 && !PERMANENT_SERVER_ERRORS.has(status);
}

/**
 * Reads `Retry-After` as delay seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns milliseconds from `nowMs`, never negative, or undefined when absent or unreadable.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;

  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date always names a weekday and month; this keeps "-1" from parsing as year -1.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;

  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}

/** "Full jitter" exponential backoff: a random wait between 0 and the capped step. */
export function backoffDelayMs(
  retryIndex: number,
  baseDelayMs: number,
  maxBackoffMs: number,
  random: () => number,
): number {
  const stepMs = Math.min(maxBackoffMs, baseDelayMs * 2 ** retryIndex);
  return Math.round(random() * stepMs);
}

/**
 * Decides whether attempt number `retryIndex` (0 for the first retry) should happen.
 * `nowMs` and `random` are passed in so the rule is a pure function.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  retryIndex: number,
  policy: RetryPolicy,
  nowMs: number,
  random: () => number,
): RetryDecision {
  if (retryIndex >= policy.maxRetries) return { retry: false, why: 'retries exhausted' };

  if (outcome.kind !== 'response') {
    const delayMs = backoffDelayMs(
      retryIndex,
      policy.serverErrorBaseDelayMs,
      policy.maxBackoffMs,
      random,
    );
    return { retry: true, delayMs, why: outcome.kind };
  }

  if (!isRetryableStatus(outcome.status)) return { retry: false, why: `status ${outcome.status}` };

  const retryAfterMs = parseRetryAfterMs(outcome.retryAfter, nowMs);
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxRetryAfterMs) {
      return { retry: false, why: `Retry-After ${retryAfterMs} ms is longer than we wait` };
    }
    return { retry: true, delayMs: retryAfterMs, why: `status ${outcome.status}, Retry-After` };
  }

  const baseDelayMs =
    outcome.status === 429 ? policy.rateLimitBaseDelayMs : policy.serverErrorBaseDelayMs;
  const delayMs = backoffDelayMs(retryIndex, baseDelayMs, policy.maxBackoffMs, random);
  return { retry: true, delayMs, why: `status ${outcome.status}` };
}
