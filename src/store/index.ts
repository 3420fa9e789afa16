import type { StoreConfig } from '../config';
import type { Logger } from '../core/logger';
import { CosmosStore } from './cosmos';
import { SqliteStore } from './sqlite';
import type { DocumentStore } from './types';

export { CosmosStore, createDefaultCredential, type CosmosStoreOptions } from './cosmos';
export { StoreFeedCache } from './feed-cache';
export { SqliteStore, type SqliteStoreOptions } from './sqlite';
export * from './types';
export { updateWithRetry, type Mutation, type UpdateOptions } from './update';

/**
 * The store the configuration asks for, not yet initialised: call `init()` before use.
 * Without COSMOS_KEY the Cosmos store signs in with Entra ID (DefaultAzureCredential).
 */
export function createStore(config: StoreConfig, logger: Logger): DocumentStore {
  if (config.backend === 'sqlite') return new SqliteStore({ path: config.path, logger });
  return new CosmosStore({
    endpoint: config.endpoint,
    database: config.database,
    key: config.key,
    disableEndpointDiscovery: config.disableEndpointDiscovery,
    logger,
  });
}
