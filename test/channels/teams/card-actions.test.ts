import { validateAdaptiveCard } from '../../../src/cards';
import {
  IDS,
  cardAction,
  cardOf,
  channelMention,
  fixture,
  personalMessage,
  postActivity,
  turnIdOf,
  verbsOf,
} from './activities';
import { type TeamsTestWarden, startTeamsWarden } from './harness';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

describe('Teams card actions', () => {
  let app: TeamsTestWarden;
  const serviceUrl = () => app.connector.url;
  let postCount = 0;

  /** Asks in the incident channel; returns the answer's turn id and the posted card's id. */
  async function askInIncidentChannel(question = 'which hosts talked to 185.220.101.4 today?') {
    await postActivity(app.url, channelMention(serviceUrl(), question, `17332400${++postCount}`));
    const reply = app.connector.messages().at(-1);
    return { turnId: turnIdOf(cardOf(reply?.activity)), messageId: reply?.id as string };
  }

  async function click(verb: string, turnId: string, inputs = {}, messageId?: string) {
    return postActivity(app.url, cardAction(serviceUrl(), verb, turnId, inputs, messageId));
  }

  beforeAll(async () => {
    app = await startTeamsWarden();
    app.connector.teams.set(IDS.team, [{ id: IDS.incidentChannel, name: 'inc-2041-phishing' }]);
    await postActivity(app.url, fixture('installationUpdate.add-team', serviceUrl()));
    await postActivity(app.url, fixture('conversationUpdate.bot-added-group-chat', serviceUrl()));
    await postActivity(app.url, fixture('conversationUpdate.bot-added-personal', serviceUrl()));
  });
  beforeEach(() => app.connector.reset());
  afterAll(() => app.close());

  it('pins an answer: 200 with the updated card, and the posted card updated for all', async () => {
    const { turnId, messageId } = await askInIncidentChannel();

    const { status, body } = await click('pin', turnId, {}, messageId);

    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD });
    expect(validateAdaptiveCard(body.value)).toEqual([]);
    expect(JSON.stringify(body.value)).toMatch(/Pinned by Alex Kim/);
    expect(verbsOf(body.value)).toEqual(['unpin', 'feedback.up', 'feedback.down', 'share.open']);
    const update = app.connector.calls.find((call) => call.method === 'PUT');
    expect(update).toMatchObject({ activityId: messageId });
    expect(JSON.stringify(cardOf(update?.activity))).toMatch(/Pinned by Alex Kim/);
    expect(JSON.stringify(cardOf(update?.activity))).not.toMatch(/Pinned to this conversation/);
  });

  it('lists the pin on the conversation’s pin board', async () => {
    const { turnId } = await askInIncidentChannel('show risky sign-ins for bob this week');
    await click('pin', turnId);
    app.connector.reset();

    await postActivity(app.url, channelMention(serviceUrl(), 'pins', '1733249999999'));

    const board = cardOf(app.connector.messages()[0].activity);
    expect(validateAdaptiveCard(board)).toEqual([]);
    expect(JSON.stringify(board)).toMatch(/Pin board · #inc-2041-phishing/);
    expect(JSON.stringify(board)).toMatch(/Pinned by Alex Kim/);
  });

  it('still answers the clicker when Teams refuses to update the posted card', async () => {
    const { turnId, messageId } = await askInIncidentChannel();
    app.connector.refuseUpdates = true;

    const { status, body } = await click('pin', turnId, {}, messageId);

    expect(status).toBe(200);
    expect(JSON.stringify(body.value)).toMatch(/Pinned by Alex Kim/);
  });

  it('asks why on thumbs down, then saves the reasons and comment', async () => {
    const { turnId } = await askInIncidentChannel();

    const form = await click('feedback.down', turnId);
    const saved = await click('feedback.submit', turnId, {
      reasons: 'incorrect,incomplete',
      comment: 'It missed the VPN logs',
    });

    expect(validateAdaptiveCard(form.body.value)).toEqual([]);
    expect(JSON.stringify(form.body.value)).toMatch(/"id":"reasons"/);
    expect(verbsOf(form.body.value)).toEqual(['feedback.submit', 'feedback.cancel']);
    expect(JSON.stringify(saved.body.value)).toMatch(/your feedback was saved/);
    const [record] = await app.warden.feedback.recent(IDS.tenant, { rating: 'down', limit: 1 });
    expect(record).toMatchObject({
      turnId,
      reasons: ['incorrect', 'incomplete'],
      comment: 'It missed the VPN logs',
      actor: { id: IDS.alex, name: 'Alex Kim' },
    });
  });

  it('offers channels and chats Warden is in, not someone else’s personal chat', async () => {
    const { turnId } = await askInIncidentChannel();

    const { body } = await click('share.open', turnId);

    expect(validateAdaptiveCard(body.value)).toEqual([]);
    const form = JSON.stringify(body.value);
    expect(form).toContain(IDS.socChannel);
    expect(form).toContain(IDS.groupChat);
    expect(form).not.toContain(IDS.priyaChat);
  });

  it('shares to another channel as a new post that says who shared it and from where', async () => {
    const { turnId } = await askInIncidentChannel();
    app.connector.reset();

    const { status, body } = await click('share.submit', turnId, { target: IDS.socChannel });

    expect(status).toBe(200);
    expect(JSON.stringify(body.value)).toMatch(/Shared to soc-triage\./);
    const [post] = app.connector.messages();
    expect(post).toMatchObject({ method: 'POST', conversationId: IDS.socChannel });
    expect(post.activityId).toBeUndefined();
    const shared = cardOf(post.activity);
    expect(validateAdaptiveCard(shared)).toEqual([]);
    expect(JSON.stringify(shared)).toMatch(/Shared by Alex Kim from #inc-2041-phishing/);
    expect(turnIdOf(shared)).not.toBe(turnId);
  });

  it('refuses to share into another person’s personal chat', async () => {
    const { turnId } = await askInIncidentChannel();
    app.connector.reset();

    const { status, body } = await click('share.submit', turnId, { target: IDS.priyaChat });

    expect(status).toBe(200);
    expect(JSON.stringify(body.value)).toMatch(/someone else’s personal chat/);
    expect(app.connector.calls).toEqual([]);
  });

  it('refuses an action on an answer of another tenant with a refusal card', async () => {
    const { turnId } = await askInIncidentChannel();
    const forged = cardAction(serviceUrl(), 'pin', turnId);
    forged.conversation.tenantId = 'f0e1d2c3-b4a5-4968-8776-655443322110';
    forged.channelData.tenant.id = 'f0e1d2c3-b4a5-4968-8776-655443322110';

    const { status, body } = await postActivity(app.url, forged);

    expect(status).toBe(200);
    expect(body.statusCode).toBe(200);
    expect(validateAdaptiveCard(body.value)).toEqual([]);
    expect(JSON.stringify(body.value)).toMatch(/Nothing was changed/);
    expect(JSON.stringify(body.value)).toMatch(/not available any more/);
    expect(await app.warden.pins.pinState(IDS.tenant, turnId)).toBeUndefined();
  });

  it('refuses an action copied into another conversation', async () => {
    const { turnId } = await askInIncidentChannel();
    const copied = cardAction(serviceUrl(), 'pin', turnId);
    copied.conversation = {
      ...copied.conversation,
      conversationType: 'groupChat',
      id: IDS.groupChat,
    };
    delete copied.channelData.channel;
    delete copied.channelData.team;

    const { body } = await postActivity(app.url, copied);

    expect(JSON.stringify(body.value)).toMatch(/belongs to another conversation/);
    expect(await app.warden.pins.pinState(IDS.tenant, turnId)).toBeUndefined();
  });

  it('refuses an unknown verb, turn or payload, each with a card', async () => {
    const { turnId } = await askInIncidentChannel();
    const unreadable = cardAction(serviceUrl(), 'pin', turnId);
    unreadable.value = { action: 'pin' };

    const answers = await Promise.all([
      click('delete', turnId),
      click('pin', '9a8b7c6d-0000-4000-8000-000000000000'),
      postActivity(app.url, unreadable),
    ]);

    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD });
      expect(JSON.stringify(body.value)).toMatch(/Nothing was changed/);
    }
  });

  it('acts in a personal chat with the person’s own answers', async () => {
    await postActivity(app.url, personalMessage(serviceUrl(), 'What is T1059?'));
    const turnId = turnIdOf(cardOf(app.connector.messages()[0].activity));
    const invoke = cardAction(serviceUrl(), 'feedback.up', turnId);
    invoke.conversation = { conversationType: 'personal', tenantId: IDS.tenant, id: IDS.alexChat };
    invoke.channelData = { tenant: { id: IDS.tenant } };

    const { body } = await postActivity(app.url, invoke);

    expect(JSON.stringify(body.value)).toMatch(/Helpful, says Alex Kim/);
  });
});
