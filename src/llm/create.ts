import {
  DefaultAzureCredential,
  getBearerTokenProvider,
  type TokenCredential,
} from '@azure/identity';
import OpenAI, { AzureOpenAI } from 'openai';
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import type { CredentialHints } from './errors';
import { OpenAIChatClient } from './openai-client';
import type { ModelClient } from './types';

/** Entra ID scope for Azure OpenAI data-plane calls. */
export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';

export interface ModelClientOptions {
  /** Entra ID credential for Azure without a key; defaults to DefaultAzureCredential. */
  credential?: TokenCredential;
}

/**
 * Builds the configured model client, or undefined when no model is configured (the engine then
 * runs the offline planner). Retries on 408/409/429/5xx and `Retry-After` handling come from the
 * openai SDK (`maxRetries`); `timeoutMs` bounds each attempt.
 */
export function createModelClient(
  config: Config['model'],
  logger: Logger,
  options: ModelClientOptions = {},
): ModelClient | undefined {
  const log = logger.child({ component: 'model' });
  const common = {
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    logger: sdkLogger(log),
    // The SDK logs request bodies at debug; those hold user text, so stop at info.
    logLevel: 'info' as const,
  };

  switch (config.provider) {
    case 'none':
      return undefined;
    case 'openai': {
      const sdk = new OpenAI({ ...common, apiKey: config.apiKey, baseURL: config.baseUrl });
      return new OpenAIChatClient(sdk, { model: config.model, hints: OPENAI_HINTS, logger: log });
    }
    case 'azure': {
      const auth = config.apiKey
        ? { apiKey: config.apiKey }
        : { azureADTokenProvider: entraTokenProvider(options.credential) };
      const sdk = new AzureOpenAI({
        ...common,
        ...auth,
        endpoint: config.endpoint,
        deployment: config.deployment,
        apiVersion: config.apiVersion,
      });
      const hints = config.apiKey ? AZURE_KEY_HINTS : AZURE_ENTRA_HINTS;
      return new OpenAIChatClient(sdk, { model: config.deployment, hints, logger: log });
    }
  }
}

function entraTokenProvider(credential?: TokenCredential): () => Promise<string> {
  return getBearerTokenProvider(credential ?? new DefaultAzureCredential(), AZURE_OPENAI_SCOPE);
}

const OPENAI_HINTS: CredentialHints = {
  provider: 'OpenAI',
  credential:
    'Set OPENAI_API_KEY to a valid key for the endpoint (OPENAI_BASE_URL, or api.openai.com).',
  modelSetting: 'OPENAI_MODEL (and OPENAI_BASE_URL for compatible endpoints)',
};

const AZURE_KEY_HINTS: CredentialHints = {
  provider: 'Azure OpenAI',
  credential:
    'Set AZURE_OPENAI_API_KEY to a key of the resource at AZURE_OPENAI_ENDPOINT ' +
    '(Keys and Endpoint in the Azure portal), or unset it to sign in with Entra ID.',
  modelSetting: 'AZURE_OPENAI_DEPLOYMENT and AZURE_OPENAI_API_VERSION',
};

const AZURE_ENTRA_HINTS: CredentialHints = {
  provider: 'Azure OpenAI',
  credential:
    'Warden signs in with Entra ID because AZURE_OPENAI_API_KEY is not set: give the identity ' +
    "the 'Cognitive Services OpenAI User' role on the resource, or set AZURE_OPENAI_API_KEY.",
  modelSetting: 'AZURE_OPENAI_DEPLOYMENT and AZURE_OPENAI_API_VERSION',
};

/** The SDK's retry and response notes are operational detail, so they go to debug. */
function sdkLogger(log: Logger) {
  return {
    error: (message: string) => log.warn({ sdk: 'openai' }, message),
    warn: (message: string) => log.warn({ sdk: 'openai' }, message),
    info: (message: string) => log.debug({ sdk: 'openai' }, message),
    debug: (message: string) => log.debug({ sdk: 'openai' }, message),
  };
}
