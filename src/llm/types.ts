import type { TokenUsage } from '../core/answer';

/**
 * Warden's own chat shapes. The engine speaks these; only `src/llm` translates them to and from
 * the openai SDK, so a provider change never reaches the engine.
 */

export interface ToolCall {
  /** Id the model gave the call; the tool result message must echo it. */
  id: string;
  /** Skill name. */
  name: string;
  /** Raw JSON text of the arguments, exactly as the model sent it (may be invalid). */
  arguments: string;
}

export interface SystemMessage {
  role: 'system';
  content: string;
}

export interface UserMessage {
  role: 'user';
  content: string;
}

export interface AssistantMessage {
  role: 'assistant';
  /** Text of the reply; null when the model only called tools. */
  content: string | null;
  toolCalls?: ToolCall[];
}

export interface ToolMessage {
  role: 'tool';
  toolCallId: string;
  content: string;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A function the model may call, with a JSON Schema for its arguments. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  /** Tools offered this round; omit or leave empty to ask for a plain answer. */
  tools?: ToolDefinition[];
  signal?: AbortSignal;
}

/** Why the model stopped; anything the provider adds later reads as `other`. */
export type FinishReason = 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'other';

export interface Completion {
  message: AssistantMessage;
  usage: TokenUsage;
  finishReason: FinishReason;
}

/** One chat model behind whatever provider is configured. */
export interface ModelClient {
  /** Model or deployment name, shown as the source of model-written text. */
  readonly model: string;
  /**
   * One chat completion. Rejects with `UnavailableError` (`model_unavailable`) when the model
   * cannot be reached after retries, and `model_auth_failed` when credentials are refused.
   */
  complete(request: CompletionRequest): Promise<Completion>;
}

export const ZERO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}
