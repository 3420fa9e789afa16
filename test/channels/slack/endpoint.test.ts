import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { textResponse } from '../../llm/chat-completions';
import { startTestWarden } from '../../support/in-process';
import { buttonsOf, startSlackHarness, type SlackHarness } from './harness';
import { eventRequest, fixture, mention, sendSlack } from './requests';

describe('POST /api/slack/events', () => {
  let harness: SlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('answers Slack’s URL check with the challenge', async () => {
    const response = await harness.send(eventRequest(fixture('url_verification.json')));

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
  });

  it('refuses a request signed with another secret with 401, and does nothing', async () => {
    const before = harness.slack.calls.length;

    const response = await harness.send(
      eventRequest(mention('Show open incidents'), { secret: 'not-the-signing-secret' }),
    );
    await harness.idle();

    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: 'slack_signature_invalid' });
    expect(harness.slack.calls.length).toBe(before);
  });

  it('refuses a correctly signed request older than five minutes with 401', async () => {
    const before = harness.slack.calls.length;
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    const response = await harness.send(
      eventRequest(mention('Show open incidents'), { timestamp: sixMinutesAgo }),
    );
    await harness.idle();

    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: 'slack_request_stale' });
    expect(harness.slack.calls.length).toBe(before);
  });

  it('refuses a request without Slack’s headers with 401', async () => {
    const response = await fetch(`${harness.warden.url}/api/slack/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fixture('url_verification.json')),
    });

    expect(response.status).toBe(401);
  });

  it('acknowledges a retried event without answering it twice', async () => {
    const envelope = mention('Which of our users had risky sign-ins this week?', {
      eventId: 'Ev-retried',
      ts: '1736501000.000001',
    });

    const first = await harness.send(eventRequest(envelope));
    const retry = await harness.send(
      eventRequest(envelope, {
        headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' },
      }),
    );
    const again = await harness.send(
      eventRequest(envelope, { headers: { 'X-Slack-Retry-Num': '2' } }),
    );
    await harness.idle();

    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    const answers = harness.slack
      .callsOf('chat.postMessage')
      .filter((call) => call.args.thread_ts === '1736501000.000001');
    expect(answers).toHaveLength(1);
  });

  it('answers a retry of an event whose first delivery never arrived', async () => {
    const envelope = mention('Show open high-severity incidents', {
      eventId: 'Ev-first-lost',
      ts: '1736501100.000001',
    });

    const retry = await harness.send(
      eventRequest(envelope, { headers: { 'X-Slack-Retry-Num': '1' } }),
    );
    const post = await harness.slack.waitFor(
      'chat.postMessage',
      (call) => call.args.thread_ts === '1736501100.000001',
    );

    expect(retry.status).toBe(200);
    expect(buttonsOf(post.args.blocks)).toHaveLength(4);
  });

  it('acknowledges a body it cannot parse with 400 once the signature checks out', async () => {
    const response = await harness.send({ body: '{not json', contentType: 'application/json' });

    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'slack_body_malformed' });
  });
});

describe('Slack routes without a signing secret', () => {
  it('are not mounted at all', async () => {
    const warden = await startTestWarden({ SLACK_BOT_TOKEN: 'xoxb-test-token' });
    try {
      const response = await sendSlack(warden.url, eventRequest(fixture('url_verification.json')));
      expect(response.status).toBe(404);
      expect(warden.server.slack).toBeUndefined();
    } finally {
      await warden.close();
    }
  });
});

/**
 * An OpenAI-compatible model that holds every completion until the test releases it, so the
 * order of events shows whether the acknowledgement waited for the model.
 */
class HeldModel {
  readonly events: string[] = [];
  private server?: Server;
  private releaseAll: () => void = () => undefined;
  private readonly released = new Promise<void>((resolve) => (this.releaseAll = resolve));
  private arrived: () => void = () => undefined;
  readonly requested = new Promise<void>((resolve) => (this.arrived = resolve));
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      for await (const _chunk of req) void _chunk;
      this.events.push('model asked');
      this.arrived();
      await this.released;
      this.events.push('model answered');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(textResponse('Bob Lee had two risky sign-ins from 185.220.101.4.')));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  release(): void {
    this.releaseAll();
  }

  async close(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('Slack acknowledgement with a slow model', () => {
  it('acknowledges the mention before the model has answered, and answers afterwards', async () => {
    const model = await new HeldModel().start();
    const harness = await startSlackHarness({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: model.url,
      MODEL_MAX_RETRIES: '0',
    });
    try {
      const envelope = mention('Which of our users had risky sign-ins this week?');

      // Were the acknowledgement waiting for the model, this would never resolve: the model
      // answers only after release(), below.
      const ack = await harness.send(eventRequest(envelope));
      const answeredBeforeAck = model.events.includes('model answered');
      await model.requested;
      const postedWhileModelHeld = harness.slack.callsOf('chat.postMessage').length;
      model.release();
      const post = await harness.slack.waitFor('chat.postMessage');

      expect(ack.status).toBe(200);
      expect(answeredBeforeAck).toBe(false);
      expect(postedWhileModelHeld).toBe(0);
      expect(model.events).toEqual(['model asked', 'model answered']);
      expect(post.args.thread_ts).toBe(envelope.event.ts);
      expect(buttonsOf(post.args.blocks)).toHaveLength(4);
    } finally {
      await harness.close();
      await model.close();
    }
  });
});
