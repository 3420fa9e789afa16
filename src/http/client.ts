import { setTimeout as delay } from 'node:timers/promises';
import { UnavailableError, ValidationError, WardenError } from '../core/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../core/http';
import type { Logger } from '../core/logger';
import { readBodyText } from './body';
import {
  type AttemptOutcome,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isRetryableStatus,
  type RetryPolicy,
} from './retry';

export interface HttpClientOptions {
  logger: Logger;
  /** Sent as `User-Agent` on every request. Default `Warden/0.1 (security copilot)`. */
  userAgent?: string;
  /** Per-attempt timeout when a request names none, in ms. Default 15000. */
  defaultTimeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx and network failures. Default 2. */
  maxRetries?: number;
  /** Largest response body when a request names none, in bytes. Default 10 MiB. */
  defaultMaxBytes?: number;
  /** Backoff tuning; see `RetryPolicy` for each default. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** The fetch to use. Default: Node's global fetch. */
  fetch?: typeof fetch;
  /** Waits between attempts. Tests pass one that records the delay and returns at once. */
  sleep?: (delayMs: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1). Default Math.random. */
  random?: () => number;
  /** Clock for `Retry-After` dates, in epoch ms. Default Date.now. */
  nowMs?: () => number;
}

const DEFAULT_USER_AGENT = 'Warden/0.1 (security copilot)';
const DEFAULT_TIMEOUT_MS = 15000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Thrown when the caller's own signal aborted the request; never retried. */
export class HttpAbortedError extends WardenError {
  constructor(url: string, cause: unknown) {
    super('http_aborted', `Request to ${url} was cancelled by the caller.`, { cause, status: 499 });
  }
}

/**
 * An `HttpClient` on the global fetch: a timeout per attempt (combined with the caller's signal),
 * retries for rate limits, server errors and network failures, a body size limit, and JSON
 * parsed when the server says it sent JSON. Every HTTP status resolves; callers branch on it.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const settings = {
    logger: options.logger.child({ component: 'http' }),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    defaultTimeoutMs: options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    defaultMaxBytes: options.defaultMaxBytes ?? DEFAULT_MAX_BYTES,
    policy: {
      ...DEFAULT_RETRY_POLICY,
      ...options.retry,
      maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    },
    fetch: options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init)),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    nowMs: options.nowMs ?? Date.now,
  };
  return { request: (request) => requestWithRetries(settings, request) };
}

type Settings = {
  logger: Logger;
  userAgent: string;
  defaultTimeoutMs: number;
  defaultMaxBytes: number;
  policy: RetryPolicy;
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  sleep: (delayMs: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  nowMs: () => number;
};

async function requestWithRetries(settings: Settings, request: HttpRequest): Promise<HttpResponse> {
  assertHttpUrl(request.url);
  const target = describeUrl(request.url);

  for (let retryIndex = 0; ; retryIndex++) {
    const startedMs = settings.nowMs();
    const result = await attemptOnce(settings, request);
    const outcome = toOutcome(result);
    settings.logger.debug(
      { url: target, attempt: retryIndex + 1, outcome, ms: settings.nowMs() - startedMs },
      'http attempt',
    );

    const decision = decideRetry(
      outcome,
      retryIndex,
      settings.policy,
      settings.nowMs(),
      settings.random,
    );
    if (!decision.retry) {
      const failed = outcome.kind !== 'response' || isRetryableStatus(outcome.status);
      if (failed && retryIndex > 0) {
        settings.logger.warn({ url: target, attempts: retryIndex + 1, outcome }, 'giving up');
      }
      if (result instanceof Error) throw result;
      return result;
    }

    settings.logger.debug({ url: target, delayMs: decision.delayMs, why: decision.why }, 'retry');
    await sleepOrAbort(settings, decision.delayMs, request, target);
  }
}

/** One attempt. Failures that may be retried come back as values; the rest are thrown. */
async function attemptOnce(
  settings: Settings,
  request: HttpRequest,
): Promise<HttpResponse | UnavailableError> {
  const timeoutMs = request.timeoutMs ?? settings.defaultTimeoutMs;
  const timeoutSignal = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeoutSignal]) : timeoutSignal;
  const target = describeUrl(request.url);

  try {
    const response = await settings.fetch(request.url, {
      method: request.method ?? 'GET',
      headers: buildHeaders(settings, request),
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
    const maxBytes = request.maxBytes ?? settings.defaultMaxBytes;
    const text = await readBodyText(response, maxBytes, target);
    return toHttpResponse(response, text);
  } catch (error) {
    if (error instanceof WardenError) throw error;
    if (request.signal?.aborted) throw new HttpAbortedError(target, error);
    if (timeoutSignal.aborted) {
      return new UnavailableError(
        'http_timeout',
        `${target} did not answer within ${timeoutMs} ms.`,
        {
          cause: error,
          userMessage: `${hostOf(request.url)} did not answer in time. Try again in a moment.`,
          detail: { url: target, timeoutMs },
        },
      );
    }
    return new UnavailableError('http_network_error', `${target} could not be reached.`, {
      cause: error,
      userMessage: `${hostOf(request.url)} could not be reached. Check outbound HTTPS access.`,
      detail: { url: target },
    });
  }
}

function buildHeaders(settings: Settings, request: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': settings.userAgent };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

function toHttpResponse(response: Response, text: string): HttpResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, text, json: parseJsonBody(headers, text) };
}

/** JSON only when the server labels it so (`application/json`, `application/problem+json`). */
function parseJsonBody(headers: Record<string, string>, text: string): unknown {
  const contentType = headers['content-type'] ?? '';
  if (!/[/+]json\b/i.test(contentType) || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A mislabelled body is not fatal: callers see `json: undefined` and read `text` instead.
    return undefined;
  }
}

function toOutcome(result: HttpResponse | UnavailableError): AttemptOutcome {
  if (result instanceof UnavailableError) {
    return result.code === 'http_timeout' ? { kind: 'timeout' } : { kind: 'network-error' };
  }
  return { kind: 'response', status: result.status, retryAfter: result.headers['retry-after'] };
}

async function sleepOrAbort(
  settings: Settings,
  delayMs: number,
  request: HttpRequest,
  target: string,
): Promise<void> {
  try {
    await settings.sleep(delayMs, request.signal);
  } catch (error) {
    if (request.signal?.aborted) throw new HttpAbortedError(target, error);
    throw error;
  }
  if (request.signal?.aborted) throw new HttpAbortedError(target, request.signal.reason);
}

async function defaultSleep(delayMs: number, signal?: AbortSignal): Promise<void> {
  await delay(delayMs, undefined, { signal });
}

/** A bad URL is a programming or configuration error: fail at once instead of retrying. */
function assertHttpUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol === 'http:' || protocol === 'https:') return;
  throw new ValidationError(
    'http_url_invalid',
    `"${describeUrl(url)}" is not an absolute http(s) URL; check the configured endpoint.`,
  );
}

function hostOf(url: string): string {
  return new URL(url).host;
}

/** Origin and path only: query strings may carry keys and tokens, which never reach logs. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    // Not a URL at all; fetch will fail with its own error, and the log shows what was asked for.
    return '(invalid URL)';
  }
}
