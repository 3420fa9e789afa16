import type { SentinelConfig } from '../config-azure';
import type { HttpClient } from '../core/http';
import type { Logger } from '../core/logger';
import type { SecurityDataSource } from '../skills';
import { LogAnalyticsClient } from './azure/log-analytics';
import { SentinelClient, createSentinelIncidents } from './azure/sentinel';
import {
  type AzureCredentialOptions,
  createAzureCredential,
  type TokenCredential,
} from './azure-credential';
import type { KqlService } from '../skills/hunting/types';
import { GraphClient } from './graph/client';
import { createAdvancedHunting } from './graph/hunting';
import { createGraphSecurityData } from './graph/source';
import { mergeIncidentSources, unconfiguredSource } from './merged';

export { createAzureCredential, type TokenCredential } from './azure-credential';
export { LogAnalyticsClient } from './azure/log-analytics';
export { SentinelClient, createSentinelIncidents } from './azure/sentinel';
export { GraphClient, type GraphClientOptions } from './graph/client';
export { createGraphSecurityData } from './graph/source';
export { mergeIncidentSources } from './merged';

/** The parts of `Config` (src/config.ts) the connectors read. */
export interface ConnectorConfig {
  azure: AzureCredentialOptions;
  graph: { enabled: boolean; baseUrl: string; maxPages: number };
  sentinel: SentinelConfig;
  data: { demo: boolean };
}

export interface ConnectorOptions {
  config: ConnectorConfig;
  http: HttpClient;
  logger: Logger;
  now: () => Date;
  /** The shared Azure credential; built from `config.azure` when not given (tests pass a fake). */
  credential?: TokenCredential;
  /** The built-in demo tenant, used for what no live connector serves, unless DEMO_DATA=false. */
  demo: () => SecurityDataSource;
}

export interface Connectors {
  /** The telemetry the security skills read; absent when there is none (no skills offered). */
  securityData?: SecurityDataSource;
  /** KQL against the Sentinel workspace; on when SENTINEL_WORKSPACE_ID is set. */
  logAnalytics?: LogAnalyticsClient;
  /** Sentinel's ARM client, whose workspace id links queries to the Azure portal. */
  sentinel?: SentinelClient;
  /** Defender XDR advanced hunting through Graph `runHuntingQuery`; on with Graph. */
  advancedHunting?: KqlService;
}

/**
 * The live connectors whose settings exist, sharing one Azure credential. Microsoft Graph serves
 * incidents, sign-ins, users and devices; Sentinel adds its incidents beside Graph's; what no
 * live connector serves comes from the demo tenant (labelled) unless DEMO_DATA=false.
 */
export function createConnectors(options: ConnectorOptions): Connectors {
  const { config, logger } = options;
  const live = config.graph.enabled || config.sentinel.workspace || config.sentinel.workspaceId;
  let credential = options.credential;
  const shared = () => (credential ??= createAzureCredential(config.azure));
  if (!live) return { securityData: config.data.demo ? options.demo() : undefined };

  const common = (component: string) => ({
    http: options.http,
    credential: shared(),
    logger: logger.child({ component }),
  });
  const graphClient = config.graph.enabled
    ? new GraphClient({ ...common('graph'), ...config.graph })
    : undefined;
  const graph = graphClient && createGraphSecurityData({ client: graphClient, now: options.now });
  const { sentinel: settings } = config;
  const sentinel = settings.workspace
    ? new SentinelClient({
        ...common('sentinel'),
        baseUrl: settings.armBaseUrl,
        maxPages: settings.maxPages,
        workspace: settings.workspace,
      })
    : undefined;
  const logAnalytics = settings.workspaceId
    ? new LogAnalyticsClient({
        ...common('log-analytics'),
        baseUrl: settings.logAnalyticsBaseUrl,
        workspaceId: settings.workspaceId,
      })
    : undefined;
  logger.info(
    { graph: Boolean(graph), sentinel: Boolean(sentinel), logAnalytics: Boolean(logAnalytics) },
    'live security connectors',
  );
  return {
    securityData: securityDataOf(graph, sentinel, options),
    logAnalytics,
    sentinel,
    advancedHunting: graphClient && createAdvancedHunting(graphClient),
  };
}

function securityDataOf(
  graph: SecurityDataSource | undefined,
  sentinel: SentinelClient | undefined,
  options: ConnectorOptions,
): SecurityDataSource | undefined {
  const demo = options.config.data.demo;
  if (!sentinel) return graph ?? (demo ? options.demo() : undefined);
  const base = graph ?? (demo ? options.demo() : unconfiguredSource());
  return mergeIncidentSources({
    base,
    baseIncidents: graph !== undefined,
    baseProvider: 'Defender XDR',
    readers: [createSentinelIncidents(sentinel)],
  });
}
