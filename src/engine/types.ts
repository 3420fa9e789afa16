import type { Fact, Source, Table, TokenUsage } from '../core/answer';
import type { InboundMessage } from '../core/conversation';
import type { Logger } from '../core/logger';
import type { TurnRecord } from '../core/turns';
import type { SkillOutcome } from './skill-runner';

/** What a planner gets for one turn. */
export interface PlanRequest {
  message: InboundMessage;
  /** Earlier turns of this conversation, oldest first. */
  history: TurnRecord[];
  signal: AbortSignal;
  logger: Logger;
  onProgress?: (text: string) => void;
  /** Notes from thumbs-down feedback in this tenant, newest first (LLM planner only). */
  lessons?: string[];
}

/** What a planner found; the engine turns it into an Answer. */
export interface PlanResult {
  kind: 'answer' | 'clarification' | 'error';
  title: string;
  /** Markdown. */
  summary: string;
  facts?: Fact[];
  table?: Table;
  suggestions?: string[];
  /** Every skill call of the turn, in the order they were made. */
  outcomes: SkillOutcome[];
  usage?: TokenUsage;
  /** Extra sources, such as the model that wrote the summary. */
  sources?: Source[];
  /** Sentences appended to the summary (round limit reached, fallback used). */
  notes?: string[];
}

export interface Planner {
  plan(request: PlanRequest): Promise<PlanResult>;
}
