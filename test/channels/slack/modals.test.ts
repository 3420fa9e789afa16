import { validateBlockKitMessage } from '../../../src/cards';
import { askByMention, buttonsOf, startSlackHarness, textsOf, type SlackHarness } from './harness';
import { interactionRequest, modalSubmission } from './requests';
import type { RecordedCall } from './slack-api';

const reasons = (...values: string[]) => ({
  'warden.reasons': {
    reasons: { type: 'checkboxes', selected_options: values.map((value) => ({ value })) },
  },
});
const comment = (value: string | null) => ({
  'warden.comment': { comment: { type: 'plain_text_input', value } },
});
const target = (channel: string | null) => ({
  'warden.target': { target: { type: 'conversations_select', selected_conversation: channel } },
});

describe('Slack modals', () => {
  let harness: SlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness();
    // Warden has been mentioned in #soc-triage too, so it can share there.
    await askByMention(harness, 'Show open high-severity incidents', {
      ts: '1736503000.000001',
      channel: 'C3000',
    });
    await harness.idle();
  });

  afterAll(async () => {
    await harness.close();
  });

  async function answerIn2041(ts: string) {
    const { turnId } = await askByMention(harness, 'Tell me about CVE-2021-44228', { ts });
    const metadata = JSON.stringify({
      turnId,
      channel: 'C2041',
      messageTs: `${ts}9`,
      threadTs: ts,
    });
    return { turnId, metadata };
  }

  function ephemeralAfter(count: number): Promise<RecordedCall> {
    return harness.slack.waitFor(
      'chat.postEphemeral',
      (call) => harness.slack.callsOf('chat.postEphemeral').indexOf(call) >= count,
    );
  }

  it('stores thumbs-down feedback with its reasons and comment, and says thanks', async () => {
    const { turnId, metadata } = await answerIn2041('1736503100.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;

    const ack = await harness.send(
      interactionRequest(
        modalSubmission(
          'warden.feedback',
          { ...reasons('incorrect', 'incomplete'), ...comment('It missed the KEV date.') },
          metadata,
        ),
      ),
    );
    const thanks = await ephemeralAfter(ephemerals);

    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(thanks.args).toMatchObject({
      channel: 'C2041',
      user: 'W222',
      thread_ts: '1736503100.000001',
      text: 'Thanks — your feedback was saved.',
    });
    const [record] = await harness.warden.warden.feedback.recent('T111', { rating: 'down' });
    expect(record).toMatchObject({
      turnId,
      reasons: ['incorrect', 'incomplete'],
      comment: 'It missed the KEV date.',
    });
  });

  it('keeps the modal open with an error when no reason is ticked', async () => {
    const { metadata } = await answerIn2041('1736503200.000001');

    const ack = await harness.send(
      interactionRequest(
        modalSubmission('warden.feedback', { ...reasons(), ...comment(null) }, metadata),
      ),
    );

    expect(ack.json).toEqual({
      response_action: 'errors',
      errors: { 'warden.reasons': 'Pick at least one reason.' },
    });
  });

  it('refuses feedback on an answer this workspace does not have, privately', async () => {
    const metadata = JSON.stringify({ turnId: 'turn-of-someone-else', channel: 'C2041' });
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;

    await harness.send(
      interactionRequest(modalSubmission('warden.feedback', reasons('unclear'), metadata)),
    );
    const refusal = await ephemeralAfter(ephemerals);

    expect(refusal.args.text).toMatch(/not available any more/);
  });

  it('shares to the chosen channel with attribution, and confirms privately', async () => {
    const { metadata } = await answerIn2041('1736503300.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;

    const ack = await harness.send(
      interactionRequest(modalSubmission('warden.share', target('C3000'), metadata)),
    );
    const shared = await harness.slack.waitFor(
      'chat.postMessage',
      (call) =>
        call.args.channel === 'C3000' &&
        textsOf(call.args.blocks).some((t) => t.startsWith('Shared by')),
    );
    const confirmation = await ephemeralAfter(ephemerals);

    expect(ack.status).toBe(200);
    expect(shared.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(shared.args.thread_ts).toBeUndefined();
    expect(validateBlockKitMessage({ text: shared.args.text, blocks: shared.args.blocks })).toEqual(
      [],
    );
    expect(textsOf(shared.args.blocks).find((t) => t.startsWith('Shared by'))).toMatch(
      /^Shared by <@W222> from #inc-2041-phishing · /,
    );
    const sharedTurnId = buttonsOf(shared.args.blocks)[0]?.value ?? '';
    expect(await harness.warden.warden.turns.get('T111', sharedTurnId)).toMatchObject({
      conversationId: 'C3000',
    });
    expect(confirmation.args.text).toBe('Shared to #soc-triage.');
  });

  it('asks for another channel when Warden is not in it, or it is the same', async () => {
    const { metadata } = await answerIn2041('1736503400.000001');

    const unknown = await harness.send(
      interactionRequest(modalSubmission('warden.share', target('C9999'), metadata)),
    );
    const same = await harness.send(
      interactionRequest(modalSubmission('warden.share', target('C2041'), metadata)),
    );

    expect(unknown.json).toEqual({
      response_action: 'errors',
      errors: {
        'warden.target':
          'Warden is not in that channel yet. Add it with /invite @Warden, then share again.',
      },
    });
    expect(same.json.errors['warden.target']).toBe(
      'The answer is already in this channel: pick another one.',
    );
  });

  it('tells the sharer when Warden was removed from the target channel', async () => {
    const { metadata } = await answerIn2041('1736503500.000001');
    const ephemerals = harness.slack.callsOf('chat.postEphemeral').length;
    harness.slack.failNext('chat.postMessage', 'not_in_channel');

    await harness.send(
      interactionRequest(modalSubmission('warden.share', target('C3000'), metadata)),
    );
    const note = await ephemeralAfter(ephemerals);

    expect(note.args.text).toBe(
      'Warden could not post in #soc-triage: it is no longer in that channel. Add it again with ' +
        '/invite @Warden, then share once more.',
    );
  });

  it('acknowledges a submission of a modal Warden did not open, and does nothing', async () => {
    const before = harness.slack.calls.length;

    const ack = await harness.send(
      interactionRequest(modalSubmission('warden.feedback', reasons('unclear'), 'hello')),
    );
    await harness.idle();

    expect(ack.status).toBe(200);
    expect(harness.slack.calls.length).toBe(before);
  });
});
