import { webApi } from '@slack/bolt';
import type { ModalView, SlackMessage } from '../../cards';

/**
 * Every call Warden makes to the Slack Web API goes through these few functions, so each rule
 * holds in one place: bot posts never unfurl links or media (a preview fetch could leak an
 * indicator or an internal URL to its host), and errors keep Slack's error code.
 */
export type WebClient = webApi.WebClient;

export interface PostTarget {
  channel: string;
  /** Reply in this thread; absent posts to the channel itself. */
  threadTs?: string;
}

export async function postMessage(
  client: WebClient,
  target: PostTarget,
  message: SlackMessage,
): Promise<{ ts?: string }> {
  const result = await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs && { thread_ts: target.threadTs }),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  return { ts: result.ts };
}

/** chat.update takes no unfurl flags: an edited message keeps what its first post chose. */
export async function updateMessage(
  client: WebClient,
  where: { channel: string; ts: string },
  message: SlackMessage,
): Promise<void> {
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    text: message.text,
    blocks: message.blocks,
  });
}

/** A message only `user` sees; ephemeral messages are never unfurled. */
export async function postEphemeral(
  client: WebClient,
  target: PostTarget & { user: string },
  message: SlackMessage,
): Promise<void> {
  await client.chat.postEphemeral({
    channel: target.channel,
    user: target.user,
    ...(target.threadTs && { thread_ts: target.threadTs }),
    text: message.text,
    blocks: message.blocks,
  });
}

export async function openModal(client: WebClient, triggerId: string, view: ModalView) {
  await client.views.open({ trigger_id: triggerId, view });
}

/** Slack's error code (`not_in_channel`, `channel_not_found`) when the API refused a call. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  if (code !== webApi.ErrorCode.PlatformError) return undefined;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Codes that mean Warden cannot post in that conversation until someone adds it. */
export const NOT_IN_CONVERSATION = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
]);
