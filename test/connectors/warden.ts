import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { type Warden, buildWarden } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { fakeCredential } from './graph/support';

/**
 * The whole composition root with Microsoft Graph on, a fresh SQLite file and a fake Azure
 * credential; `env` adds or overrides variables (Sentinel, a model, DEMO_DATA).
 */
export async function connectedWarden(env: Record<string, string> = {}): Promise<Warden> {
  const dir = mkdtempSync(path.join(tmpdir(), 'warden-connected-'));
  const config = loadConfig({
    SQLITE_PATH: path.join(dir, 'warden.db'),
    THREAT_INTEL_OFFLINE: 'true',
    GRAPH_ENABLED: 'true',
    AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555',
    AZURE_CLIENT_ID: '99999999-8888-7777-6666-555555555555',
    ...env,
  });
  return buildWarden(config, silentLogger, { azureCredential: fakeCredential() });
}

/** No real network in the file; after each test the mocks are cleared and its Warden closed. */
export function wardenPerTest(): { use(warden: Warden): Warden } {
  let current: Warden | undefined;
  beforeAll(() => nock.disableNetConnect());
  afterEach(async () => {
    nock.cleanAll();
    await current?.close();
    current = undefined;
  });
  afterAll(() => nock.enableNetConnect());
  return {
    use(warden) {
      current = warden;
      return warden;
    },
  };
}
