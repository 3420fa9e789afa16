import nock from 'nock';
import { createGraphSecurityData } from '../../../src/connectors';
import { toRiskDetection } from '../../../src/connectors/graph/map-risk';
import {
  GRAPH,
  JSON_HEADERS,
  captureFilter,
  graphFixture,
  readContext,
  testGraph,
} from './support';

const NOW = new Date('2026-12-03T12:00:00Z');
const PATH = '/v1.0/identityProtection/riskDetections';

function graphSource() {
  const graph = testGraph();
  return createGraphSecurityData({ client: graph.client, now: () => NOW });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('GraphSecurityData risk detections', () => {
  it('reads every page, newest first, with enums of either casing normalised', async () => {
    const source = graphSource();
    nock(GRAPH)
      .get(PATH)
      .query((q) => q.$skiptoken === undefined && q.$filter === undefined)
      .reply(200, graphFixture('risk-detections'), JSON_HEADERS)
      .get(PATH)
      .query({ $skiptoken: 'page2' })
      .reply(200, graphFixture('risk-detections-page-2'), JSON_HEADERS);

    const detections = await source.listRiskDetections({}, readContext());

    expect(detections.map((d) => [d.userPrincipalName, d.riskEventType, d.riskLevel])).toEqual([
      ['bob.lee@contoso.com', 'unfamiliarFeatures', 'high'],
      ['bob.lee@contoso.com', 'anonymizedIPAddress', 'medium'],
      ['bob.lee@contoso.com', 'leakedCredentials', 'high'],
      ['priya.nair@contoso.com', 'unlikelyTravel', 'medium'],
      ['tom.becker@contoso.com', 'leakedCredentials', 'high'],
    ]);
    expect(detections[1]).toMatchObject({
      requestId: 'b1a2c3d4-0001-4ee5-be62-ff5a759b0100',
      riskState: 'atRisk',
      riskDetail: 'none',
      detectionTimingType: 'realtime',
      activity: 'signin',
      tokenIssuerType: 'AzureAD',
      ipAddress: '185.220.101.4',
      location: { city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL' },
    });
    expect(detections[4]).toMatchObject({
      riskState: 'remediated',
      riskDetail: 'userPerformedSecuredPasswordReset',
      detectionTimingType: 'offline',
      activity: 'user',
    });
  });

  it('reads a user detection without sign-in, IP or place as having none', async () => {
    const source = graphSource();
    nock(GRAPH).get(PATH).reply(200, graphFixture('risk-detections-page-2'), JSON_HEADERS);

    const [leak] = await source.listRiskDetections({}, readContext());

    expect(leak.requestId).toBeUndefined();
    expect(leak.correlationId).toBeUndefined();
    expect(leak.ipAddress).toBeUndefined();
    expect(leak.location).toEqual({
      city: undefined,
      state: undefined,
      countryOrRegion: undefined,
    });
    expect(leak.additionalInfo).toBe('[]');
  });

  it('pushes UPN, level, type and time into $filter and re-applies them', async () => {
    const source = graphSource();
    const seen = captureFilter(PATH, graphFixture('risk-detections-page-2'));

    const detections = await source.listRiskDetections(
      {
        user: 'bob.lee@contoso.com',
        riskLevel: 'high',
        riskEventType: 'LeakedCredentials',
        since: new Date('2026-11-26T12:00:00Z'),
      },
      readContext(),
    );

    expect(seen.filter).toBe(
      'activityDateTime ge 2026-11-26T12:00:00.000Z and ' +
        "userPrincipalName eq 'bob.lee@contoso.com' and riskLevel eq 'high' and " +
        "riskEventType eq 'leakedCredentials'",
    );
    // The server answered with Tom's older detection too; it is dropped, not shown.
    expect(detections.map((d) => [d.userPrincipalName, d.riskEventType])).toEqual([
      ['bob.lee@contoso.com', 'leakedCredentials'],
    ]);
  });

  it('resolves a first name through the directory the way sign-ins do', async () => {
    const source = graphSource();
    const users = captureFilter('/v1.0/users', graphFixture('users-bob'));
    const seen = captureFilter(PATH, graphFixture('risk-detections-page-2'));

    const detections = await source.listRiskDetections({ user: 'bob' }, readContext());

    expect(users.filter).toContain("startswith(givenName,'bob')");
    expect(seen.filter).toBe("userPrincipalName eq 'bob.lee@contoso.com'");
    expect(detections.map((d) => d.userDisplayName)).toEqual(['Bob Lee']);
  });

  it('does not ask for detections when nobody has the name', async () => {
    const source = graphSource();
    captureFilter('/v1.0/users', { value: [] });
    const detections = captureFilter(PATH, { value: [] });

    expect(await source.listRiskDetections({ user: 'nobody' }, readContext())).toEqual([]);
    expect(detections.asked).toBe(false);
  });

  it('cites the riskDetections request as live telemetry', () => {
    expect(graphSource().describe('riskDetections')).toEqual({
      title: 'Microsoft Graph — Entra ID risk detections',
      url: 'https://graph.microsoft.com/v1.0/identityProtection/riskDetections',
      kind: 'telemetry',
    });
  });
});

describe('toRiskDetection', () => {
  it('reads a riskDetection in the documented shape with PascalCase enum values', () => {
    const documented = {
      id: 'c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00d15ea5e5',
      requestId: '3f1d7a52-6b8e-4c09-a1d4-2e5f9c7b0a63',
      correlationId: 'a84c2e1f-0d5b-4f7a-9e3c-6b1d8f2a4c05',
      riskEventType: 'MaliciousIPAddress',
      riskState: 'ConfirmedCompromised',
      riskLevel: 'High',
      riskDetail: 'AdminConfirmedUserCompromised',
      source: 'IdentityProtection',
      detectionTimingType: 'NearRealtime',
      activity: 'Signin',
      tokenIssuerType: 'ADFederationServices',
      ipAddress: '192.0.2.17',
      location: {
        city: 'Redmond',
        state: 'Washington',
        countryOrRegion: 'US',
        geoCoordinates: { altitude: null, latitude: 47.67, longitude: -122.12 },
      },
      activityDateTime: '2026-06-14T08:03:21.5170381Z',
      detectedDateTime: '2026-06-14T08:05:40.311Z',
      lastUpdatedDateTime: '2026-06-14T09:12:05.024Z',
      userId: '9b3e5d71-2c4a-4f86-b0e9-7d1c3a5f8e20',
      userDisplayName: 'Kai Moreno',
      userPrincipalName: 'kai.moreno@contoso.com',
      additionalInfo: '[{"Key":"userAgent","Value":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)"}]',
    };

    expect(toRiskDetection(documented)).toEqual({
      id: documented.id,
      requestId: documented.requestId,
      correlationId: documented.correlationId,
      riskEventType: 'maliciousIPAddress',
      riskState: 'confirmedCompromised',
      riskLevel: 'high',
      riskDetail: 'adminConfirmedUserCompromised',
      source: 'IdentityProtection',
      detectionTimingType: 'nearRealtime',
      activity: 'signin',
      tokenIssuerType: 'ADFederationServices',
      ipAddress: '192.0.2.17',
      location: { city: 'Redmond', state: 'Washington', countryOrRegion: 'US' },
      activityDateTime: documented.activityDateTime,
      detectedDateTime: documented.detectedDateTime,
      lastUpdatedDateTime: documented.lastUpdatedDateTime,
      userId: documented.userId,
      userDisplayName: 'Kai Moreno',
      userPrincipalName: 'kai.moreno@contoso.com',
      additionalInfo: documented.additionalInfo,
    });
  });

  it('keeps a detection type it does not know, in camelCase, and a missing one as generic', () => {
    expect(toRiskDetection({ riskEventType: 'SomeFutureDetection' }).riskEventType).toBe(
      'someFutureDetection',
    );
    expect(toRiskDetection({ RiskEventType: 'PASSWORDSPRAY' }).riskEventType).toBe('passwordSpray');
    expect(toRiskDetection({}).riskEventType).toBe('generic');
  });
});
