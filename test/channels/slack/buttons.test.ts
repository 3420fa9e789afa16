import { validateBlockKitMessage, validateModalView } from '../../../src/cards';
import { askByMention, buttonsOf, startSlackHarness, textsOf, type SlackHarness } from './harness';
import { buttonClick, interactionRequest } from './requests';
import type { RecordedCall } from './slack-api';

describe('Slack answer buttons', () => {
  let harness: SlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  /** A fresh answer in `#inc-2041-phishing` and a way to click its buttons. */
  async function answered(ts: string) {
    const { post, turnId, eventTs } = await askByMention(harness, 'Tell me about CVE-2021-44228', {
      ts,
    });
    const messageTs = `${ts}9`;
    const where: Parameters<typeof buttonClick>[2] = {
      channel: 'C2041',
      messageTs,
      threadTs: eventTs,
      blocks: post.args.blocks,
    };
    const click = async (
      actionId: string,
      overrides: Partial<typeof where> & { turnId?: string } = {},
    ) => {
      const payload = buttonClick(actionId, overrides.turnId ?? turnId, { ...where, ...overrides });
      return harness.send(interactionRequest(payload));
    };
    return { post, turnId, messageTs, click };
  }

  function ephemeralAfter(count: number): Promise<RecordedCall> {
    return harness.slack.waitFor(
      'chat.postEphemeral',
      (call) => harness.slack.callsOf('chat.postEphemeral').indexOf(call) >= count,
    );
  }

  it('pins: marks the message "Pinned by …" and confirms to the clicker only', async () => {
    const { turnId, messageTs, click } = await answered('1736502000.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;

    const ack = await click('warden.pin');
    const update = await harness.slack.waitFor('chat.update', (call) => call.args.ts === messageTs);
    const confirmation = await ephemeralAfter(ephemerals);

    expect(ack.status).toBe(200);
    expect(update.args.channel).toBe('C2041');
    expect(validateBlockKitMessage({ text: update.args.text, blocks: update.args.blocks })).toEqual(
      [],
    );
    expect(
      textsOf(update.args.blocks).some((t) => t.startsWith(':pushpin: Pinned by <@W222>')),
    ).toBe(true);
    expect(buttonsOf(update.args.blocks)[0]).toMatchObject({
      action_id: 'warden.unpin',
      value: turnId,
    });
    expect(confirmation.args).toMatchObject({
      channel: 'C2041',
      user: 'W222',
      thread_ts: '1736502000.000001',
    });
    expect(confirmation.args.text).toBe('Pinned to this conversation’s pin board.');
    expect(await harness.warden.warden.pins.board('T111', 'C2041')).toEqual([
      expect.objectContaining({ turnId, pinnedBy: { id: 'W222' } }),
    ]);
  });

  it('unpins, and the message offers Pin again', async () => {
    const { turnId, messageTs, click } = await answered('1736502100.000001');
    await click('warden.pin');
    await harness.slack.waitFor('chat.update', (call) => call.args.ts === messageTs);

    await click('warden.unpin');
    const update = await harness.slack.waitFor(
      'chat.update',
      (call) =>
        call.args.ts === messageTs && buttonsOf(call.args.blocks)[0]?.action_id === 'warden.pin',
    );

    expect(textsOf(update.args.blocks).join('\n')).not.toContain('Pinned by');
    expect(await harness.warden.warden.pins.pinState('T111', turnId)).toBeUndefined();
  });

  it('thumbs up: records the rating and thanks the clicker privately', async () => {
    const { turnId, click } = await answered('1736502200.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;

    await click('warden.feedback.up');
    const thanks = await ephemeralAfter(ephemerals);

    expect(thanks.args).toMatchObject({
      user: 'W222',
      text: 'Thanks — your feedback was saved.',
    });
    const [record] = await harness.warden.warden.feedback.recent('T111', { rating: 'up' });
    expect(record).toMatchObject({ turnId, rating: 'up', actor: { id: 'W222' } });
  });

  it('thumbs down: opens the feedback modal remembering the answer and the message', async () => {
    const { turnId, messageTs, click } = await answered('1736502300.000001');

    await click('warden.feedback.down');
    const open = await harness.slack.waitFor(
      'views.open',
      (call) =>
        call.args.view.callback_id === 'warden.feedback' &&
        call.args.view.private_metadata.includes(turnId),
    );

    expect(open.args.trigger_id).toBe('111.222.valid');
    expect(validateModalView(open.args.view)).toEqual([]);
    expect(JSON.parse(open.args.view.private_metadata)).toEqual({
      turnId,
      channel: 'C2041',
      messageTs,
      threadTs: '1736502300.000001',
    });
  });

  it('share: opens a modal with Slack’s channel picker', async () => {
    await askByMention(harness, 'Show open high-severity incidents', {
      ts: '1736502400.000001',
      channel: 'C3000',
    });
    await harness.idle();
    const { turnId, click } = await answered('1736502401.000001');

    await click('warden.share');
    const open = await harness.slack.waitFor(
      'views.open',
      (call) =>
        call.args.view.callback_id === 'warden.share' &&
        call.args.view.private_metadata.includes(turnId),
    );

    expect(validateModalView(open.args.view)).toEqual([]);
    expect(open.args.view.blocks[0].element.type).toBe('conversations_select');
  });

  it('refuses a forged turn id privately and changes nothing', async () => {
    const { messageTs, click } = await answered('1736502500.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;
    const updates = harness.slack.callsOf('chat.update').length;

    await click('warden.pin', { turnId: 'turn-that-never-was' });
    const refusal = await ephemeralAfter(ephemerals);
    await harness.idle();

    expect(refusal.args.text).toBe(
      'That answer is not available any more. Ask the question again for a fresh one.',
    );
    expect(harness.slack.callsOf('chat.update')).toHaveLength(updates);
    expect(harness.slack.callsOf('chat.update').some((c) => c.args.ts === messageTs)).toBe(false);
  });

  it('refuses a click from another workspace on this workspace’s answer', async () => {
    const { turnId, click } = await answered('1736502600.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;

    await click('warden.pin', { team: 'T222' });
    const refusal = await ephemeralAfter(ephemerals);

    expect(refusal.args.text).toMatch(/not available any more/);
    expect(await harness.warden.warden.pins.pinState('T111', turnId)).toBeUndefined();
  });

  it('refuses a button pressed in another channel than its answer', async () => {
    const { turnId, click } = await answered('1736502700.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;

    await click('warden.pin', { channel: 'C3000' });
    const refusal = await ephemeralAfter(ephemerals);

    expect(refusal.args).toMatchObject({ channel: 'C3000', user: 'W222' });
    expect(refusal.args.text).toMatch(/belongs to another conversation/);
    expect(await harness.warden.warden.pins.pinState('T111', turnId)).toBeUndefined();
  });
});
