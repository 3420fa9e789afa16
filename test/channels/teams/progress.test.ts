import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import { ProgressReply } from '../../../src/channels/teams/progress';
import { validateAdaptiveCard } from '../../../src/cards';
import { silentLogger } from '../../../src/core/logger';
import { textResponse, toolCallsResponse } from '../../llm/chat-completions';
import { IDS, cardOf, fixture, postActivity, verbsOf } from './activities';
import type { ConnectorStandIn } from './connector';
import { type TeamsTestWarden, startTeamsWarden } from './harness';

/**
 * An OpenAI-compatible model that answers the first call only once the progress message has
 * reached the Bot Connector stand-in: a slow model, without any timing in the test.
 */
async function startSlowModel(connector: () => ConnectorStandIn): Promise<Server> {
  let calls = 0;
  const server = createServer(async (req, res) => {
    for await (const _chunk of req); // the request body is not needed
    calls += 1;
    if (calls % 2 === 1) {
      await connector().waitFor((call) => typeof call.activity?.text === 'string');
    }
    const body =
      calls % 2 === 1
        ? toolCallsResponse([{ name: 'list_signins', args: { riskyOnly: true, sinceDays: 7 } }])
        : textResponse('Bob Lee had two risky sign-ins this week from 185.220.101.4.');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('Teams replies to slow turns', () => {
  let app: TeamsTestWarden;
  let model: Server;

  beforeAll(async () => {
    model = await startSlowModel(() => app.connector);
    const { port } = model.address() as AddressInfo;
    app = await startTeamsWarden({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      MODEL_MAX_RETRIES: '0',
      TEAMS_PROGRESS_AFTER_MS: '0',
    });
  });
  beforeEach(() => app.connector.reset());
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => model.close(resolve));
  });

  it('posts a progress message at once, then replaces it with the answer card', async () => {
    await postActivity(app.url, fixture('message.personal', app.connector.url));

    const [typing, progress, answer, ...rest] = app.connector.calls;
    expect(typing.activity.type).toBe('typing');
    expect(progress).toMatchObject({ method: 'POST', conversationId: IDS.alexChat });
    expect(progress.activity.text).toBe('Working on it…');
    expect(answer).toMatchObject({ method: 'PUT', activityId: progress.id });
    const card = cardOf(answer.activity);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(verbsOf(card)).toContain('pin');
    expect(JSON.stringify(card)).toMatch(/Bob Lee had two risky sign-ins/);
    expect(rest).toEqual([]);
  });

  it('sends the answer as a new message when the progress message cannot be replaced', async () => {
    app.connector.refuseUpdates = true;

    await postActivity(app.url, fixture('message.personal', app.connector.url));

    const messages = app.connector.messages();
    expect(messages.map((call) => call.method)).toEqual(['POST', 'POST']);
    expect(messages[0].activity.text).toBe('Working on it…');
    expect(verbsOf(cardOf(messages[1].activity))).toContain('pin');
  });
});

describe('ProgressReply', () => {
  function fakeContext() {
    const sent: unknown[] = [];
    const updated: unknown[] = [];
    let firstSent: () => void = () => undefined;
    const posted = new Promise<void>((resolve) => (firstSent = resolve));
    const context = {
      sendActivity: async (activity: unknown) => {
        sent.push(activity);
        firstSent();
        return { id: `sent-${sent.length}` };
      },
      updateActivity: async (activity: unknown) => {
        updated.push(activity);
      },
    } as unknown as TurnContext;
    return { context, sent, updated, posted };
  }

  it('says what the engine is doing in the progress message', async () => {
    const { context, sent, updated, posted } = fakeContext();
    const reply = new ProgressReply(context, { afterMs: 0, log: silentLogger });
    reply.note('Checking Entra ID sign-ins…');
    reply.start();
    await posted;

    await reply.finish({ type: 'message', text: 'answer' });

    expect(sent).toEqual([{ type: 'message', text: 'Checking Entra ID sign-ins…' }]);
    expect(updated).toEqual([{ type: 'message', text: 'answer', id: 'sent-1' }]);
  });

  it('posts only the answer when the turn ends before the threshold', async () => {
    const { context, sent, updated } = fakeContext();
    const reply = new ProgressReply(context, { afterMs: 60_000, log: silentLogger });
    reply.start();

    await reply.finish({ type: 'message', text: 'answer' });

    expect(sent).toEqual([{ type: 'message', text: 'answer' }]);
    expect(updated).toEqual([]);
  });
});
