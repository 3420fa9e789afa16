import { validateAdaptiveCard } from '../../../src/cards';
import {
  IDS,
  cardOf,
  channelMention,
  fixture,
  personalMessage,
  postActivity,
  verbsOf,
} from './activities';
import { type TeamsTestWarden, startTeamsWarden } from './harness';

describe('Teams messages', () => {
  let app: TeamsTestWarden;
  const serviceUrl = () => app.connector.url;

  beforeAll(async () => {
    app = await startTeamsWarden();
    app.connector.teams.set(IDS.team, [
      { id: IDS.team },
      { id: IDS.incidentChannel, name: 'inc-2041-phishing' },
      { id: IDS.socChannel, name: 'soc-triage' },
    ]);
  });
  beforeEach(() => app.connector.reset());
  afterAll(() => app.close());

  it('answers a channel mention in its thread: typing, then a card with actions', async () => {
    const { status } = await postActivity(
      app.url,
      fixture('message.channel-mention', serviceUrl()),
    );

    expect(status).toBe(200);
    const [typing, reply] = app.connector.calls;
    const thread = `${IDS.incidentChannel};messageid=${IDS.incidentThread}`;
    expect(typing).toMatchObject({
      method: 'POST',
      conversationId: thread,
      activity: { type: 'typing' },
    });
    expect(reply).toMatchObject({
      method: 'POST',
      conversationId: thread,
      activityId: IDS.incidentThread,
    });
    expect(reply.activity.replyToId).toBe(IDS.incidentThread);
    const card = cardOf(reply.activity);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(verbsOf(card)).toEqual(['pin', 'feedback.up', 'feedback.down', 'share.open']);
    expect(JSON.stringify(card)).toMatch(/185\[?\.\]?220/);
  });

  it('asks the question without the mention, with the channel name as context', async () => {
    await postActivity(app.url, fixture('message.channel-mention', serviceUrl()));

    const [turn] = await app.warden.turns
      .recent(IDS.tenant, IDS.incidentChannel, 50)
      .then((t) => t.slice(-1));
    expect(turn).toMatchObject({
      question: 'which hosts talked to 185.220.101.4 today?',
      conversationName: 'inc-2041-phishing',
      threadId: IDS.incidentThread,
      user: { id: IDS.alex, name: 'Alex Kim' },
    });
  });

  it('knows the incident from the channel name without it being typed', async () => {
    const inGroupChat = fixture('message.group-chat-mention', serviceUrl());
    inGroupChat.text = '<at>Warden</at> summarise this incident';
    await postActivity(app.url, inGroupChat);
    await postActivity(
      app.url,
      channelMention(serviceUrl(), 'summarise this incident', '1733239000001'),
    );

    const [elsewhere, inChannel] = app.connector.messages().map((m) => cardOf(m.activity));
    expect(elsewhere.fallbackText).not.toMatch(/2041/);
    expect(inChannel.fallbackText).toMatch(/2041/);
  });

  it('keeps replies in the thread they were asked in', async () => {
    await postActivity(app.url, fixture('message.channel-thread-reply', serviceUrl()));

    const reply = app.connector.messages()[0];
    expect(reply.conversationId).toBe(`${IDS.incidentChannel};messageid=${IDS.incidentThread}`);
    expect(reply.activityId).toBe('1733231560555');
  });

  it('answers any message in a personal chat', async () => {
    await postActivity(app.url, fixture('message.personal', serviceUrl()));

    const [reply] = app.connector.messages();
    expect(reply.conversationId).toBe(IDS.alexChat);
    const card = cardOf(reply.activity);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/CVE-2021-44228/);
  });

  it('answers a mention in a group chat', async () => {
    await postActivity(app.url, fixture('message.group-chat-mention', serviceUrl()));

    const [reply] = app.connector.messages();
    expect(reply.conversationId).toBe(IDS.groupChat);
    expect(verbsOf(cardOf(reply.activity))).toContain('pin');
  });

  it('stays quiet in a channel when Warden is not mentioned', async () => {
    const activity = fixture('message.channel-mention', serviceUrl());
    activity.entities = activity.entities.filter((e: { type: string }) => e.type !== 'mention');
    activity.text = 'which hosts talked to 185.220.101.4 today?';

    const { status } = await postActivity(app.url, activity);

    expect(status).toBe(200);
    expect(app.connector.calls).toEqual([]);
  });

  it('reads the question from the HTML attachment when Teams sends no text', async () => {
    const activity = fixture('message.personal', serviceUrl());
    delete activity.text;

    await postActivity(app.url, activity);

    expect(JSON.stringify(cardOf(app.connector.messages()[0].activity))).toMatch(/CVE-2021-44228/);
  });

  it('answers "help" with what Warden can do and its commands', async () => {
    await postActivity(app.url, channelMention(serviceUrl(), 'help', '1733239000002'));

    const card = cardOf(app.connector.messages()[0].activity);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toMatch(/What Warden can do/);
    expect(text).toMatch(/"title":"pins"/);
    expect(text).toMatch(/Which of our users had risky sign-ins this week\?/);
  });

  it('shows this conversation’s pin board for "pins"', async () => {
    await postActivity(app.url, personalMessage(serviceUrl(), 'pins'));

    const card = cardOf(app.connector.messages()[0].activity);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Pin board/);
    expect(JSON.stringify(card)).toMatch(/Nothing is pinned here yet/);
  });

  it('registers every conversation it hears from, with a reference to post there', async () => {
    await postActivity(app.url, fixture('message.group-chat-mention', serviceUrl()));

    const known = await app.warden.directory.get(IDS.tenant, IDS.groupChat);
    expect(known).toMatchObject({ channel: 'teams', name: 'Group chat' });
    expect(known?.reference).toMatchObject({
      serviceUrl: serviceUrl(),
      conversation: { id: IDS.groupChat, tenantId: IDS.tenant },
      bot: { id: IDS.bot },
    });
    expect(known?.reference).not.toHaveProperty('activityId');
  });

  it('refuses an empty question with a card that says what to ask', async () => {
    await postActivity(app.url, channelMention(serviceUrl(), ' ', '1733239000003'));

    const card = cardOf(app.connector.messages()[0].activity);
    expect(JSON.stringify(card)).toMatch(/The message is empty/);
    expect(card.actions).toBeUndefined();
  });
});
