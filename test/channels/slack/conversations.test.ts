import { validateBlockKitMessage } from '../../../src/cards';
import { askByMention, buttonsOf, startSlackHarness, textsOf, type SlackHarness } from './harness';
import { eventRequest, fixture, mention } from './requests';
import { BOT_USER_ID } from './slack-api';

describe('Slack conversations', () => {
  let harness: SlackHarness;

  /** A mention whose text is exactly `text` after Warden's own mention. */
  async function askByMentionRaw(text: string, ts: string) {
    const envelope = mention(text, { ts });
    envelope.event.text = `<@${BOT_USER_ID}>${text}`;
    await harness.send(eventRequest(envelope));
    const post = await harness.slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts);
    return { post };
  }

  beforeAll(async () => {
    harness = await startSlackHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('answers a mention in the mention’s thread with valid blocks and no unfurling', async () => {
    const { post, eventTs } = await askByMention(
      harness,
      'Which of our users had risky sign-ins this week?',
    );

    expect(post.args).toMatchObject({
      channel: 'C2041',
      thread_ts: eventTs,
      unfurl_links: 'false',
      unfurl_media: 'false',
    });
    expect(post.token).toBe('xoxb-test-token');
    expect(validateBlockKitMessage({ text: post.args.text, blocks: post.args.blocks })).toEqual([]);
    expect(textsOf(post.args.blocks).join('\n')).toContain('Bob Lee');
    expect(buttonsOf(post.args.blocks).map((b) => b.action_id)).toEqual([
      'warden.pin',
      'warden.feedback.up',
      'warden.feedback.down',
      'warden.share',
    ]);
  });

  it('answers a mention from Slack’s documentation, in its thread', async () => {
    const envelope = fixture('app_mention.slack-docs.json');
    envelope.event.text = '<@U0LAN0Z89> which hosts talked to 185.220.101.4 today?';

    const ack = await harness.send(eventRequest(envelope));
    const post = await harness.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'C123ABC456',
    );

    expect(ack.status).toBe(200);
    expect(post.args.thread_ts).toBe('1515449522.000016');
    const buttons = buttonsOf(post.args.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([
      'warden.pin',
      'warden.feedback.up',
      'warden.feedback.down',
      'warden.share',
    ]);
    const turn = await harness.warden.warden.turns.get('T123ABC456', buttons[0].value ?? '');
    expect(turn).toMatchObject({
      channel: 'slack',
      conversationId: 'C123ABC456',
      threadId: '1515449522.000016',
    });
    expect(turn?.conversationName).toBe('#security-ops');
  });

  it('refuses the documentation’s off-topic question, with feedback only', async () => {
    const envelope = fixture('app_mention.slack-docs.json');
    envelope.event_id = 'Ev123ABC456-verbatim';
    envelope.event.ts = envelope.event.event_ts = '1515449599.000017';

    await harness.send(eventRequest(envelope));
    const post = await harness.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts === '1515449599.000017',
    );

    expect(textsOf(post.args.blocks)[0]).toBe('Warden answers security questions only');
    expect(buttonsOf(post.args.blocks).map((b) => b.action_id)).toEqual([
      'warden.feedback.up',
      'warden.feedback.down',
    ]);
  });

  it('reads the incident number from the channel name, looked up once and cached', async () => {
    const { post } = await askByMention(harness, 'Summarise this incident', {
      ts: '1736500500.000001',
    });
    await askByMention(harness, 'Who is involved in this incident?', { ts: '1736500501.000001' });

    expect(textsOf(post.args.blocks).join('\n')).toMatch(/2041/);
    const lookups = harness.slack
      .callsOf('conversations.info')
      .filter((c) => c.args.channel === 'C2041');
    expect(lookups).toHaveLength(1);
  });

  it('registers the channel in the conversation directory with its Slack reference', async () => {
    await askByMention(harness, 'Show open high-severity incidents', { ts: '1736500600.000001' });
    await harness.idle();

    expect(await harness.warden.warden.directory.get('T111', 'C2041')).toEqual({
      id: 'C2041',
      tenantId: 'T111',
      channel: 'slack',
      name: '#inc-2041-phishing',
      reference: { channelId: 'C2041', teamId: 'T111' },
    });
  });

  it('answers an empty mention with a note in the thread instead of an answer', async () => {
    const { post } = await askByMentionRaw('', '1736500650.000001');

    expect(textsOf(post.args.blocks)[0]).toBe('*Warden could not take that question*');
    expect(textsOf(post.args.blocks)[1]).toMatch(/^The message is empty\. Ask a security question/);
  });

  it('answers without a channel name when Slack will not give one', async () => {
    const { post, turnId } = await askByMention(harness, 'Show open high-severity incidents', {
      ts: '1736500660.000001',
      channel: 'C9999',
    });

    await harness.idle();

    expect(buttonsOf(post.args.blocks)).toHaveLength(4);
    const turn = await harness.warden.warden.turns.get('T111', turnId);
    expect(turn?.conversationName).toBeUndefined();
    expect((await harness.warden.warden.directory.get('T111', 'C9999'))?.name).toBe('C9999');
  });

  it('answers a direct message, and keeps it out of the directory', async () => {
    const envelope = fixture('message_im.event_callback.json');

    await harness.send(eventRequest(envelope));
    const post = await harness.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'D222');

    expect(post.args.thread_ts).toBeUndefined();
    expect(textsOf(post.args.blocks).join('\n')).toMatch(/CVE-2021-44228/);
    expect(await harness.warden.warden.directory.get('T111', 'D222')).toBeUndefined();
  });

  it('ignores its own messages and message edits in a direct conversation', async () => {
    const own = fixture('message_im.event_callback.json');
    own.event_id = 'Ev-own';
    own.event.user = BOT_USER_ID;
    own.event.bot_id = 'BWARDEN';
    own.event.ts = '1736500700.000001';
    const edit = fixture('message_im.event_callback.json');
    edit.event_id = 'Ev-edit';
    edit.event.subtype = 'message_changed';
    edit.event.ts = '1736500701.000001';
    const before = harness.slack.callsOf('chat.postMessage').length;

    await harness.send(eventRequest(own));
    await harness.send(eventRequest(edit));
    await harness.idle();

    expect(harness.slack.callsOf('chat.postMessage')).toHaveLength(before);
  });

  it('greets a new assistant thread with suggested prompts', async () => {
    await harness.send(eventRequest(fixture('assistant_thread_started.event_callback.json')));
    const prompts = await harness.slack.waitFor('assistant.threads.setSuggestedPrompts');
    const greeting = await harness.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'D222' && c.args.thread_ts === '1736500200.000300',
    );

    expect(textsOf(greeting.args.blocks)[0]).toBe("*Hi, I'm Warden*");
    expect(greeting.args.unfurl_links).toBe('false');
    expect(prompts.args).toMatchObject({ channel_id: 'D222', thread_ts: '1736500200.000300' });
    expect(prompts.args.prompts[0]).toEqual({
      title: 'Which of our users had risky sign-ins this week?',
      message: 'Which of our users had risky sign-ins this week?',
    });
  });

  it('keeps an assistant thread’s context without calling Slack', async () => {
    const before = harness.slack.calls.length;

    const ack = await harness.send(
      eventRequest(fixture('assistant_thread_context_changed.event_callback.json')),
    );
    await harness.idle();

    expect(ack.status).toBe(200);
    expect(harness.slack.calls.length).toBe(before);
  });

  it('shows "is thinking…" in an assistant thread, then answers in the thread', async () => {
    await harness.send(eventRequest(fixture('assistant_user_message.event_callback.json')));
    const status = await harness.slack.waitFor('assistant.threads.setStatus');
    const answer = await harness.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts === '1736500200.000300' && buttonsOf(c.args.blocks).length > 0,
    );

    expect(status.args).toMatchObject({
      channel_id: 'D222',
      thread_ts: '1736500200.000300',
      status: 'is thinking…',
    });
    expect(harness.slack.calls.indexOf(status)).toBeLessThan(harness.slack.calls.indexOf(answer));
    expect(buttonsOf(answer.args.blocks)).toHaveLength(4);
  });

  it('still answers a thread message when Slack refuses the "thinking" status', async () => {
    const envelope = fixture('assistant_user_message.event_callback.json');
    envelope.event_id = 'Ev0006NOSTATUS';
    envelope.event.ts = envelope.event.event_ts = '1736500900.000100';
    envelope.event.thread_ts = '1736500800.000100';
    harness.slack.failNext('assistant.threads.setStatus', 'not_allowed');

    await harness.send(eventRequest(envelope));
    const answer = await harness.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts === '1736500800.000100',
    );

    expect(buttonsOf(answer.args.blocks)).toHaveLength(4);
  });
});
