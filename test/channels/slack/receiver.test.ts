import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, ReceiverEvent } from '@slack/bolt';
import { SlackReceiver } from '../../../src/channels/slack/receiver';
import { silentLogger } from '../../../src/core/logger';
import {
  SIGNING_SECRET,
  eventRequest,
  fixture,
  interactionRequest,
  mention,
  sendSlack,
} from './requests';

/** Stands in for Bolt's App: hands each event to the test, which decides what happens. */
class FakeApp {
  readonly events: ReceiverEvent[] = [];
  onEvent: (event: ReceiverEvent) => Promise<void> = async () => undefined;

  processEvent(event: ReceiverEvent): Promise<void> {
    this.events.push(event);
    return this.onEvent(event);
  }
}

describe('SlackReceiver', () => {
  let server: Server;
  let url: string;
  let app: FakeApp;
  let receiver: SlackReceiver;

  async function start(options: Partial<ConstructorParameters<typeof SlackReceiver>[0]> = {}) {
    app = new FakeApp();
    receiver = new SlackReceiver({
      signingSecret: SIGNING_SECRET,
      logger: silentLogger,
      ...options,
    });
    receiver.init(app as unknown as App);
    server = createServer((req, res) => void receiver.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('acknowledges an event before Bolt has finished with it', async () => {
    await start();
    let release: () => void = () => undefined;
    app.onEvent = () => new Promise<void>((resolve) => (release = resolve));

    const ack = await sendSlack(url, eventRequest(mention('Show open incidents')));

    expect(ack.status).toBe(200);
    expect(app.events).toHaveLength(1);
    release();
    await receiver.idle();
  });

  it('answers a command with what its listener acknowledged', async () => {
    await start();
    app.onEvent = async (event) => event.ack({ response_type: 'ephemeral', text: 'Hi' });
    const form = new URLSearchParams(fixture<string>('slash_command.warden.form-urlencoded.txt'));

    const response = await sendSlack(url, {
      body: form.toString(),
      contentType: 'application/x-www-form-urlencoded',
    });

    expect(response.json).toEqual({ response_type: 'ephemeral', text: 'Hi' });
    expect(app.events[0].body).toMatchObject({ command: '/warden', text: 'help' });
  });

  it('acknowledges empty for a listener that never does, within Slack’s limit', async () => {
    await start({ ackTimeoutMs: 20 });
    let release: () => void = () => undefined;
    app.onEvent = () => new Promise<void>((resolve) => (release = resolve));

    const response = await sendSlack(
      url,
      interactionRequest(fixture('block_actions.payload.json')),
    );

    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    release();
    await receiver.idle();
  });

  it('answers Slack’s unsigned certificate check, and does nothing with it', async () => {
    await start();

    const response = await fetch(`${url}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=verification_token',
    });

    expect(response.status).toBe(200);
    expect(app.events).toHaveLength(0);
  });

  it('asks Slack to retry later when too many events wait, and takes the retry', async () => {
    await start({ eventQueue: { minRunning: 1, maxRunning: 1, maxWaiting: 0 } });
    let release: () => void = () => undefined;
    app.onEvent = () => new Promise<void>((resolve) => (release = resolve));
    const busy = mention('Show open incidents', { eventId: 'Ev-busy' });

    await sendSlack(url, eventRequest(mention('Show open incidents', { eventId: 'Ev-first' })));
    const refused = await sendSlack(url, eventRequest(busy));
    release();
    await receiver.idle();
    app.onEvent = async () => undefined;
    const retried = await sendSlack(
      url,
      eventRequest(busy, { headers: { 'X-Slack-Retry-Num': '1' } }),
    );
    await receiver.idle();

    expect(refused.status).toBe(503);
    expect(retried.status).toBe(200);
    expect(app.events.map((event) => event.body.event_id)).toEqual(['Ev-first', 'Ev-busy']);
  });
});
