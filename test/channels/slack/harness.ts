import type { Block } from '../../../src/cards';
import { startTestWarden, type TestWarden } from '../../support/in-process';
import { SIGNING_SECRET, eventRequest, mention, sendSlack, type SlackRequest } from './requests';
import { SlackApiStandIn, type RecordedCall } from './slack-api';

export interface SlackHarness {
  warden: TestWarden;
  slack: SlackApiStandIn;
  send(request: SlackRequest): ReturnType<typeof sendSlack>;
  /** Waits until Warden has finished everything it acknowledged. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Warden in-process with Slack on, talking to a local Web API stand-in. */
export async function startSlackHarness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const slack = await new SlackApiStandIn().start();
  const warden = await startTestWarden({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
    ...env,
  });
  const channel = warden.server.slack;
  if (!channel) throw new Error('Slack did not start: check the harness environment');
  return {
    warden,
    slack,
    send: (request) => sendSlack(warden.url, request),
    idle: () => channel.idle(),
    close: async () => {
      await warden.close();
      await slack.close();
    },
  };
}

/** Mentions Warden in `#inc-2041-phishing` and returns the answer Warden posted. */
export async function askByMention(
  harness: SlackHarness,
  text: string,
  overrides: Parameters<typeof mention>[1] = {},
): Promise<{ post: RecordedCall; turnId: string; eventTs: string }> {
  const envelope = mention(text, overrides);
  const ack = await harness.send(eventRequest(envelope));
  if (ack.status !== 200) throw new Error(`mention not acknowledged: ${ack.status}`);
  const post = await harness.slack.waitFor(
    'chat.postMessage',
    (call) =>
      call.args.thread_ts === envelope.event.ts && call.args.channel === envelope.event.channel,
  );
  return { post, turnId: buttonsOf(post.args.blocks)[0]?.value ?? '', eventTs: envelope.event.ts };
}

export function buttonsOf(blocks: Block[]) {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
}

/** Every text a reader sees in the blocks, in order. */
export function textsOf(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'section') {
      return [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((f) => f.text)];
    }
    if (block.type === 'context') return block.elements.map((element) => element.text);
    return [];
  });
}
