import nock from 'nock';
import { ForbiddenError, UnavailableError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import { toSentinelIncident } from '../../../src/connectors/azure/map-sentinel';
import { SentinelClient, createSentinelIncidents } from '../../../src/connectors/azure/sentinel';
import { createHttpClient } from '../../../src/http/client';
import type { GraphObject } from '../../../src/connectors/graph/tolerant';
import { fakeCredential, readContext } from '../graph/support';
import { JSON_HEADERS, azureFixture } from './support';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const ARM = 'https://management.azure.com';
const WORKSPACE = {
  subscriptionId: 'c0ffee00-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  resourceGroup: 'contoso-soc-rg',
  workspaceName: 'contoso-sentinel',
};
const INCIDENTS =
  `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/contoso-soc-rg` +
  '/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel' +
  '/providers/Microsoft.SecurityInsights/incidents';
const NAME_2041 = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601';
const PORTAL_2041 =
  'https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident' +
  `${INCIDENTS.replace(/incidents$/, 'Incidents')}/${NAME_2041}`;
const API_VERSION = { 'api-version': '2024-03-01' };
const LIST_QUERY = { ...API_VERSION, $orderby: 'properties/createdTimeUtc desc', $top: '50' };
const NO_FILTER = {};

function testSentinel(options: { baseUrl?: string; maxPages?: number } = {}) {
  const delaysMs: number[] = [];
  const credential = fakeCredential('arm-test-token');
  const http = createHttpClient({
    logger: silentLogger,
    sleep: async (delayMs) => {
      delaysMs.push(delayMs);
    },
  });
  const client = new SentinelClient({
    http,
    credential,
    logger: silentLogger,
    baseUrl: options.baseUrl ?? ARM,
    maxPages: options.maxPages ?? 10,
    workspace: WORKSPACE,
  });
  return { incidents: createSentinelIncidents(client), credential, delaysMs };
}

/** The incidents of a list fixture, in the order the fixture holds them. */
function incidentsIn(fixture: string): GraphObject[] {
  return azureFixture(fixture).value as GraphObject[];
}

function numbersOf(incidents: { id: string }[]): string[] {
  return incidents.map((incident) => incident.id);
}

/** Incident 2041's alerts and entities calls, which Sentinel answers to a POST. */
function replyWithAlertsAndEntities(scope: nock.Scope): nock.Scope {
  return scope
    .post(`${INCIDENTS}/${NAME_2041}/alerts`, {})
    .query(API_VERSION)
    .reply(200, azureFixture('sentinel-incident-alerts'), JSON_HEADERS)
    .post(`${INCIDENTS}/${NAME_2041}/entities`, {})
    .query(API_VERSION)
    .reply(200, azureFixture('sentinel-incident-entities'), JSON_HEADERS);
}

describe('Microsoft Sentinel incidents', () => {
  describe('listIncidents', () => {
    it('follows nextLink across two pages with one token for the ARM scope', async () => {
      const { incidents, credential } = testSentinel();
      const pages = nock(ARM, { reqheaders: { authorization: 'Bearer arm-test-token' } })
        .get(INCIDENTS)
        .query(LIST_QUERY)
        .reply(200, azureFixture('sentinel-incidents-page-1'), JSON_HEADERS)
        .get(INCIDENTS)
        .query({ ...LIST_QUERY, $skipToken: 'eyJpZCI6ImIxIn0' })
        .reply(200, azureFixture('sentinel-incidents-page-2'), JSON_HEADERS);

      const listed = await incidents.listIncidents(NO_FILTER, readContext());

      expect(numbersOf(listed)).toEqual(['2041', '2039', '2035']);
      expect(listed.every((incident) => incident.provider === 'Microsoft Sentinel')).toBe(true);
      expect(credential.scopes).toEqual(['https://management.azure.com/.default']);
      expect(pages.isDone()).toBe(true);
    });

    it("pushes severity, status and since into $filter in Sentinel's spelling", async () => {
      const { incidents } = testSentinel();
      const filtered = nock(ARM)
        .get(INCIDENTS)
        .query({
          ...LIST_QUERY,
          $filter:
            "properties/severity eq 'High' and properties/status eq 'New' and " +
            'properties/createdTimeUtc ge 2026-11-15T00:00:00.000Z',
        })
        .reply(200, { value: incidentsIn('sentinel-incidents-page-1').slice(0, 1) }, JSON_HEADERS);

      const listed = await incidents.listIncidents(
        { severity: 'high', status: 'active', since: new Date('2026-11-15T00:00:00Z') },
        readContext(),
      );

      expect(numbersOf(listed)).toEqual(['2041']);
      expect(filtered.isDone()).toBe(true);
    });

    it.each([
      ['inProgress', 'Active', '2039'],
      ['resolved', 'Closed', '2035'],
    ] as const)('asks Sentinel for %s incidents as status %s', async (status, sentinel, number) => {
      const { incidents } = testSentinel();
      const all = [
        ...incidentsIn('sentinel-incidents-page-1'),
        ...incidentsIn('sentinel-incidents-page-2'),
      ];
      nock(ARM)
        .get(INCIDENTS)
        .query({ ...LIST_QUERY, $filter: `properties/status eq '${sentinel}'` })
        .reply(200, { value: all }, JSON_HEADERS);

      const listed = await incidents.listIncidents({ status }, readContext());

      expect(numbersOf(listed)).toEqual([number]);
    });

    it('answers no incidents for "redirected", which Sentinel has no state for', async () => {
      const { incidents } = testSentinel();

      // With the network disabled and nothing mocked, any request would fail this test.
      await expect(
        incidents.listIncidents({ status: 'redirected' }, readContext()),
      ).resolves.toEqual([]);
    });

    it('filters again in memory, so a server that ignores $filter does not widen it', async () => {
      const { incidents } = testSentinel();
      nock(ARM)
        .get(INCIDENTS)
        .query(true)
        .times(2)
        .reply(200, azureFixture('sentinel-incidents-unfiltered'), JSON_HEADERS);

      const recentNew = await incidents.listIncidents(
        { severity: 'high', status: 'active', since: new Date('2026-11-15T00:00:00Z') },
        readContext(),
      );
      const high = await incidents.listIncidents({ severity: 'high' }, readContext());

      expect(numbersOf(recentNew)).toEqual(['2041', '2040']);
      expect(numbersOf(high)).toEqual(['2041', '2040', '2030', '2028']);
    });

    it('stops at the page cap (SENTINEL_MAX_PAGES) without reading the next page', async () => {
      const { incidents } = testSentinel({ maxPages: 1 });
      nock(ARM)
        .get(INCIDENTS)
        .query(LIST_QUERY)
        .reply(200, azureFixture('sentinel-incidents-page-1'), JSON_HEADERS);

      const listed = await incidents.listIncidents(NO_FILTER, readContext());

      expect(numbersOf(listed)).toEqual(['2041', '2039']);
    });

    it('refuses to send its token to a nextLink on another host', async () => {
      const { incidents } = testSentinel();
      const foreign = `https://arm.example${INCIDENTS}?api-version=2024-03-01&$skipToken=x`;
      nock(ARM)
        .get(INCIDENTS)
        .query(true)
        .reply(200, { value: [], nextLink: foreign }, JSON_HEADERS);

      await expect(incidents.listIncidents(NO_FILTER, readContext())).rejects.toMatchObject({
        code: 'sentinel_next_link_foreign',
      });
    });

    it('uses a sovereign cloud root for requests and for the token scope', async () => {
      const gov = 'https://management.usgovcloudapi.net';
      const { incidents, credential } = testSentinel({ baseUrl: `${gov}/` });
      const scope = nock(gov)
        .get(INCIDENTS)
        .query(LIST_QUERY)
        .reply(200, { value: [] }, JSON_HEADERS);

      await incidents.listIncidents(NO_FILTER, readContext());

      expect(credential.scopes).toEqual([`${gov}/.default`]);
      expect(scope.isDone()).toBe(true);
    });
  });

  describe('when Azure Resource Manager fails', () => {
    it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
      const { incidents, delaysMs } = testSentinel();
      nock(ARM)
        .get(INCIDENTS)
        .query(true)
        .reply(
          429,
          { error: { code: 'TooManyRequests', message: 'Rate limit exceeded.' } },
          { ...JSON_HEADERS, 'retry-after': '7' },
        )
        .get(INCIDENTS)
        .query(true)
        .reply(200, azureFixture('sentinel-incidents-page-2'), JSON_HEADERS);

      const listed = await incidents.listIncidents(NO_FILTER, readContext());

      expect(numbersOf(listed)).toEqual(['2035']);
      expect(delaysMs).toEqual([7000]);
    });

    it('says which role to assign on which workspace when refused with 403', async () => {
      const { incidents } = testSentinel();
      const denied = {
        error: {
          code: 'AuthorizationFailed',
          message: "The client does not have authorization to perform action 'read'.",
        },
      };
      nock(ARM).get(INCIDENTS).query(true).reply(403, denied, JSON_HEADERS);

      const failure = incidents.listIncidents(NO_FILTER, readContext());

      await expect(failure).rejects.toBeInstanceOf(ForbiddenError);
      await expect(failure).rejects.toMatchObject({
        code: 'sentinel_forbidden',
        detail: { status: 403, serviceCode: 'AuthorizationFailed' },
        userMessage: expect.stringContaining(
          'Microsoft Sentinel Reader role on the workspace contoso-sentinel',
        ),
      });
    });

    it('points at the token settings, not at roles, when refused with 401', async () => {
      const { incidents } = testSentinel();
      const expired = { error: { code: 'ExpiredAuthenticationToken', message: 'expired' } };
      nock(ARM).get(INCIDENTS).query(true).reply(401, expired, JSON_HEADERS);

      await expect(incidents.listIncidents(NO_FILTER, readContext())).rejects.toMatchObject({
        code: 'sentinel_unauthorized',
        userMessage: expect.stringContaining('check AZURE_TENANT_ID, AZURE_CLIENT_ID'),
      });
    });

    it('says which settings to check when the workspace is not found', async () => {
      const { incidents } = testSentinel();
      const missing = { error: { code: 'ResourceGroupNotFound', message: 'not found' } };
      nock(ARM).get(INCIDENTS).query(true).reply(404, missing, JSON_HEADERS);

      await expect(incidents.listIncidents(NO_FILTER, readContext())).rejects.toMatchObject({
        code: 'sentinel_not_found',
        userMessage: expect.stringContaining('check SENTINEL_SUBSCRIPTION_ID'),
      });
    });

    it('retries a 500 twice, then says Sentinel could not answer', async () => {
      const { incidents, delaysMs } = testSentinel();
      const failing = nock(ARM)
        .get(INCIDENTS)
        .query(true)
        .times(3)
        .reply(500, { error: { code: 'InternalServerError', message: 'boom' } }, JSON_HEADERS);

      const failure = incidents.listIncidents(NO_FILTER, readContext());

      await expect(failure).rejects.toBeInstanceOf(UnavailableError);
      await expect(failure).rejects.toMatchObject({
        code: 'sentinel_request_failed',
        userMessage: expect.stringContaining('Microsoft Sentinel could not answer (HTTP 500)'),
      });
      expect(delaysMs).toHaveLength(2);
      expect(failing.isDone()).toBe(true);
    });
  });

  describe('getIncident', () => {
    it('finds incident 2041 by its number, with its alerts and entities', async () => {
      const { incidents } = testSentinel();
      const byNumber = nock(ARM)
        .get(INCIDENTS)
        .query({ ...API_VERSION, $filter: 'properties/incidentNumber eq 2041', $top: '1' })
        .reply(200, { value: incidentsIn('sentinel-incidents-page-1').slice(0, 1) }, JSON_HEADERS);
      replyWithAlertsAndEntities(byNumber);

      const incident = await incidents.getIncident('2041', readContext());

      expect(incident).toMatchObject({ id: '2041', severity: 'high', status: 'active' });
      expect(incident?.alerts).toEqual(EXPECTED_ALERTS);
      expect(incident?.entities).toEqual(EXPECTED_ENTITIES);
      expect(byNumber.isDone()).toBe(true);
    });

    it('reads an incident by its resource name (a GUID) the same way', async () => {
      const { incidents } = testSentinel();
      const byName = nock(ARM)
        .get(`${INCIDENTS}/${NAME_2041}`)
        .query(API_VERSION)
        .reply(200, incidentsIn('sentinel-incidents-page-1')[0], JSON_HEADERS);
      replyWithAlertsAndEntities(byName);

      const incident = await incidents.getIncident(NAME_2041, readContext());

      expect(incident?.id).toBe('2041');
      expect(incident?.alerts).toEqual(EXPECTED_ALERTS);
      expect(incident?.entities).toEqual(EXPECTED_ENTITIES);
      expect(byName.isDone()).toBe(true);
    });

    it('answers undefined for a number no incident has, asking for no alerts', async () => {
      const { incidents } = testSentinel();
      nock(ARM).get(INCIDENTS).query(true).reply(200, { value: [] }, JSON_HEADERS);

      await expect(incidents.getIncident('9999', readContext())).resolves.toBeUndefined();
    });

    it('does not pass off another incident as 2041 when the server ignores $filter', async () => {
      const { incidents } = testSentinel();
      const other = incidentsIn('sentinel-incidents-page-1')[1];
      nock(ARM)
        .get(INCIDENTS)
        .query(true)
        .reply(200, { value: [other] }, JSON_HEADERS);

      await expect(incidents.getIncident('2041', readContext())).resolves.toBeUndefined();
    });

    it('answers undefined for a resource name Sentinel does not know (404)', async () => {
      const { incidents } = testSentinel();
      const missing = { error: { code: 'NotFound', message: 'Incident not found.' } };
      nock(ARM).get(`${INCIDENTS}/${NAME_2041}`).query(true).reply(404, missing, JSON_HEADERS);

      await expect(incidents.getIncident(NAME_2041, readContext())).resolves.toBeUndefined();
    });
  });

  describe('describe', () => {
    it("cites the workspace's incidents with their ARM URL", () => {
      const { incidents } = testSentinel();

      expect(incidents.describe()).toEqual({
        title: 'Microsoft Sentinel — incidents of workspace contoso-sentinel',
        url: `${ARM}${INCIDENTS}?api-version=2024-03-01`,
        kind: 'telemetry',
      });
    });
  });
});

