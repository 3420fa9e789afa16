import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderAnswerCard } from '../../cards';
import type { AdaptiveCard } from '../../cards/types';
import type { CardActionHandler, CardActionResult } from '../../collab/actions';
import { CARD_ACTION_VERBS, type CardAction, type CardActionVerb } from '../../core/actions';
import { ForbiddenError, ValidationError, toWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { actorOf, placeOf } from './activity';
import { cardActivity } from './cards';
import { type FailureContext, failureCard } from './failures';
import type { TeamsShare } from './share';

/** The invoke Teams sends for an `Action.Execute` button (Universal Actions). */
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model */
const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

/** Verbs whose result the whole conversation should see, not only the person who clicked. */
const PIN_VERBS = new Set<CardActionVerb>(['pin', 'unpin']);

/** Card inputs Warden reads back; every other field of `data` is ignored. */
const INPUT_NAMES = ['reasons', 'comment', 'target'] as const;

const invokeValue = z.object({
  action: z.object({
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

export interface TeamsCardActionsDeps {
  actions: CardActionHandler;
  share: TeamsShare;
  logger: Logger;
  newId: () => string;
}

/**
 * Clicks on answer cards. The payload names a verb and a turn id only; the tenant, the
 * conversation and the person come from the activity, and the collaboration services check
 * them again. Every outcome, a refusal or a failure too, is a 200 carrying a card, so Teams
 * always has something to show in place of the clicked one.
 */
export class TeamsCardActions {
  private readonly failure: FailureContext;

  constructor(private readonly deps: TeamsCardActionsDeps) {
    this.failure = {
      log: deps.logger,
      newId: deps.newId,
      refusedTitle: 'Nothing was changed',
      what: 'card action',
    };
  }

  async handle(context: TurnContext): Promise<void> {
    let card: AdaptiveCard;
    try {
      card = await this.run(context);
    } catch (error) {
      card = failureCard(error, this.failure);
    }
    await context.sendActivity(cardInvokeResponse(card));
  }

  private async run(context: TurnContext): Promise<AdaptiveCard> {
    const action = await this.actionOf(context);
    const { answer, view, shared } = await this.deps.actions.handle(action);
    const { share } = this.deps;
    if (view.shareTargets) {
      view.shareTargets = await share.offered(view.shareTargets, action.tenantId, action.actor);
    }
    if (shared) view.notice = await share.post(shared);
    if (PIN_VERBS.has(action.verb)) await this.updateForEveryone(context, { answer, view });
    return renderAnswerCard(answer, view);
  }

  private async actionOf(context: TurnContext): Promise<CardAction> {
    const { activity } = context;
    const place = placeOf(activity);
    if (!place) {
      throw new ForbiddenError(
        'teams_tenant_missing',
        'This button did not say which organisation it came from, so nothing was changed.',
      );
    }
    const parsed = invokeValue.safeParse(activity.value);
    if (!parsed.success) {
      throw new ValidationError(
        'card_action_unreadable',
        'Warden could not read that button. Ask the question again for a fresh card.',
      );
    }
    const { verb, data = {} } = parsed.data.action;
    const turnId = typeof data.turnId === 'string' ? data.turnId : '';
    if (!isVerb(verb) || turnId === '') {
      throw new ValidationError(
        'card_action_unknown',
        'Warden does not know that button. Ask the question again for a fresh card.',
        { detail: { verb: verb.slice(0, 40) } },
      );
    }
    await this.deps.share.checkTarget(verb, data.target, place.tenantId, actorOf(activity));
    return {
      verb,
      turnId,
      tenantId: place.tenantId,
      conversation: {
        id: place.conversationId,
        tenantId: place.tenantId,
        channel: 'teams',
        ...(place.threadId && { threadId: place.threadId }),
      },
      actor: actorOf(activity),
      inputs: inputsOf(data),
    };
  }

  /**
   * The invoke response redraws the card only for the person who clicked. A pin belongs to the
   * whole conversation, so the posted message itself is updated too.
   */
  private async updateForEveryone(
    context: TurnContext,
    result: Pick<CardActionResult, 'answer' | 'view'>,
  ): Promise<void> {
    const messageId = context.activity.replyToId;
    if (!messageId) return;
    const { notice: _personal, ...shared } = result.view;
    try {
      await context.updateActivity({
        ...cardActivity(renderAnswerCard(result.answer, shared)),
        id: messageId,
      });
    } catch (error) {
      const failure = toWardenError(error, 'teams_update_failed');
      this.deps.logger.warn(
        { code: failure.code, err: failure.message },
        'pinned card not updated for others; the clicker still sees it',
      );
    }
  }
}

/** The HTTP answer to an `adaptiveCard/action` invoke: 200 with the card to show instead. */
export function cardInvokeResponse(card: AdaptiveCard): Partial<Activity> {
  return {
    type: 'invokeResponse',
    value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: card } },
  };
}

function isVerb(verb: string): verb is CardActionVerb {
  return (CARD_ACTION_VERBS as readonly string[]).includes(verb);
}

/**
 * Adaptive Cards merge input values into `data`. A multi-select arrives as one comma-separated
 * string; some clients send an array, which is joined the same way.
 */
function inputsOf(data: Record<string, unknown>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const name of INPUT_NAMES) {
    const value = data[name];
    if (typeof value === 'string') inputs[name] = value;
    else if (Array.isArray(value))
      inputs[name] = value.filter((v) => typeof v === 'string').join(',');
  }
  return inputs;
}
