/** What an answer is, whatever channel shows it. Renderers in `cards/` turn it into a card. */
export type AnswerKind = 'answer' | 'refusal' | 'clarification' | 'error';

export type SourceKind = 'telemetry' | 'threat-intel' | 'guidance' | 'demo' | 'model';

/** Where a fact came from. `url` is shown as a link when present. */
export interface Source {
  title: string;
  url?: string;
  kind: SourceKind;
  /** ISO timestamp of when the data was read, when known. */
  retrievedAt?: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface Table {
  columns: string[];
  rows: string[][];
  caption?: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface Answer {
  kind: AnswerKind;
  /** The turn this answer belongs to; card actions refer to it. */
  turnId: string;
  title: string;
  /** Markdown; renderers keep to the subset both Adaptive Cards and Slack mrkdwn can show. */
  summary: string;
  facts?: Fact[];
  table?: Table;
  sources: Source[];
  /** Follow-up questions the user can ask next. */
  suggestions?: string[];
  /** True when any part of the answer came from the built-in demo tenant. */
  demoData: boolean;
  /** Names of the skills that ran for this answer, in order of first use. */
  skills: string[];
  /** Token usage for the turn, when a model was used. */
  usage?: TokenUsage;
  /** Correlation id shown on error answers so support can find the log lines. */
  correlationId?: string;
  /** Attribution when the answer was shared into this conversation from another one. */
  sharedFrom?: { by: string; conversationName: string; at: string };
}
