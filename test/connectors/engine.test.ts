import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { type Warden, buildWarden } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { message } from '../engine/factories';
import { fakeCredential, GRAPH, JSON_HEADERS, graphFixture } from './graph/support';

/** The composition root with Microsoft Graph configured: questions reach Graph, not the demo. */

async function graphWarden(env: Record<string, string> = {}): Promise<Warden> {
  const dir = mkdtempSync(path.join(tmpdir(), 'warden-graph-'));
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

let warden: Warden | undefined;

beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  nock.cleanAll();
  await warden?.close();
  warden = undefined;
});
afterAll(() => nock.enableNetConnect());

describe('Warden with Microsoft Graph configured', () => {
  it('answers risky sign-ins for a user from Graph, not from the demo tenant', async () => {
    warden = await graphWarden();
    let filter = '';
    const signIns = nock(GRAPH)
      .get('/v1.0/auditLogs/signIns')
      .query((query) => {
        filter = String(query.$filter);
        return true;
      })
      .reply(200, graphFixture('signins-bob'), JSON_HEADERS);

    const { answer } = await warden.engine.handle(
      message('risky sign-ins for bob.lee@contoso.com in the last 7 days'),
    );

    expect(signIns.isDone()).toBe(true);
    expect(filter).toContain("userPrincipalName eq 'bob.lee@contoso.com'");
    expect(answer.kind).toBe('answer');
    expect(answer.demoData).toBe(false);
    expect(answer.skills).toContain('list_signins');
    expect(answer.summary).toContain('185.220.101.4');
    expect(answer.sources).toContainEqual(
      expect.objectContaining({
        title: 'Microsoft Graph — Entra ID sign-ins',
        // The exact request that answered, so an analyst can replay it in Graph Explorer.
        url: expect.stringMatching(
          /^https:\/\/graph\.microsoft\.com\/v1\.0\/auditLogs\/signIns\?%24filter=.*bob\.lee%40/,
        ),
        kind: 'telemetry',
      }),
    );
    expect(answer.sources.some((source) => source.kind === 'demo')).toBe(false);
  });

  it('answers whether a device is compliant from Intune through Graph', async () => {
    warden = await graphWarden({ GRAPH_ENABLED: 'true' });
    const devices = nock(GRAPH)
      .get('/v1.0/deviceManagement/managedDevices')
      .query(true)
      .reply(200, graphFixture('managed-devices'), JSON_HEADERS);

    const { answer } = await warden.engine.handle(message('is CONTOSO-LT-0142 compliant?'));

    expect(devices.isDone()).toBe(true);
    expect(answer.demoData).toBe(false);
    expect(answer.skills).toContain('list_devices');
    expect(answer.summary).toMatch(/CONTOSO-LT-0142/);
    expect(answer.summary).toMatch(/noncompliant/);
    expect(answer.sources).toContainEqual(
      expect.objectContaining({
        url: 'https://graph.microsoft.com/v1.0/deviceManagement/managedDevices',
        kind: 'telemetry',
      }),
    );
  });

  it('says which source failed when Graph keeps answering 500', async () => {
    warden = await graphWarden();
    nock(GRAPH)
      .get('/v1.0/deviceManagement/managedDevices')
      .query(true)
      .times(3)
      .reply(500, { error: { code: 'InternalServerError' } }, JSON_HEADERS);

    const { answer } = await warden.engine.handle(message('is CONTOSO-LT-0142 compliant?'));

    expect(answer.demoData).toBe(false);
    expect(answer.summary).toMatch(/Intune devices could not be read/);
    expect(answer.sources.some((source) => source.kind === 'demo')).toBe(false);
  });
});
