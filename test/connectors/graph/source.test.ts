import nock from 'nock';
import { createGraphSecurityData } from '../../../src/connectors';
import { UnavailableError } from '../../../src/core/errors';
import {
  GRAPH,
  JSON_HEADERS,
  captureFilter,
  graphFixture,
  readContext,
  testGraph,
} from './support';

const NOW = new Date('2026-12-03T12:00:00Z');

function graphSource(options: { maxPages?: number } = {}) {
  const graph = testGraph(options);
  return { ...graph, source: createGraphSecurityData({ client: graph.client, now: () => NOW }) };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('GraphSecurityData incidents', () => {
  it('reads incidents of both casings with their alerts and evidence, over two pages', async () => {
    const { source } = graphSource();
    nock(GRAPH)
      .get('/v1.0/security/incidents')
      .query((q) => q.$expand === 'alerts' && q.$skiptoken === undefined)
      .reply(200, graphFixture('incidents-page-1'), JSON_HEADERS)
      .get('/v1.0/security/incidents')
      .query((q) => q.$skiptoken === 'page2')
      .reply(200, graphFixture('incidents-page-2'), JSON_HEADERS);

    const incidents = await source.listIncidents({}, readContext());

    expect(incidents.map((i) => [i.id, i.severity, i.status])).toEqual([
      ['2041', 'high', 'active'],
      ['2038', 'medium', 'inProgress'],
    ]);
    expect(incidents[0].incidentWebUrl).toMatch(/^https:\/\/security\.microsoft\.com\/incidents/);
    expect(incidents[1].alerts[0]).toMatchObject({ status: 'new', severity: 'medium' });
    expect(incidents[0].alerts[0].evidence).toEqual([
      {
        type: 'user',
        value: 'bob.lee@contoso.com',
        detail: 'Bob Lee',
        roles: ['compromised'],
        verdict: 'suspicious',
      },
      {
        type: 'url',
        value: 'https://login-contoso-payroll.example/verify',
        roles: [],
        verdict: 'malicious',
      },
    ]);
  });

  it('pushes severity, status and age into $filter', async () => {
    const { source } = graphSource();
    const seen = captureFilter('/v1.0/security/incidents', graphFixture('incidents-page-2'));

    const incidents = await source.listIncidents(
      { severity: 'medium', status: 'inProgress', since: new Date('2026-11-26T12:00:00Z') },
      readContext(),
    );

    expect(seen.filter).toBe(
      "severity eq 'medium' and status eq 'inProgress' and " +
        'createdDateTime ge 2026-11-26T12:00:00.000Z',
    );
    expect(incidents.map((i) => i.id)).toEqual(['2038']);
  });

  it('gets one incident, asking alerts_v2 when the alerts were not expanded', async () => {
    const { source } = graphSource();
    const incident = graphFixture('incidents-page-2').value as Record<string, unknown>[];
    const { alerts, ...withoutAlerts } = incident[0];
    nock(GRAPH)
      .get('/v1.0/security/incidents/2038')
      .query({ $expand: 'alerts' })
      .reply(200, withoutAlerts, JSON_HEADERS)
      .get('/v1.0/security/alerts_v2')
      .query({ $filter: "incidentId eq '2038'" })
      .reply(200, { value: alerts }, JSON_HEADERS);

    const found = await source.getIncident('2038', readContext());

    expect(found?.alerts.map((a) => a.title)).toEqual(['Suspicious PowerShell command line']);
    expect(found?.alerts[0].evidence.map((e) => [e.type, e.value])).toEqual([
      ['device', 'CONTOSO-LT-0142'],
      ['process', 'powershell.exe'],
    ]);
  });

  it('answers undefined for an incident Graph does not have', async () => {
    const { source } = graphSource();
    nock(GRAPH)
      .get('/v1.0/security/incidents/9999')
      .query(true)
      .reply(404, { error: { code: 'NotFound' } }, JSON_HEADERS);

    expect(await source.getIncident('9999', readContext())).toBeUndefined();
  });
});

describe('GraphSecurityData sign-ins', () => {
  it('filters risky sign-ins of a UPN in Graph and reads mixed casings', async () => {
    const { source } = graphSource();
    const seen = captureFilter('/v1.0/auditLogs/signIns', graphFixture('signins-bob'));

    const signIns = await source.listSignIns(
      { user: 'bob.lee@contoso.com', riskyOnly: true, since: new Date('2026-11-26T12:00:00Z') },
      readContext(),
    );

    expect(seen.filter).toBe(
      'createdDateTime ge 2026-11-26T12:00:00.000Z and ' +
        "userPrincipalName eq 'bob.lee@contoso.com' and " +
        "(riskLevelAggregated eq 'low' or riskLevelAggregated eq 'medium' or " +
        "riskLevelAggregated eq 'high')",
    );
    expect(signIns.map((s) => [s.riskLevelAggregated, s.riskLevelDuringSignIn])).toEqual([
      ['high', 'high'],
      ['medium', 'medium'],
    ]);
    expect(signIns[0]).toMatchObject({
      riskEventTypes: ['anonymizedIPAddress', 'unfamiliarFeatures'],
      conditionalAccessStatus: 'failure',
      status: { errorCode: 53003 },
      location: { city: 'Amsterdam', countryOrRegion: 'NL' },
    });
    expect(signIns[1].riskEventTypes).toEqual(['anonymizedIPAddress']);
  });

  it('resolves a first name through the directory before asking for sign-ins', async () => {
    const { source } = graphSource();
    const users = captureFilter('/v1.0/users', graphFixture('users-bob'));
    const signIns = captureFilter('/v1.0/auditLogs/signIns', graphFixture('signins-bob'));

    const found = await source.listSignIns(
      { user: 'bob', ipAddress: '185.220.101.4' },
      readContext(),
    );

    expect(users.filter).toBe(
      "(startswith(displayName,'bob') or startswith(givenName,'bob') or " +
        "startswith(surname,'bob') or startswith(userPrincipalName,'bob'))",
    );
    expect(signIns.filter).toBe(
      "userPrincipalName eq 'bob.lee@contoso.com' and ipAddress eq '185.220.101.4'",
    );
    expect(found).toHaveLength(2);
  });

  it('escapes quotes so a name cannot change the filter', async () => {
    const { source } = graphSource();
    const seen = captureFilter('/v1.0/users', { value: [] });

    await source.findUsers("o'brien", readContext());

    expect(seen.filter).toContain("startswith(displayName,'o''brien')");
  });
});

describe('GraphSecurityData identity and devices', () => {
  it('reads risky users whatever the casing of their risk', async () => {
    const { source } = graphSource();
    const seen = captureFilter('/v1.0/identityProtection/riskyUsers', graphFixture('risky-users'));

    const users = await source.listRiskyUsers({ riskLevel: 'high' }, readContext());

    expect(seen.filter).toBe("riskLevel eq 'high'");
    expect(users).toEqual([
      expect.objectContaining({ userPrincipalName: 'bob.lee@contoso.com', riskLevel: 'high' }),
    ]);
    expect(users[0].riskState).toBe('atRisk');
  });

  it('finds a device by name and reads NonCompliant as noncompliant', async () => {
    const { source } = graphSource();
    nock(GRAPH)
      .get('/v1.0/deviceManagement/managedDevices')
      .reply(200, graphFixture('managed-devices'), JSON_HEADERS);

    const devices = await source.listDevices({ device: 'contoso-lt-0142' }, readContext());

    expect(devices).toEqual([
      expect.objectContaining({
        deviceName: 'CONTOSO-LT-0142',
        complianceState: 'noncompliant',
        managedDeviceOwnerType: 'company',
        osVersion: '10.0.22631.4460',
        isEncrypted: false,
      }),
    ]);
  });

  it('reads a user whose fields arrive in other casings', async () => {
    const { source } = graphSource();
    nock(GRAPH)
      .get('/v1.0/users')
      .query(true)
      .reply(
        200,
        {
          Value: [
            { Id: 'u1', DisplayName: 'Priya Nair', UserPrincipalName: 'priya.nair@contoso.com' },
          ],
        },
        JSON_HEADERS,
      );

    const users = await source.findUsers('priya', readContext());

    expect(users).toEqual([
      expect.objectContaining({ id: 'u1', displayName: 'Priya Nair', accountEnabled: true }),
    ]);
  });
});

describe('GraphSecurityData network connections', () => {
  it('runs a DeviceNetworkEvents hunt for the IP and reads its rows', async () => {
    const { source } = graphSource();
    let query = '';
    nock(GRAPH)
      .post('/v1.0/security/runHuntingQuery', (body: { Query: string }) => {
        query = body.Query;
        return true;
      })
      .reply(200, graphFixture('hunting-network-events'), JSON_HEADERS);

    const connections = await source.listNetworkConnections(
      { remoteIp: '185.220.101.4', since: new Date('2026-11-26T12:00:00Z') },
      readContext(),
    );

    expect(query).toMatch(/^DeviceNetworkEvents\n/);
    expect(query).toContain('| where Timestamp >= datetime(2026-11-26T12:00:00.000Z)');
    expect(query).toContain('| where RemoteIP == "185.220.101.4"');
    expect(connections).toEqual([
      expect.objectContaining({
        deviceName: 'contoso-lt-0142.contoso.com',
        remotePort: 443,
        protocol: 'Tcp',
        initiatingProcessAccountUpn: 'bob.lee@contoso.com',
      }),
    ]);
  });

  it('refuses to write anything but an IP address into the hunt', async () => {
    const { source } = graphSource();

    await expect(
      source.listNetworkConnections({ remoteIp: '1.2.3.4" | take 1' }, readContext()),
    ).rejects.toMatchObject({ code: 'hunting_ip_invalid' });
  });
});

describe('GraphSecurityData sources', () => {
  it('cites the Graph request of each dataset as live telemetry', () => {
    const { source } = graphSource();

    expect(source.demo).toBe(false);
    expect(source.describe('signIns')).toEqual({
      title: 'Microsoft Graph — Entra ID sign-ins',
      url: 'https://graph.microsoft.com/v1.0/auditLogs/signIns',
      kind: 'telemetry',
    });
  });

  it('fails the read when Graph keeps answering 500', async () => {
    const { source } = graphSource();
    nock(GRAPH).get('/v1.0/identityProtection/riskyUsers').times(3).reply(500, {}, JSON_HEADERS);

    await expect(source.listRiskyUsers({}, readContext())).rejects.toBeInstanceOf(UnavailableError);
  });
});
