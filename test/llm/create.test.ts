import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import nock from 'nock';
import type { Config } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { createModelClient, type ModelClient } from '../../src/llm';
import { errorBody, textResponse, toolCallsResponse, usageOf } from './chat-completions';

const OPENAI = 'https://api.openai.com';
const COMPLETIONS = '/v1/chat/completions';

function openaiConfig(overrides: Partial<Config['model']> = {}): Config['model'] {
  return {
    provider: 'openai',
    apiKey: 'sk-test-123',
    model: 'gpt-4o',
    timeoutMs: 5000,
    maxRetries: 2,
    ...overrides,
  } as Config['model'];
}

function azureConfig(apiKey?: string): Config['model'] {
  return {
    provider: 'azure',
    endpoint: 'https://contoso-ai.openai.azure.com/',
    deployment: 'gpt4o-prod',
    apiVersion: '2024-10-21',
    apiKey,
    timeoutMs: 5000,
    maxRetries: 0,
  };
}

function client(config: Config['model'], credential?: TokenCredential): ModelClient {
  const created = createModelClient(config, silentLogger, { credential });
  if (!created) throw new Error('expected a model client');
  return created;
}

const ask = { messages: [{ role: 'user' as const, content: 'show open incidents' }] };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('createModelClient', () => {
  it('returns no client when no provider is configured', () => {
    expect(
      createModelClient({ provider: 'none', timeoutMs: 1000, maxRetries: 0 }, silentLogger),
    ).toBeUndefined();
  });

  it('sends messages and tools to OpenAI and reads tool calls and usage back', async () => {
    let sent: Record<string, any> = {};
    const scope = nock(OPENAI, { reqheaders: { authorization: 'Bearer sk-test-123' } })
      .post(COMPLETIONS, (body) => ((sent = body), true))
      .reply(
        200,
        toolCallsResponse(
          [{ id: 'call_1', name: 'list_incidents', args: { severity: 'high' } }],
          usageOf(90, 12),
        ),
      );

    const result = await client(openaiConfig()).complete({
      messages: [
        { role: 'system', content: 'You are Warden.' },
        { role: 'user', content: 'show open incidents' },
        {
          role: 'assistant',
          content: null,
          toolCalls: [{ id: 'call_0', name: 'kev_recent', arguments: '{}' }],
        },
        { role: 'tool', toolCallId: 'call_0', content: '{"count":0}' },
      ],
      tools: [
        { name: 'list_incidents', description: 'Lists incidents.', parameters: { type: 'object' } },
      ],
    });

    expect(scope.isDone()).toBe(true);
    expect(sent.model).toBe('gpt-4o');
    expect(sent.tools[0]).toEqual({
      type: 'function',
      function: {
        name: 'list_incidents',
        description: 'Lists incidents.',
        parameters: { type: 'object' },
      },
    });
    expect(sent.messages[2].tool_calls[0]).toEqual({
      id: 'call_0',
      type: 'function',
      function: { name: 'kev_recent', arguments: '{}' },
    });
    expect(sent.messages[3]).toEqual({
      role: 'tool',
      tool_call_id: 'call_0',
      content: '{"count":0}',
    });
    expect(result.finishReason).toBe('tool_calls');
    expect(result.message.toolCalls).toEqual([
      { id: 'call_1', name: 'list_incidents', arguments: '{"severity":"high"}' },
    ]);
    expect(result.usage).toEqual({ promptTokens: 90, completionTokens: 12, totalTokens: 102 });
  });

  it('offers no tools when none are given', async () => {
    let sent: Record<string, any> = {};
    nock(OPENAI)
      .post(COMPLETIONS, (body) => ((sent = body), true))
      .reply(200, textResponse('Done.'));

    const result = await client(openaiConfig()).complete(ask);

    expect(sent.tools).toBeUndefined();
    expect(sent.tool_choice).toBeUndefined();
    expect(result.message).toEqual({ role: 'assistant', content: 'Done.' });
    expect(result.finishReason).toBe('stop');
  });

  it('talks to any OpenAI-compatible endpoint named by the base URL', async () => {
    const scope = nock('http://ollama.internal:11434')
      .post('/v1/chat/completions')
      .reply(200, textResponse('Hello from a local model.'));

    const local = client(
      openaiConfig({ baseUrl: 'http://ollama.internal:11434/v1', model: 'llama3.1' } as never),
    );
    const result = await local.complete(ask);

    expect(scope.isDone()).toBe(true);
    expect(local.model).toBe('llama3.1');
    expect(result.message.content).toBe('Hello from a local model.');
  });

  it('retries a 429 after the Retry-After delay and then succeeds', async () => {
    const scope = nock(OPENAI)
      .post(COMPLETIONS)
      .reply(429, errorBody('Rate limit reached', 'requests', 'rate_limit_exceeded'), {
        'retry-after': '1',
      })
      .post(COMPLETIONS)
      .reply(200, textResponse('Recovered.'));

    const result = await client(openaiConfig()).complete(ask);

    expect(scope.isDone()).toBe(true);
    expect(result.message.content).toBe('Recovered.');
  });

  it('gives up on a persistent 500 with model_unavailable', async () => {
    const scope = nock(OPENAI)
      .post(COMPLETIONS)
      .times(3)
      .reply(500, errorBody('The server had an error', 'server_error'), { 'retry-after-ms': '10' });

    const failure = client(openaiConfig({ maxRetries: 2 })).complete(ask);

    await expect(failure).rejects.toMatchObject({
      name: 'UnavailableError',
      code: 'model_unavailable',
      message: expect.stringContaining('HTTP 500'),
    });
    expect(scope.isDone()).toBe(true);
  });

  it('reports a refused key with model_auth_failed naming OPENAI_API_KEY', async () => {
    nock(OPENAI)
      .post(COMPLETIONS)
      .reply(
        401,
        errorBody('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key'),
      );

    await expect(client(openaiConfig()).complete(ask)).rejects.toMatchObject({
      code: 'model_auth_failed',
      message: expect.stringContaining('OPENAI_API_KEY'),
    });
  });

  it('reports an unknown model with model_not_found naming OPENAI_MODEL', async () => {
    nock(OPENAI)
      .post(COMPLETIONS)
      .reply(
        404,
        errorBody('The model `gpt-9` does not exist', 'invalid_request_error', 'model_not_found'),
      );

    await expect(client(openaiConfig()).complete(ask)).rejects.toMatchObject({
      code: 'model_not_found',
      message: expect.stringContaining('OPENAI_MODEL'),
    });
  });

  it('times out a slow model as model_unavailable', async () => {
    nock(OPENAI).post(COMPLETIONS).delay(400).reply(200, textResponse('late'));

    const slow = client(openaiConfig({ timeoutMs: 100, maxRetries: 0 }));

    await expect(slow.complete(ask)).rejects.toMatchObject({ code: 'model_unavailable' });
  });

  it('stops when the caller aborts', async () => {
    nock(OPENAI).post(COMPLETIONS).delay(400).reply(200, textResponse('late'));
    const controller = new AbortController();

    const pending = client(openaiConfig({ maxRetries: 0 })).complete({
      ...ask,
      signal: controller.signal,
    });
    controller.abort();

    await expect(pending).rejects.toMatchObject({ code: 'model_aborted' });
  });
});

