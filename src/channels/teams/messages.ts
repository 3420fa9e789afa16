import type { TurnContext } from 'botbuilder';
import { renderAnswerCard, renderNoticeCard, renderPinBoardCard } from '../../cards';
import type { AdaptiveCard } from '../../cards/types';
import type { PinService } from '../../collab/pins';
import type { ConversationInfo, InboundMessage } from '../../core/conversation';
import { toWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Engine } from '../../engine/engine';
import { type TeamsPlace, actorOf, mentionsBot, placeOf } from './activity';
import { cardActivity, renderHelpCard } from './cards';
import { type TeamsCommandName, parseCommand } from './commands';
import type { TeamsConversations } from './conversations';
import { type FailureContext, failureCard } from './failures';
import { ProgressReply } from './progress';
import { channelNameLookup } from './names';
import { fileAttachments, questionText } from './text';

export interface TeamsMessagesDeps {
  engine: Pick<Engine, 'handle'>;
  pins: PinService;
  conversations: TeamsConversations;
  /** Whether answers come from the demo tenant, for the help card. */
  demoData: boolean;
  /** TEAMS_PROGRESS_AFTER_MS: a turn running longer posts a progress message first. */
  progressAfterMs: number;
  logger: Logger;
  newId: () => string;
  now: () => Date;
}

const NO_TENANT_NOTICE =
  'This message did not say which organisation it came from, so Warden did not answer it. ' +
  'Send it again from Microsoft Teams.';

/**
 * Messages to Warden: a mention in a channel or group chat, or anything in a personal chat.
 * Commands answer at once; questions go to the engine with a typing indicator and, for slow
 * turns, a progress message that the answer card replaces.
 */
export class TeamsMessages {
  private readonly failure: FailureContext;

  constructor(private readonly deps: TeamsMessagesDeps) {
    this.failure = {
      log: deps.logger,
      newId: deps.newId,
      refusedTitle: 'Warden did not answer that',
      what: 'message',
    };
  }

  async handle(context: TurnContext): Promise<void> {
    const { activity } = context;
    const place = placeOf(activity);
    if (!place) {
      this.deps.logger.warn({ activityId: activity.id }, 'message without a tenant id refused');
      await context.sendActivity(
        cardActivity(renderNoticeCard('Warden did not answer', NO_TENANT_NOTICE)),
      );
      return;
    }
    // Teams delivers channel and group chat messages only when Warden is mentioned, unless the
    // app has more permissions; either way Warden speaks only when spoken to.
    if (place.kind !== 'personal' && !mentionsBot(activity)) {
      this.deps.logger.debug({ kind: place.kind }, 'message without a mention of Warden ignored');
      return;
    }

    let conversation: ConversationInfo;
    try {
      ({ info: conversation } = await this.deps.conversations.register(activity, place, {
        uninstalled: false,
        lookupName: channelNameLookup(context, place, this.deps.logger),
      }));
    } catch (error) {
      const card = failureCard(error, this.failure);
      await context.sendActivity(cardActivity(card));
      return;
    }
    const text = questionText(activity);
    const command = parseCommand(text);
    if (command) await this.command(context, command, place, conversation);
    else await this.answer(context, this.inbound(context, conversation, text));
  }

  private async command(
    context: TurnContext,
    command: TeamsCommandName,
    place: TeamsPlace,
    conversation: ConversationInfo,
  ): Promise<void> {
    let card: AdaptiveCard;
    try {
      card =
        command === 'help'
          ? renderHelpCard({ kind: place.kind, demoData: this.deps.demoData })
          : renderPinBoardCard(
              await this.deps.pins.board(place.tenantId, conversation.id),
              conversation.name,
            );
    } catch (error) {
      card = failureCard(error, this.failure);
    }
    await context.sendActivity(cardActivity(card));
  }

  /** A reply Teams refuses is not retried here: botbuilder's onTurnError logs it. */
  private async answer(context: TurnContext, message: InboundMessage): Promise<void> {
    await this.typing(context);
    const reply = new ProgressReply(context, {
      afterMs: this.deps.progressAfterMs,
      log: this.deps.logger,
    });
    reply.start();
    try {
      let card: AdaptiveCard;
      try {
        const { answer } = await this.deps.engine.handle(message, { onProgress: reply.note });
        card = renderAnswerCard(answer);
      } catch (error) {
        card = failureCard(error, this.failure);
      }
      await reply.finish(cardActivity(card));
    } finally {
      reply.stop();
    }
  }

  private inbound(
    context: TurnContext,
    conversation: ConversationInfo,
    text: string,
  ): InboundMessage {
    const attachments = fileAttachments(context.activity);
    return {
      tenantId: conversation.tenantId,
      conversation,
      user: actorOf(context.activity),
      text,
      ...(attachments.length > 0 && { attachments }),
      receivedAt: this.deps.now().toISOString(),
    };
  }

  /** Teams shows typing only briefly and only in chats; a failure to send it changes nothing. */
  private async typing(context: TurnContext): Promise<void> {
    try {
      await context.sendActivity({ type: 'typing' });
    } catch (error) {
      const failure = toWardenError(error, 'teams_typing_failed');
      this.deps.logger.debug({ code: failure.code, err: failure.message }, 'typing not sent');
    }
  }
}
