/**
 * Builders for OpenAI chat completion responses in the shape the real API returns
 * (`object: 'chat.completion'`, `choices[].message.tool_calls`, `usage`), for nock replies.
 */
export interface ScriptedToolCall {
  name: string;
  args: unknown;
  id?: string;
}

let callCounter = 0;

export function toolCallsResponse(calls: ScriptedToolCall[], usage = usageOf(120, 30)) {
  return completion(
    {
      role: 'assistant',
      content: null,
      refusal: null,
      annotations: [],
      tool_calls: calls.map((call) => ({
        id: call.id ?? `call_${(callCounter += 1).toString().padStart(6, '0')}`,
        type: 'function',
        function: {
          name: call.name,
          arguments: typeof call.args === 'string' ? call.args : JSON.stringify(call.args),
        },
      })),
    },
    'tool_calls',
    usage,
  );
}

export function textResponse(content: string, usage = usageOf(300, 80)) {
  return completion({ role: 'assistant', content, refusal: null, annotations: [] }, 'stop', usage);
}

export function usageOf(prompt: number, completionTokens: number) {
  return {
    prompt_tokens: prompt,
    completion_tokens: completionTokens,
    total_tokens: prompt + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function completion(message: object, finishReason: string, usage: object) {
  return {
    id: `chatcmpl-${(callCounter += 1).toString(36)}`,
    object: 'chat.completion',
    created: 1733000000,
    model: 'gpt-4o-2024-08-06',
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage,
    service_tier: 'default',
    system_fingerprint: 'fp_50cad350e4',
  };
}

/** The error body OpenAI sends with 4xx/5xx responses. */
export function errorBody(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}
