import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { isWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { RecentEventIds } from './recent-events';
import {
  MAX_SLACK_BODY_BYTES,
  parseSlackBody,
  readSlackBody,
  type SlackBody,
} from './request-body';
import { verifySlackSignature } from './signature';
import { WorkQueue, type WorkQueueOptions } from './work-queue';

export interface SlackReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Clock for the signature window, in milliseconds since the epoch. */
  nowMs?: () => number;
  /**
   * A command or interaction whose listener has not acknowledged it by then is acknowledged
   * empty, inside Slack's three seconds. Default 2,500 ms.
   */
  ackTimeoutMs?: number;
  recentEvents?: RecentEventIds;
  /** How many acknowledged events may be worked on at once (see WorkQueue). */
  eventQueue?: Omit<WorkQueueOptions, 'onError'>;
}

/** What Slack receives as the HTTP response: nothing, a text, or a JSON message or action. */
type AckBody = string | Record<string, unknown> | undefined;

/**
 * Bolt's receivers bring their own HTTP servers; this one takes requests from the restify route
 * instead. It reads the raw body (the signature covers the exact bytes), checks the signature
 * itself, answers Slack's URL check, and acknowledges before any slow work: events at once,
 * commands and interactions as soon as their listener calls `ack()`.
 */
export class SlackReceiver implements Receiver {
  private app?: App;
  private readonly log: Logger;
  private readonly nowMs: () => number;
  private readonly ackTimeoutMs: number;
  private readonly recent: RecentEventIds;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly events: WorkQueue;

  constructor(private readonly options: SlackReceiverOptions) {
    this.log = options.logger;
    this.nowMs = options.nowMs ?? Date.now;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2500;
    this.recent = options.recentEvents ?? new RecentEventIds();
    this.events = new WorkQueue({
      ...options.eventQueue,
      onError: (error) => this.log.error({ err: error }, 'Slack event failed after ack'),
    });
  }

  init(app: App): void {
    this.app = app;
  }

  /** The restify server owns the port; there is nothing to start. */
  async start(): Promise<void> {
    return undefined;
  }

  /** Waits for work already acknowledged to finish. */
  async stop(): Promise<void> {
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.events.size > 0) {
      await Promise.all([Promise.allSettled([...this.inFlight]), this.events.idle()]);
    }
  }

  /** The restify handler for `/api/slack/events`. */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: SlackBody;
    try {
      const rawBody = await readSlackBody(req, MAX_SLACK_BODY_BYTES);
      // Slack's certificate check for slash command URLs may come unsigned; it asks for nothing
      // and nothing is done with it, so it is answered before the signature check.
      if (isSslCheck(rawBody, header(req, 'content-type'))) return reply(res, undefined);
      verifySlackSignature({
        signingSecret: this.options.signingSecret,
        rawBody,
        timestamp: header(req, 'x-slack-request-timestamp'),
        signature: header(req, 'x-slack-signature'),
        nowMs: this.nowMs(),
      });
      body = parseSlackBody(rawBody, header(req, 'content-type'));
    } catch (error) {
      this.refuse(res, error);
      return;
    }

    if (body.type === 'url_verification') return reply(res, { challenge: body.challenge });
    const retry = {
      retryNum: numberOrUndefined(header(req, 'x-slack-retry-num')),
      retryReason: header(req, 'x-slack-retry-reason'),
    };
    if (body.type === 'event_callback') return this.acceptEvent(body, retry, res);
    return this.acceptInteraction(body, retry, res);
  };

  /**
   * Events need no reply, so they are acknowledged before Bolt even sees them. When too many
   * are waiting, Slack is told to try again later (it retries with backoff) instead of queueing
   * without bound.
   */
  private acceptEvent(body: SlackBody, retry: RetryInfo, res: ServerResponse): void {
    const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && this.recent.checkAndRemember(eventId)) {
      this.log.debug({ eventId, ...retry }, 'Slack event delivered again; acknowledged only');
      return reply(res, undefined);
    }
    const event: ReceiverEvent = { body, ...retry, ack: async () => undefined };
    // The task starts a microtask later, so the reply below is written before any work.
    const work = () => Promise.resolve().then(() => this.requireApp().processEvent(event));
    if (!this.events.offer(work)) {
      if (eventId) this.recent.forget(eventId);
      this.log.warn({ eventId, waiting: this.events.size }, 'Slack event turned away: too busy');
      return reply(res, { error: 'busy' }, 503);
    }
    reply(res, undefined);
  }

  private async acceptInteraction(
    body: SlackBody,
    retry: RetryInfo,
    res: ServerResponse,
  ): Promise<void> {
    let settle: (response: AckBody) => void = () => undefined;
    const acknowledged = new Promise<AckBody>((resolve) => (settle = resolve));
    const timer = setTimeout(() => {
      this.log.warn({ type: body.type }, 'Slack request not acknowledged in time; sent empty');
      settle(undefined);
    }, this.ackTimeoutMs);

    const work = this.dispatch({
      body,
      ...retry,
      ack: async (response?: AckBody) => settle(response),
    });
    void work.then(() => settle(undefined));
    const response = await acknowledged;
    clearTimeout(timer);
    reply(res, response);
  }

  private requireApp(): App {
    if (!this.app) throw new Error('SlackReceiver used before Bolt called init()');
    return this.app;
  }

  private dispatch(event: ReceiverEvent): Promise<void> {
    const work = this.requireApp()
      .processEvent(event)
      .catch((error: unknown) => {
        this.log.error({ err: error, type: event.body.type }, 'Slack request failed after ack');
      });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  private refuse(res: ServerResponse, error: unknown): void {
    if (!isWardenError(error) || error.status >= 500) {
      this.log.error({ err: error }, 'Slack request could not be read');
      return reply(res, { error: 'internal_error' }, 500);
    }
    this.log.warn({ code: error.code, reason: error.message }, 'Slack request refused');
    reply(res, { error: error.code }, error.status);
  }
}

interface RetryInfo {
  retryNum?: number;
  retryReason?: string;
}

function isSslCheck(rawBody: Buffer, contentType: string | undefined): boolean {
  if (!(contentType ?? '').startsWith('application/x-www-form-urlencoded')) return false;
  return new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function numberOrUndefined(value: string | undefined): number | undefined {
  const parsed = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function reply(res: ServerResponse, body: AckBody, status = 200): void {
  if (body === undefined || body === '') {
    res.writeHead(status, { 'Content-Length': '0' });
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
