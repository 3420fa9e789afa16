export * from './types';
export * from './budget';
export { createModelClient, AZURE_OPENAI_SCOPE, type ModelClientOptions } from './create';
export { OpenAIChatClient } from './openai-client';
export { toModelError, type CredentialHints } from './errors';