describe('toSentinelIncident', () => {
  it("maps an incident's number, title, owner, labels and portal link", () => {
    const raw = incidentsIn('sentinel-incidents-page-1')[0];

    expect(toSentinelIncident(raw)).toEqual({
      id: '2041',
      displayName: 'Suspicious inbox forwarding rule after an unfamiliar sign-in',
      description: expect.stringContaining('bob.lee@contoso.com signed in'),
      severity: 'high',
      status: 'active',
      assignedTo: 'alex.wilber@contoso.com',
      createdDateTime: '2026-12-02T21:10:00Z',
      lastUpdateDateTime: '2026-12-02T21:40:00Z',
      incidentWebUrl: PORTAL_2041,
      customTags: ['Finance', 'BEC'],
      alerts: [],
      entities: [],
      provider: 'Microsoft Sentinel',
    });
  });

  it("keeps a closed incident's classification and its reason", () => {
    const raw = incidentsIn('sentinel-incidents-page-2')[0];

    expect(toSentinelIncident(raw)).toMatchObject({
      id: '2035',
      status: 'resolved',
      severity: 'low',
      classification: 'BenignPositive',
      determination: 'SuspiciousButExpected',
      assignedTo: undefined,
    });
  });

  it('reads PascalCase property names and other enum casings as the same incident', () => {
    const camel = incidentsIn('sentinel-incidents-page-1')[0];
    const pascal = azureFixture('sentinel-incident-2041-pascal-case');

    expect(toSentinelIncident(pascal)).toEqual(toSentinelIncident(camel));
  });

  it.each([
    ['High', 'New', 'high', 'active'],
    ['high', 'new', 'high', 'active'],
    ['MEDIUM', 'Active', 'medium', 'inProgress'],
    ['Low', 'active', 'low', 'inProgress'],
    ['Informational', 'closed', 'informational', 'resolved'],
  ])('reads severity %s and status %s as %s and %s', (severity, status, wanted, state) => {
    const raw = withProperties(incidentsIn('sentinel-incidents-page-1')[0], { severity, status });

    expect(toSentinelIncident(raw)).toMatchObject({ severity: wanted, status: state });
  });

  it('reads entity kinds in any casing and leaves out kinds it has no column for', () => {
    const entities = [
      { kind: 'account', properties: { accountName: 'carol.diaz', upnSuffix: 'contoso.com' } },
      { kind: 'IP', properties: { address: '198.51.100.23' } },
      { kind: 'RegistryKey', properties: { key: 'Run', hive: 'HKEY_CURRENT_USER' } },
    ];

    const incident = toSentinelIncident(incidentsIn('sentinel-incidents-page-1')[0], [], entities);

    expect(incident.entities?.map(({ type, value }) => [type, value])).toEqual([
      ['user', 'carol.diaz@contoso.com'],
      ['ip', '198.51.100.23'],
    ]);
  });
});

