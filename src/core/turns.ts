import type { Answer } from './answer';
import type { Actor, ChannelKind } from './conversation';

/** One skill call made during a turn, kept so follow-ups and feedback know what ran. */
export interface ToolCallTrace {
  skill: string;
  input: unknown;
  ok: boolean;
  /** Error code when the call failed (`skill_timeout`, `skill_failed`, `skill_input_invalid`). */
  errorCode?: string;
  durationMs: number;
}

/** A question and its answer, as stored in the `conversations` container. */
export interface TurnRecord {
  /** Same as `answer.turnId`. */
  id: string;
  tenantId: string;
  channel: ChannelKind;
  conversationId: string;
  conversationName?: string;
  threadId?: string;
  user: Actor;
  question: string;
  answer: Answer;
  toolCalls: ToolCallTrace[];
  /** ISO timestamp. */
  createdAt: string;
}

/** Conversation memory as the engine needs it; `collab/` implements it on the store. */
export interface TurnHistory {
  /** The latest turns of a conversation, oldest first. */
  recent(tenantId: string, conversationId: string, limit: number): Promise<TurnRecord[]>;
  save(turn: TurnRecord): Promise<void>;
}
