import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import {
  ASKED_BLOCK_ID,
  feedbackModal,
  renderAnswerBlocks,
  renderNoteBlocks,
  shareModal,
  verbForActionId,
  type Block,
  type ModalOrigin,
  type SlackButtonVerb,
  type SlackMessage,
} from '../../cards';
import type { CardActionHandler, CardActionResult } from '../../collab/actions';
import type { Logger } from '../../core/logger';
import { slackActor, tenantOf } from './inbound';
import { refusalMessage } from './refusal';
import { openModal, postEphemeral, updateMessage, type WebClient } from './web-api';

/** A button click, with tenant and person taken from Slack's signed payload. */
interface Click {
  client: WebClient;
  tenantId: string;
  userId: string;
  verb: SlackButtonVerb;
  turnId: string;
  channel: string;
  messageTs?: string;
  threadTs?: string;
  /** Ephemeral messages cannot be edited with chat.update. */
  ephemeral: boolean;
  triggerId: string;
  originalBlocks: unknown[];
}

/**
 * Pin, 👍, 👎 and Share on an answer. The button carries the turn id only; the card action
 * handler looks the turn up again under the tenant of the signed request and checks it belongs
 * to the channel the click came from, so a forged or stale button changes nothing.
 */
export function registerCardButtons(app: App, actions: CardActionHandler, logger: Logger): void {
  app.action<BlockAction<ButtonAction>>(
    /^warden\./,
    async ({ ack, body, action, client, context }) => {
      await ack();
      const click = readClick(body, action, client, tenantOf(context));
      if (!click) {
        logger.warn({ actionId: action.action_id }, 'Slack button not understood; ignored');
        return;
      }
      try {
        await press(click, actions);
      } catch (error) {
        await tell(click, refusalMessage(error, logger, `button ${click.verb}`));
      }
    },
  );
}

function readClick(
  body: BlockAction<ButtonAction>,
  action: ButtonAction,
  client: WebClient,
  tenantId: string,
): Click | undefined {
  const verb = verbForActionId(action.action_id);
  const channel = body.container?.channel_id ?? body.channel?.id;
  if (!verb || !channel || !action.value) return undefined;
  return {
    client,
    tenantId,
    userId: body.user.id,
    verb,
    turnId: action.value,
    channel,
    messageTs: body.container?.message_ts ?? body.message?.ts,
    threadTs: body.container?.thread_ts ?? body.message?.thread_ts,
    ephemeral: body.container?.is_ephemeral === true,
    triggerId: body.trigger_id,
    originalBlocks: (body.message?.blocks as unknown[] | undefined) ?? [],
  };
}

async function press(click: Click, actions: CardActionHandler): Promise<void> {
  const result = await actions.handle({
    verb: click.verb,
    turnId: click.turnId,
    tenantId: click.tenantId,
    conversation: { id: click.channel, tenantId: click.tenantId, channel: 'slack' },
    actor: slackActor(click.userId),
    inputs: {},
  });
  switch (click.verb) {
    case 'pin':
    case 'unpin':
      await redraw(click, result);
      return tell(click, renderNoteBlocks(result.view.notice ?? 'Done.'));
    case 'feedback.up':
      return tell(click, renderNoteBlocks(result.view.notice ?? 'Thanks for your feedback.'));
    case 'feedback.down':
      return openModal(click.client, click.triggerId, feedbackModal(originOf(click)));
    case 'share.open': {
      const hasTargets = (result.view.shareTargets ?? []).length > 0;
      return openModal(click.client, click.triggerId, shareModal(originOf(click), hasTargets));
    }
  }
}

/** Everyone sees the pin state on the message; the confirmation goes to the clicker only. */
async function redraw(click: Click, result: CardActionResult): Promise<void> {
  if (click.ephemeral || !click.messageTs) return;
  const view = {
    mode: 'answer' as const,
    ...(result.view.pinned && { pinned: result.view.pinned }),
  };
  const message = keepAskedBlock(renderAnswerBlocks(result.answer, view), click.originalBlocks);
  await updateMessage(click.client, { channel: click.channel, ts: click.messageTs }, message);
}

/** A `/warden ask` answer opens with who asked what; a redraw keeps that line. */
function keepAskedBlock(message: SlackMessage, original: unknown[]): SlackMessage {
  const asked = original.find(
    (block) => (block as { block_id?: unknown }).block_id === ASKED_BLOCK_ID,
  ) as Block | undefined;
  return asked ? { ...message, blocks: [asked, ...message.blocks] } : message;
}

function originOf(click: Click): ModalOrigin {
  return {
    turnId: click.turnId,
    channel: click.channel,
    ...(click.messageTs && { messageTs: click.messageTs }),
    ...(click.threadTs && { threadTs: click.threadTs }),
  };
}

function tell(click: Click, message: SlackMessage): Promise<void> {
  return postEphemeral(
    click.client,
    { channel: click.channel, user: click.userId, threadTs: click.threadTs },
    message,
  );
}