describe('createModelClient for Azure OpenAI', () => {
  const AZURE = 'https://contoso-ai.openai.azure.com';
  const DEPLOYMENT_PATH = '/openai/deployments/gpt4o-prod/chat/completions';

  it('calls the deployment with the api-key header and api-version', async () => {
    const scope = nock(AZURE, { reqheaders: { 'api-key': 'azure-key-1' } })
      .post(DEPLOYMENT_PATH)
      .query({ 'api-version': '2024-10-21' })
      .reply(200, textResponse('From Azure.'));

    const azure = client(azureConfig('azure-key-1'));
    const result = await azure.complete(ask);

    expect(scope.isDone()).toBe(true);
    expect(azure.model).toBe('gpt4o-prod');
    expect(result.message.content).toBe('From Azure.');
  });

  it('signs in with Entra ID for the Cognitive Services scope when no key is set', async () => {
    const scopesAsked: string[] = [];
    const credential: TokenCredential = {
      async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
        scopesAsked.push(...(Array.isArray(scopes) ? scopes : [scopes]));
        return { token: 'entra-token-xyz', expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    const scope = nock(AZURE, { reqheaders: { authorization: 'Bearer entra-token-xyz' } })
      .post(DEPLOYMENT_PATH)
      .query(true)
      .reply(200, textResponse('Signed in.'));

    const result = await client(azureConfig(), credential).complete(ask);

    expect(scope.isDone()).toBe(true);
    expect(scopesAsked).toEqual(['https://cognitiveservices.azure.com/.default']);
    expect(result.message.content).toBe('Signed in.');
  });

  it('names AZURE_OPENAI_API_KEY when the key is refused', async () => {
    nock(AZURE)
      .post(DEPLOYMENT_PATH)
      .query(true)
      .reply(403, errorBody('Access denied', 'forbidden'));

    await expect(client(azureConfig('wrong')).complete(ask)).rejects.toMatchObject({
      code: 'model_auth_failed',
      message: expect.stringContaining('AZURE_OPENAI_API_KEY'),
    });
  });

  it('reports a missing Entra ID credential as model_auth_failed', async () => {
    const unavailable = new Error('No managed identity endpoint found.');
    unavailable.name = 'CredentialUnavailableError';
    const credential: TokenCredential = { getToken: () => Promise.reject(unavailable) };

    await expect(client(azureConfig(), credential).complete(ask)).rejects.toMatchObject({
      code: 'model_auth_failed',
      message: expect.stringContaining('AZURE_OPENAI_API_KEY'),
    });
  });
});
