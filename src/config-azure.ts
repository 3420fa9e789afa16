import { z } from 'zod';
import { bool, int, optionalText, optionalUrl, url } from './config-fields';

/**
 * The live security connectors' settings: the one Azure identity they share, Microsoft Graph
 * (Defender XDR, Entra ID, Intune) and Microsoft Sentinel (incidents through Azure Resource
 * Manager, KQL through Log Analytics). `config.ts` parses them with everything else.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalGuid = (what: string) =>
  optionalText.refine((value) => value === undefined || GUID.test(value), {
    error: `must be the ${what}, a GUID such as 6e3c2a1b-7d44-4f0e-9a51-1c2b3d4e5f60`,
  });

export const AZURE_VARIABLES = {
  AZURE_TENANT_ID: optionalText,
  AZURE_CLIENT_ID: optionalText,
  AZURE_AUTHORITY_HOST: optionalUrl,
  GRAPH_ENABLED: bool(false),
  GRAPH_BASE_URL: url.default('https://graph.microsoft.com'),
  GRAPH_MAX_PAGES: int(10, 1, 100),
  SENTINEL_SUBSCRIPTION_ID: optionalGuid('Azure subscription id'),
  SENTINEL_RESOURCE_GROUP: optionalText,
  SENTINEL_WORKSPACE_NAME: optionalText,
  SENTINEL_WORKSPACE_ID: optionalGuid('workspace id (Log Analytics workspace > Overview)'),
  SENTINEL_MAX_PAGES: int(10, 1, 100),
  ARM_BASE_URL: url.default('https://management.azure.com'),
  LOG_ANALYTICS_BASE_URL: url.default('https://api.loganalytics.io'),
  KQL_MAX_ROWS: int(200, 1, 10000),
  KQL_MAX_HOURS: int(720, 1, 8760),
};

type AzureEnv = z.infer<z.ZodObject<typeof AZURE_VARIABLES>>;

export interface SentinelConfig {
  /** The workspace as ARM names it; on when all three SENTINEL_* names are set. */
  workspace?: { subscriptionId: string; resourceGroup: string; workspaceName: string };
  /** The workspace (customer) id for KQL; on when SENTINEL_WORKSPACE_ID is set. */
  workspaceId?: string;
  maxPages: number;
  armBaseUrl: string;
  logAnalyticsBaseUrl: string;
  kql: { maxRows: number; maxHours: number };
}

export interface AzureConfig {
  /** The identity every live connector signs in with (@azure/identity). */
  azure: { tenantId?: string; clientId?: string; authorityHost?: string };
  /** On with GRAPH_ENABLED=true. */
  graph: { enabled: boolean; baseUrl: string; maxPages: number };
  sentinel: SentinelConfig;
}

export function azureConfig(e: AzureEnv): AzureConfig {
  const { SENTINEL_SUBSCRIPTION_ID, SENTINEL_RESOURCE_GROUP, SENTINEL_WORKSPACE_NAME } = e;
  return {
    azure: {
      tenantId: e.AZURE_TENANT_ID,
      clientId: e.AZURE_CLIENT_ID,
      authorityHost: e.AZURE_AUTHORITY_HOST,
    },
    graph: {
      // Explicit: AZURE_CLIENT_ID alone may be Cosmos DB's or Azure OpenAI's managed identity.
      enabled: e.GRAPH_ENABLED,
      baseUrl: withoutTrailingSlash(e.GRAPH_BASE_URL),
      maxPages: e.GRAPH_MAX_PAGES,
    },
    sentinel: {
      workspace:
        SENTINEL_SUBSCRIPTION_ID && SENTINEL_RESOURCE_GROUP && SENTINEL_WORKSPACE_NAME
          ? {
              subscriptionId: SENTINEL_SUBSCRIPTION_ID,
              resourceGroup: SENTINEL_RESOURCE_GROUP,
              workspaceName: SENTINEL_WORKSPACE_NAME,
            }
          : undefined,
      workspaceId: e.SENTINEL_WORKSPACE_ID,
      maxPages: e.SENTINEL_MAX_PAGES,
      armBaseUrl: withoutTrailingSlash(e.ARM_BASE_URL),
      logAnalyticsBaseUrl: withoutTrailingSlash(e.LOG_ANALYTICS_BASE_URL),
      kql: { maxRows: e.KQL_MAX_ROWS, maxHours: e.KQL_MAX_HOURS },
    },
  };
}

export function azureProblems(e: AzureEnv): string[] {
  const names = [e.SENTINEL_SUBSCRIPTION_ID, e.SENTINEL_RESOURCE_GROUP, e.SENTINEL_WORKSPACE_NAME];
  const set = names.filter((value) => value !== undefined).length;
  if (set === 0 || set === names.length) return [];
  return [
    'SENTINEL_SUBSCRIPTION_ID, SENTINEL_RESOURCE_GROUP and SENTINEL_WORKSPACE_NAME go together: ' +
      "set all three (from the Sentinel workspace's Overview page in the Azure portal) to read " +
      'Sentinel incidents, or none.',
  ];
}

function withoutTrailingSlash(value: string): string {
  return value.replace(/\/+$/, '');
}
