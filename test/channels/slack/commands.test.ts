import { validateBlockKitMessage } from '../../../src/cards';
import { askByMention, buttonsOf, startSlackHarness, textsOf, type SlackHarness } from './harness';
import { buttonClick, commandRequest, interactionRequest } from './requests';

describe('/warden', () => {
  let harness: SlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  const run = (text: string, overrides: Record<string, string> = {}) =>
    harness.send(commandRequest(text, harness.slack.responseUrl(), overrides));

  it('help: answers at once, only to the person, with every subcommand', async () => {
    const response = await run('help');

    expect(response.status).toBe(200);
    expect(response.json.response_type).toBe('ephemeral');
    expect(validateBlockKitMessage(response.json)).toEqual([]);
    const help = textsOf(response.json.blocks).join('\n');
    expect(help).toContain('`/warden help` — Show what Warden can do here.');
    expect(help).toContain('`/warden ask &lt;question&gt;` — Ask a security question');
    expect(help).toContain('`/warden pins` — Show the pin board of this channel.');
  });

  it('shows help for no text at all', async () => {
    const response = await run('');

    expect(textsOf(response.json.blocks)[0]).toBe('*How to use /warden*');
  });

  it('answers an unknown subcommand with usage help, escaped, only to the person', async () => {
    const response = await run('<!channel> now');

    expect(response.json.response_type).toBe('ephemeral');
    expect(textsOf(response.json.blocks)[1]).toMatch(
      /^Warden has no "&lt;!channel&gt;" command\.\n`\/warden help`/,
    );
  });

  it('routes a subcommand a later feature registers, and lists it in help', async () => {
    const seen: string[] = [];
    harness.warden.server.slack?.commands.register('run', {
      usage: 'run <promptbook> [key=value …]',
      description: 'Run a promptbook.',
      run: async ({ args, tenantId, ack }) => {
        seen.push(`${tenantId}: ${args}`);
        await ack();
      },
    });

    const response = await run('RUN phishing-triage user=bob');
    const help = await run('help');

    expect(response.status).toBe(200);
    expect(seen).toEqual(['T111: phishing-triage user=bob']);
    expect(textsOf(help.json.blocks).join('\n')).toContain(
      '`/warden run &lt;promptbook&gt; [key=value …]` — Run a promptbook.',
    );
  });

  it('ask: acknowledges at once, then posts question and answer in the channel', async () => {
    const response = await run('ask Which of our users had risky sign-ins this week?');
    const post = await harness.slack.waitFor(
      'chat.postMessage',
      (call) => call.args.channel === 'C2041' && !call.args.thread_ts,
    );

    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(post.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(validateBlockKitMessage({ text: post.args.text, blocks: post.args.blocks })).toEqual([]);
    expect(post.args.blocks[0]).toMatchObject({
      block_id: 'warden.asked',
      elements: [{ text: '<@W222> asked: Which of our users had risky sign-ins this week?' }],
    });
    expect(buttonsOf(post.args.blocks)).toHaveLength(4);
  });

  it('ask: keeps who asked what when the answer is pinned', async () => {
    await run('ask Show open high-severity incidents', {
      channel_id: 'C3000',
      channel_name: 'soc-triage',
    });
    const post = await harness.slack.waitFor(
      'chat.postMessage',
      (call) => call.args.channel === 'C3000',
    );
    const turnId = buttonsOf(post.args.blocks)[0]?.value ?? '';

    await harness.send(
      interactionRequest(
        buttonClick('warden.pin', turnId, {
          channel: 'C3000',
          messageTs: '1736504000.000001',
          blocks: post.args.blocks,
        }),
      ),
    );
    const update = await harness.slack.waitFor(
      'chat.update',
      (call) => call.args.channel === 'C3000',
    );

    expect(update.args.blocks[0].block_id).toBe('warden.asked');
    expect(buttonsOf(update.args.blocks)[0]?.action_id).toBe('warden.unpin');
    expect(await harness.warden.warden.turns.get('T111', turnId)).toMatchObject({
      conversationName: '#soc-triage',
    });
  });

  it('ask: tells the person privately when Warden is not in the channel', async () => {
    harness.slack.failNext('chat.postMessage', 'not_in_channel');

    await run('ask Show open incidents', { channel_id: 'C7777', channel_name: 'random' });
    const reply = await harness.slack.waitFor('response_url');

    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(
      /^Warden is not in this channel, so it cannot post the answer here/,
    );
    expect(await harness.warden.warden.directory.get('T111', 'C7777')).toBeUndefined();
  });

  it('ask: without a question, says how to ask', async () => {
    const response = await run('ask');

    expect(response.json.text).toBe('Add your question: /warden ask &lt;question&gt;');
  });

  it('pins: shows this channel’s pin board only to the person', async () => {
    const { turnId, eventTs, post } = await askByMention(harness, 'Tell me about CVE-2021-44228', {
      ts: '1736504100.000001',
    });
    await harness.send(
      interactionRequest(
        buttonClick('warden.pin', turnId, {
          channel: 'C2041',
          messageTs: '1736504100.0000019',
          threadTs: eventTs,
          blocks: post.args.blocks,
        }),
      ),
    );
    await harness.slack.waitFor('chat.update', (call) => call.args.ts === '1736504100.0000019');

    const response = await run('pins');

    expect(response.json.response_type).toBe('ephemeral');
    expect(validateBlockKitMessage(response.json)).toEqual([]);
    const texts = textsOf(response.json.blocks);
    expect(texts[0]).toBe('📌 Pin board · #inc-2041-phishing');
    expect(texts.join('\n')).toMatch(/CVE-2021-44228/);
    expect(texts.join('\n')).toContain('Pinned by <@W222>');
  });
});
