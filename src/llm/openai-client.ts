import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { Logger } from '../core/logger';
import { toModelError, type CredentialHints } from './errors';
import type {
  AssistantMessage,
  ChatMessage,
  Completion,
  CompletionRequest,
  FinishReason,
  ModelClient,
  ToolCall,
  ToolDefinition,
} from './types';

/** A ModelClient over the openai SDK's chat completions (OpenAI, Azure OpenAI, compatibles). */
export class OpenAIChatClient implements ModelClient {
  readonly model: string;
  private readonly hints: CredentialHints;
  private readonly logger: Logger;

  constructor(
    private readonly sdk: OpenAI,
    options: { model: string; hints: CredentialHints; logger: Logger },
  ) {
    this.model = options.model;
    this.hints = options.hints;
    this.logger = options.logger;
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    const tools = request.tools ?? [];
    let response: ChatCompletion;
    try {
      response = await this.sdk.chat.completions.create(
        {
          model: this.model,
          messages: request.messages.map(toSdkMessage),
          ...(tools.length > 0 ? { tools: tools.map(toSdkTool), tool_choice: 'auto' } : {}),
        },
        { signal: request.signal },
      );
    } catch (error) {
      const wrapped = toModelError(error, this.hints);
      this.logger.warn({ code: wrapped.code, err: wrapped.message }, 'model call failed');
      throw wrapped;
    }
    return fromSdkCompletion(response);
  }
}

function toSdkMessage(message: ChatMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: message.content,
        ...(message.toolCalls?.length
          ? {
              tool_calls: message.toolCalls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: call.arguments },
              })),
            }
          : {}),
      };
  }
}

function toSdkTool(tool: ToolDefinition): ChatCompletionTool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

function fromSdkCompletion(response: ChatCompletion): Completion {
  const choice = response.choices[0];
  const toolCalls: ToolCall[] = [];
  for (const call of choice?.message.tool_calls ?? []) {
    // Custom (free-text) tools are never offered, so only function calls can come back.
    if (call.type !== 'function') continue;
    toolCalls.push({ id: call.id, name: call.function.name, arguments: call.function.arguments });
  }
  const message: AssistantMessage = {
    role: 'assistant',
    content: choice?.message.content ?? null,
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
  };
  const usage = response.usage;
  return {
    message,
    finishReason: toFinishReason(choice?.finish_reason),
    usage: {
      promptTokens: usage?.prompt_tokens ?? 0,
      completionTokens: usage?.completion_tokens ?? 0,
      totalTokens: usage?.total_tokens ?? 0,
    },
  };
}

function toFinishReason(reason: string | undefined | null): FinishReason {
  switch (reason) {
    case 'stop':
    case 'tool_calls':
    case 'length':
    case 'content_filter':
      return reason;
    default:
      return 'other';
  }
}
