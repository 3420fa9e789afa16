import { DefaultAzureCredential } from '@azure/identity';
import {
  type ConnectorConfig,
  createAzureCredential,
  createConnectors,
} from '../../src/connectors';
import { silentLogger } from '../../src/core/logger';
import { createHttpClient } from '../../src/http/client';
import { createDemoTenant } from '../../src/skills/demo';
import { fakeCredential } from './graph/support';

const now = () => new Date('2026-12-03T12:00:00Z');

const SENTINEL: ConnectorConfig['sentinel'] = {
  workspace: { subscriptionId: 'sub-1', resourceGroup: 'rg-soc', workspaceName: 'contoso-soc' },
  workspaceId: '6e3c2a1b-7d44-4f0e-9a51-1c2b3d4e5f60',
  maxPages: 10,
  armBaseUrl: 'https://management.azure.com',
  logAnalyticsBaseUrl: 'https://api.loganalytics.io',
  kql: { maxRows: 200, maxHours: 720 },
};

function connectors(options: { graph: boolean; demo: boolean; sentinel?: boolean }) {
  return createConnectors({
    config: {
      azure: {},
      graph: { enabled: options.graph, baseUrl: 'https://graph.microsoft.com', maxPages: 10 },
      sentinel: options.sentinel
        ? SENTINEL
        : { ...SENTINEL, workspace: undefined, workspaceId: undefined },
      data: { demo: options.demo },
    },
    http: createHttpClient({ logger: silentLogger }),
    logger: silentLogger,
    now,
    credential: fakeCredential(),
    demo: () => createDemoTenant(now),
  });
}

const securityData = (graph: boolean, demo: boolean) => connectors({ graph, demo }).securityData;

describe('createAzureCredential', () => {
  it('builds one DefaultAzureCredential for a sovereign authority without reading a secret', () => {
    const credential = createAzureCredential({
      tenantId: 'tenant-1',
      clientId: 'client-1',
      authorityHost: 'https://login.microsoftonline.us',
    });

    expect(credential).toBeInstanceOf(DefaultAzureCredential);
  });
});

describe('createConnectors', () => {
  it('reads from Graph when it is on, even with the demo allowed', () => {
    expect(securityData(true, true)).toMatchObject({ name: 'Microsoft Graph', demo: false });
  });

  it('falls back to the demo tenant when Graph is off, and to nothing with DEMO_DATA=false', () => {
    expect(securityData(false, true)).toMatchObject({ demo: true });
    expect(securityData(false, false)).toBeUndefined();
  });

  it('adds Sentinel incidents and KQL beside the demo tenant when only Sentinel is set', () => {
    const built = connectors({ graph: false, demo: true, sentinel: true });

    expect(built.securityData).toMatchObject({ name: 'Microsoft Sentinel', demo: false });
    expect(built.logAnalytics?.workspaceId).toBe(SENTINEL.workspaceId);
    expect(built.sentinel?.workspace.workspaceName).toBe('contoso-soc');
  });

  it('reads incidents from Defender XDR and Sentinel side by side when both are set', () => {
    const built = connectors({ graph: true, demo: false, sentinel: true });

    expect(built.securityData?.name).toBe('Defender XDR and Microsoft Sentinel');
  });

  it('offers no Log Analytics client without a workspace id', () => {
    expect(connectors({ graph: true, demo: true }).logAnalytics).toBeUndefined();
  });
});
