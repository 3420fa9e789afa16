import { validateAdaptiveCard } from '../../../src/cards';
import {
  IDS,
  cardOf,
  channelMention,
  fixture,
  fixtureNames,
  postActivity,
  turnIdOf,
} from './activities';
import { type TeamsTestWarden, startTeamsWarden } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are untyped JSON */

/**
 * Every captured-shape activity under test/fixtures/teams, sent once the way the Bot Connector
 * would, and judged only by what any Teams user would expect of it: a mention gets a card in its
 * thread, a card click gets a 200 carrying a card, an install gets a welcome. A new fixture
 * dropped into the folder is covered without changing this test.
 */
describe('Teams traffic Warden has not seen before', () => {
  let app: TeamsTestWarden;

  beforeAll(async () => {
    app = await startTeamsWarden();
    app.connector.teams.set(IDS.team, [{ id: IDS.incidentChannel, name: 'inc-2041-phishing' }]);
  });
  beforeEach(() => app.connector.reset());
  afterAll(() => app.close());

  /** A fresh answer in the fixture's conversation, for an invoke to click on. */
  async function answerIn(activity: any): Promise<{ turnId: string; messageId: string }> {
    const question = channelMention(app.connector.url, 'show open high-severity incidents');
    question.conversation = activity.conversation;
    question.channelData = activity.channelData;
    await postActivity(app.url, question);
    const reply = app.connector.messages().at(-1);
    return { turnId: turnIdOf(cardOf(reply?.activity)), messageId: reply?.id as string };
  }

  // Installs first: Teams never delivers a message before Warden is in the conversation.
  it.each(fixtureNames().filter((name) => /Update\./.test(name)))(
    '%s is accepted, and an install is welcomed',
    async (name) => {
      const activity = fixture(name.replace(/\.json$/, ''), app.connector.url);
      const installs = activity.action === 'add' || activity.membersAdded !== undefined;

      const { status } = await postActivity(app.url, activity);

      expect(status).toBe(200);
      const messages = app.connector.messages();
      expect(messages).toHaveLength(installs ? 1 : 0);
      if (installs) expect(validateAdaptiveCard(cardOf(messages[0].activity))).toEqual([]);
    },
  );

  it.each(fixtureNames().filter((name) => name.startsWith('message.')))(
    '%s gets an answer card in its conversation and thread',
    async (name) => {
      const activity = fixture(name.replace(/\.json$/, ''), app.connector.url);

      const { status } = await postActivity(app.url, activity);

      expect(status).toBe(200);
      const [reply] = app.connector.messages();
      expect(reply.conversationId).toBe(activity.conversation.id);
      expect(reply.activityId).toBe(activity.id);
      const card = cardOf(reply.activity);
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(card.actions.map((action: any) => action.type)).toContain('Action.Execute');
    },
  );

  it.each(fixtureNames().filter((name) => name.startsWith('invoke.')))(
    '%s gets a 200 with an updated card',
    async (name) => {
      const activity = fixture(name.replace(/\.json$/, ''), app.connector.url);
      const { turnId, messageId } = await answerIn(activity);
      activity.value.action.data = { ...activity.value.action.data, turnId };
      activity.replyToId = messageId;

      const { status, body } = await postActivity(app.url, activity);

      expect(status).toBe(200);
      expect(body).toMatchObject({
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
      });
      expect(validateAdaptiveCard(body.value)).toEqual([]);
      expect(JSON.stringify(body.value)).not.toMatch(/Nothing was changed|Sorry/);
    },
  );
});
