import {
  CARD_ACTION_VERBS,
  type CardAction,
  type CardActionVerb,
  type CardView,
} from '../core/actions';
import type { Answer, AnswerKind } from '../core/answer';
import { ForbiddenError, ValidationError } from '../core/errors';
import { silentLogger, type Logger } from '../core/logger';
import type { TurnRecord } from '../core/turns';
import type { FeedbackService } from './feedback';
import { assertTurnInConversation } from './guards';
import type { PinService } from './pins';
import type { SharedTurn, ShareService } from './share';
import type { TurnRepository } from './turns';

export const FEEDBACK_SAVED_NOTICE = 'Thanks — your feedback was saved.';

export interface CardActionResult {
  /** The answer to draw again in place of the clicked card. */
  answer: Answer;
  /** How to draw it; `pinned` always reflects the stored pin. */
  view: CardView;
  /** Set after a share: the new turn and where the channel should post it. */
  shared?: SharedTurn;
}

export interface CardActionHandlerDeps {
  turns: TurnRepository;
  pins: PinService;
  feedback: FeedbackService;
  share: ShareService;
  logger?: Logger;
}

/** What a verb changes about the redrawn card. */
type Outcome = Omit<CardView, 'pinned'> & { shared?: SharedTurn };

/** The buttons each kind of answer carries; anything else is a forged or stale action. */
const FEEDBACK_VERBS: CardActionVerb[] = [
  'feedback.up',
  'feedback.down',
  'feedback.submit',
  'feedback.cancel',
];
const OFFERED_VERBS: Record<AnswerKind, readonly CardActionVerb[]> = {
  answer: CARD_ACTION_VERBS,
  refusal: FEEDBACK_VERBS,
  clarification: FEEDBACK_VERBS,
  error: [],
};

/**
 * Handles a click on an answer card. The action carries ids only, so everything is looked up
 * again under the caller's tenant and conversation before anything changes.
 */
export class CardActionHandler {
  private readonly logger: Logger;

  constructor(private readonly deps: CardActionHandlerDeps) {
    this.logger = (deps.logger ?? silentLogger).child({ component: 'card-actions' });
  }

  async handle(action: CardAction): Promise<CardActionResult> {
    checkVerb(action.verb);
    if (action.conversation.tenantId !== action.tenantId) {
      throw new ForbiddenError(
        'card_action_tenant_mismatch',
        'This card action came from a conversation of another organisation and was refused.',
        {
          detail: { tenantId: action.tenantId, conversationTenantId: action.conversation.tenantId },
        },
      );
    }
    const turn = await this.deps.turns.require(action.tenantId, action.turnId);
    assertTurnInConversation(turn, action.conversation.id, 'use its buttons');
    checkOffered(turn, action.verb);

    const { shared, ...outcome } = await this.run(turn, action);
    const pinned = await this.deps.pins.pinState(action.tenantId, turn.id);
    const view: CardView = { ...outcome, ...(pinned && { pinned }) };
    this.logger.info(
      { tenantId: action.tenantId, turnId: turn.id, verb: action.verb, mode: view.mode },
      'card action handled',
    );
    return { answer: turn.answer, view, ...(shared && { shared }) };
  }

  private async run(turn: TurnRecord, action: CardAction): Promise<Outcome> {
    const { tenantId, actor, conversation } = action;
    const by = actor.name ?? actor.id;
    switch (action.verb) {
      case 'pin':
        await this.deps.pins.pin(tenantId, turn.id, actor, conversation.id);
        return { mode: 'answer', notice: 'Pinned to this conversation’s pin board.' };
      case 'unpin':
        await this.deps.pins.unpin(tenantId, turn.id, actor, conversation.id);
        return { mode: 'answer', notice: 'Removed from the pin board.' };
      case 'feedback.up':
        await this.recordFeedback(turn, action, 'up');
        return { mode: 'answer', feedback: { rating: 'up', by }, notice: FEEDBACK_SAVED_NOTICE };
      case 'feedback.down':
        return { mode: 'feedback-form' };
      case 'feedback.submit':
        await this.recordFeedback(turn, action, 'down');
        return { mode: 'answer', feedback: { rating: 'down', by }, notice: FEEDBACK_SAVED_NOTICE };
      case 'share.open':
        return {
          mode: 'share-form',
          shareTargets: await this.deps.share.targets(tenantId, conversation.id),
        };
      case 'share.submit':
        return this.share(turn, action);
      case 'feedback.cancel':
      case 'share.cancel':
        return { mode: 'answer' };
    }
  }

  private async recordFeedback(turn: TurnRecord, action: CardAction, rating: 'up' | 'down') {
    await this.deps.feedback.record({
      tenantId: action.tenantId,
      turnId: turn.id,
      actor: action.actor,
      rating,
      reasons: rating === 'down' ? splitReasons(action.inputs.reasons) : [],
      comment: rating === 'down' ? action.inputs.comment : undefined,
      conversationId: action.conversation.id,
    });
  }

  private async share(turn: TurnRecord, action: CardAction): Promise<Outcome> {
    const targetId = action.inputs.target?.trim();
    if (!targetId) {
      throw new ValidationError('share_target_missing', 'Pick a conversation to share to.');
    }
    const shared = await this.deps.share.share(action.tenantId, turn.id, targetId, action.actor);
    return { mode: 'answer', notice: `Shared to ${shared.target.name}.`, shared };
  }
}

function checkVerb(verb: unknown): asserts verb is CardActionVerb {
  if (!CARD_ACTION_VERBS.includes(verb as CardActionVerb)) {
    throw new ValidationError(
      'card_action_unknown',
      'Warden does not know that button. Ask the question again for a fresh card.',
      { detail: { verb: String(verb).slice(0, 40) } },
    );
  }
}

function checkOffered(turn: TurnRecord, verb: CardActionVerb): void {
  if (!OFFERED_VERBS[turn.answer.kind].includes(verb)) {
    throw new ForbiddenError(
      'card_action_not_offered',
      'That button is not offered on this kind of answer, so nothing was changed.',
      { detail: { turnId: turn.id, verb, kind: turn.answer.kind } },
    );
  }
}

/** Adaptive Cards send a multi-select choice set as one comma-separated string. */
function splitReasons(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((reason) => reason.trim())
    .filter((reason) => reason.length > 0);
}
