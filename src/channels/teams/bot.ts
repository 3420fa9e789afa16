import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../core/logger';
import { lower, textAt } from './activity';
import { CARD_ACTION_INVOKE, type TeamsCardActions, cardInvokeResponse } from './card-actions';
import { renderApologyCard, cardActivity } from './cards';
import type { TeamsInstallations } from './installations';
import type { TeamsMessages } from './messages';

export interface TeamsBotDeps {
  messages: TeamsMessages;
  cardActions: TeamsCardActions;
  installations: TeamsInstallations;
  logger: Logger;
  newId: () => string;
}

/** Routes each activity to the part of the channel that handles it. */
export class TeamsBot {
  constructor(private readonly deps: TeamsBotDeps) {}

  readonly onTurn = async (context: TurnContext): Promise<void> => {
    const { activity } = context;
    switch (lower(activity.type)) {
      case 'message':
        return this.deps.messages.handle(context);
      case 'invoke':
        // Other invokes get botbuilder's 501, which tells Teams the bot does not do them.
        if (lower(textAt(activity, 'name')) === CARD_ACTION_INVOKE.toLowerCase()) {
          return this.deps.cardActions.handle(context);
        }
        this.deps.logger.debug({ name: activity.name }, 'invoke not handled');
        return;
      case 'conversationupdate':
        return this.deps.installations.onConversationUpdate(context);
      case 'installationupdate':
        return this.deps.installations.onInstallationUpdate(context);
      default:
        this.deps.logger.debug({ type: activity.type }, 'activity ignored');
    }
  };

  /**
   * botbuilder's last resort for an error a handler let through: the detail goes to the log
   * with a correlation id, and the user gets the apology card where one can be shown.
   */
  readonly onTurnError = async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = this.deps.newId();
    this.deps.logger.error(
      { err: error, correlationId, activityType: context.activity.type },
      `Teams turn failed (correlation id ${correlationId})`,
    );
    const apology = renderApologyCard(correlationId);
    try {
      if (lower(context.activity.type) === 'invoke') {
        await context.sendActivity(cardInvokeResponse(apology));
      } else if (lower(context.activity.type) === 'message') {
        await context.sendActivity(cardActivity(apology));
      }
    } catch (sendError) {
      this.deps.logger.error(
        { err: sendError, correlationId },
        'the apology card could not be sent either',
      );
    }
  };
}
