import { ForbiddenError } from '../core/errors';
import type { TurnRecord } from '../core/turns';

/**
 * Actions on an answer are made from the conversation it was posted in. An id copied into
 * another conversation's action must not reach this one's answer or pin board.
 */
export function assertTurnInConversation(
  turn: TurnRecord,
  conversationId: string,
  what: string,
): void {
  if (turn.conversationId !== conversationId) {
    throw new ForbiddenError(
      'turn_in_other_conversation',
      `That answer belongs to another conversation, so you can only ${what} it there.`,
      { detail: { turnId: turn.id, conversationId } },
    );
  }
}
