import nock from 'nock';
import { message } from '../engine/factories';
import { GRAPH, JSON_HEADERS, graphFixture } from './graph/support';
import { connectedWarden, wardenPerTest } from './warden';

/** The composition root with Microsoft Graph configured: questions reach Graph, not the demo. */

const wardens = wardenPerTest();
const graphWarden = async (env: Record<string, string> = {}) =>
  wardens.use(await connectedWarden(env));

describe('Warden with Microsoft Graph configured', () => {
  it('answers risky sign-ins for a user from Graph, not from the demo tenant', async () => {
    const warden = await graphWarden();
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
    const warden = await graphWarden({ GRAPH_ENABLED: 'true' });
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
    const warden = await graphWarden();
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
