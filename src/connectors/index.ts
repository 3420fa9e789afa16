import type { HttpClient } from '../core/http';
import type { Logger } from '../core/logger';
import type { SecurityDataSource } from '../skills';
import {
  type AzureCredentialOptions,
  createAzureCredential,
  type TokenCredential,
} from './azure-credential';
import { GraphClient } from './graph/client';
import { createGraphSecurityData } from './graph/source';

export { createAzureCredential, type TokenCredential } from './azure-credential';
export { GraphClient, type GraphClientOptions } from './graph/client';
export { createGraphSecurityData } from './graph/source';

/** The parts of `Config` (src/config.ts) the connectors read. */
export interface ConnectorConfig {
  azure: AzureCredentialOptions;
  graph: { enabled: boolean; baseUrl: string; maxPages: number };
  data: { demo: boolean };
}

export interface SecurityDataOptions {
  config: ConnectorConfig;
  http: HttpClient;
  logger: Logger;
  now: () => Date;
  /** The shared Azure credential; built from `config.azure` when not given (tests pass a fake). */
  credential?: TokenCredential;
  /** The built-in demo tenant, used when no live connector is on and DEMO_DATA is true. */
  demo: () => SecurityDataSource;
}

/**
 * The telemetry the security skills read: Microsoft Graph when it is configured, otherwise the
 * demo tenant (unless DEMO_DATA=false), otherwise none, and the security skills are not offered.
 */
export function createSecurityData(options: SecurityDataOptions): SecurityDataSource | undefined {
  const { config, logger } = options;
  if (config.graph.enabled) {
    const credential = options.credential ?? createAzureCredential(config.azure);
    const client = new GraphClient({
      http: options.http,
      credential,
      logger: logger.child({ component: 'graph' }),
      baseUrl: config.graph.baseUrl,
      maxPages: config.graph.maxPages,
    });
    logger.info({ baseUrl: config.graph.baseUrl }, 'security data from Microsoft Graph');
    return createGraphSecurityData({ client, now: options.now });
  }
  return config.data.demo ? options.demo() : undefined;
}
