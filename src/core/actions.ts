import type { Actor, ConversationInfo } from './conversation';

/**
 * Verbs a card can send back. Payloads carry ids only; the server looks everything else up and
 * re-checks tenant and permission on every action.
 */
export const CARD_ACTION_VERBS = [
  'pin',
  'unpin',
  'feedback.up',
  'feedback.down',
  'feedback.submit',
  'feedback.cancel',
  'share.open',
  'share.submit',
  'share.cancel',
] as const;

export type CardActionVerb = (typeof CARD_ACTION_VERBS)[number];

export type FeedbackReason = 'incorrect' | 'unclear' | 'incomplete';

export const FEEDBACK_REASONS: readonly FeedbackReason[] = ['incorrect', 'unclear', 'incomplete'];

/** A click on a card, normalised by the channel adapter. */
export interface CardAction {
  verb: CardActionVerb;
  turnId: string;
  tenantId: string;
  /** Where the click happened (the caller's conversation, not one named in the payload). */
  conversation: ConversationInfo;
  actor: Actor;
  /** Values of the card's inputs (feedback reasons and comment, share target). */
  inputs: Record<string, string>;
}

/** What a card looks like after an action; renderers draw the answer with this state. */
export interface CardView {
  /** Which variant of the card to draw. */
  mode: 'answer' | 'feedback-form' | 'share-form';
  pinned?: { by: string; at: string };
  feedback?: { rating: 'up' | 'down'; by: string };
  /** Share targets offered by the share form. */
  shareTargets?: { id: string; name: string }[];
  /** One-line confirmation shown on the card ("Thanks, your feedback was saved."). */
  notice?: string;
}
