import { DefaultAzureCredential } from '@azure/identity';
import { createAzureCredential, createSecurityData } from '../../src/connectors';
import { silentLogger } from '../../src/core/logger';
import { createHttpClient } from '../../src/http/client';
import { createDemoTenant } from '../../src/skills/demo';
import { fakeCredential } from './graph/support';

const now = () => new Date('2026-12-03T12:00:00Z');

function securityData(graphEnabled: boolean, demo: boolean) {
  return createSecurityData({
    config: {
      azure: {},
      graph: { enabled: graphEnabled, baseUrl: 'https://graph.microsoft.com', maxPages: 10 },
      data: { demo },
    },
    http: createHttpClient({ logger: silentLogger }),
    logger: silentLogger,
    now,
    credential: fakeCredential(),
    demo: () => createDemoTenant(now),
  });
}

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

describe('createSecurityData', () => {
  it('reads from Graph when it is on, even with the demo allowed', () => {
    expect(securityData(true, true)).toMatchObject({ name: 'Microsoft Graph', demo: false });
  });

  it('falls back to the demo tenant when Graph is off, and to nothing with DEMO_DATA=false', () => {
    expect(securityData(false, true)).toMatchObject({ demo: true });
    expect(securityData(false, false)).toBeUndefined();
  });
});