function withProperties(raw: GraphObject, changes: GraphObject): GraphObject {
  return { ...raw, properties: { ...(raw.properties as GraphObject), ...changes } };
}

const EXPECTED_ALERTS = [
  {
    id: 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9',
    title: 'Unfamiliar sign-in properties',
    severity: 'medium',
    status: 'new',
    category: 'InitialAccess',
    serviceSource: 'Azure Active Directory Identity Protection',
    createdDateTime: '2026-12-02T21:02:45Z',
    mitreTechniques: ['T1078'],
    evidence: [],
  },
  {
    id: 'f2e3d4c5-b6a7-4988-97a6-b5c4d3e2f1a0',
    title: 'Suspicious inbox forwarding rule',
    severity: 'high',
    status: 'inProgress',
    category: 'Collection',
    serviceSource: 'Microsoft Cloud App Security',
    createdDateTime: '2026-12-02T21:06:45Z',
    mitreTechniques: ['T1114', 'T1020'],
    evidence: [],
  },
];

/** The CloudApplication entity in the fixture has no column in Warden and is left out. */
const EXPECTED_ENTITIES = [
  { type: 'user', value: 'bob.lee@contoso.com', detail: 'Bob Lee', roles: [] },
  { type: 'ip', value: '203.0.113.45', roles: [] },
  { type: 'device', value: 'CONTOSO-LT-042.contoso.com', detail: 'Windows', roles: [] },
  { type: 'url', value: 'https://contoso-payroll.example/login', roles: [] },
  {
    type: 'file',
    value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    detail: 'SHA256',
    roles: [],
  },
];
