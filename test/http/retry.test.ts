import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfterMs,
} from '../../src/http/retry';

const NOW_MS = Date.parse('2025-06-01T12:00:00Z');
const alwaysHalf = () => 0.5;

describe('parseRetryAfterMs', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfterMs('3', NOW_MS)).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfterMs('Sun, 01 Jun 2025 12:00:05 GMT', NOW_MS)).toBe(5000);
  });

  it('never returns a negative delay for a date in the past', () => {
    expect(parseRetryAfterMs('Sun, 01 Jun 2025 11:00:00 GMT', NOW_MS)).toBe(0);
  });

  it('ignores absent, blank and unreadable values', () => {
    expect(parseRetryAfterMs(undefined, NOW_MS)).toBeUndefined();
    expect(parseRetryAfterMs('  ', NOW_MS)).toBeUndefined();
    expect(parseRetryAfterMs('soon', NOW_MS)).toBeUndefined();
    expect(parseRetryAfterMs('-1', NOW_MS)).toBeUndefined();
  });
});

describe('backoffDelayMs', () => {
  it('doubles the step on every retry', () => {
    expect(backoffDelayMs(0, 100, 10000, () => 1)).toBe(100);
    expect(backoffDelayMs(1, 100, 10000, () => 1)).toBe(200);
    expect(backoffDelayMs(3, 100, 10000, () => 1)).toBe(800);
  });

  it('caps the step', () => {
    expect(backoffDelayMs(20, 100, 5000, () => 1)).toBe(5000);
  });

  it('jitters between zero and the step', () => {
    expect(backoffDelayMs(2, 100, 10000, () => 0)).toBe(0);
    expect(backoffDelayMs(2, 100, 10000, () => 0.25)).toBe(100);
  });
});

describe('isRetryableStatus', () => {
  it.each([429, 500, 502, 503, 504])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([200, 304, 400, 401, 403, 404, 501, 505])('does not retry %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('decideRetry', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 3 };

  it('honours Retry-After on a 429', () => {
    const decision = decideRetry(
      { kind: 'response', status: 429, retryAfter: '2' },
      0,
      policy,
      NOW_MS,
      alwaysHalf,
    );
    expect(decision).toEqual({ retry: true, delayMs: 2000, why: expect.any(String) });
  });

  it('honours Retry-After on a 503', () => {
    const decision = decideRetry(
      { kind: 'response', status: 503, retryAfter: '1' },
      0,
      policy,
      NOW_MS,
      alwaysHalf,
    );
    expect(decision).toMatchObject({ retry: true, delayMs: 1000 });
  });

  it('gives up when Retry-After is longer than the cap', () => {
    const decision = decideRetry(
      { kind: 'response', status: 429, retryAfter: '3600' },
      0,
      policy,
      NOW_MS,
      alwaysHalf,
    );
    expect(decision.retry).toBe(false);
  });

  it('backs off longer for a 429 than for a 5xx when no Retry-After is sent', () => {
    const rateLimited = decideRetry({ kind: 'response', status: 429 }, 0, policy, NOW_MS, () => 1);
    const serverError = decideRetry({ kind: 'response', status: 502 }, 0, policy, NOW_MS, () => 1);
    expect(rateLimited).toMatchObject({ retry: true, delayMs: policy.rateLimitBaseDelayMs });
    expect(serverError).toMatchObject({ retry: true, delayMs: policy.serverErrorBaseDelayMs });
  });

  it('retries network failures and timeouts with backoff', () => {
    expect(decideRetry({ kind: 'network-error' }, 1, policy, NOW_MS, () => 1)).toMatchObject({
      retry: true,
      delayMs: policy.serverErrorBaseDelayMs * 2,
    });
    expect(decideRetry({ kind: 'timeout' }, 0, policy, NOW_MS, () => 1).retry).toBe(true);
  });

  it('stops when retries are exhausted', () => {
    const decision = decideRetry({ kind: 'response', status: 503 }, 3, policy, NOW_MS, alwaysHalf);
    expect(decision).toEqual({ retry: false, why: 'retries exhausted' });
  });

  it('does not retry a client error', () => {
    expect(
      decideRetry({ kind: 'response', status: 404 }, 0, policy, NOW_MS, alwaysHalf).retry,
    ).toBe(false);
  });
});
