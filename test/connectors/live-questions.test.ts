import nock from 'nock';
import type { Warden } from '../../src/app';
import { renderAnswerCard, validateAdaptiveCard } from '../../src/cards';
import type { Answer } from '../../src/core/answer';
import { message } from '../engine/factories';
import { textResponse, toolCallsResponse } from '../llm/chat-completions';
import { fixtureText } from '../skills/support';
import { azureFixture } from './azure/support';
import { GRAPH, JSON_HEADERS, graphFixture } from './graph/support';
import { connectedWarden, wardenPerTest } from './warden';

/**
 * The four questions the live connectors exist for, asked through the whole composition root
 * with Graph, Sentinel and Log Analytics configured: once through the offline planner and once
 * through a scripted model. Every request leaves the process through nock.
 */

const ARM = 'https://management.azure.com';
const OPENAI = 'https://api.openai.com';
const NVD = new URL('https://services.nvd.nist.gov/rest/json/cves/2.0');
const KEV = new URL(
  'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
);
const WORKSPACE =
  '/subscriptions/0f5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg-soc' +
  '/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel';
const SENTINEL_INCIDENTS = `${WORKSPACE}/providers/Microsoft.SecurityInsights/incidents`;
const PORTAL_INCIDENT =
  'https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident';

type Planner = 'offline' | 'model';

async function liveWarden(planner: Planner): Promise<Warden> {
  const model: Record<string, string> =
    planner === 'model' ? { OPENAI_API_KEY: 'sk-test-live-questions' } : {};
  return wardens.use(
    await connectedWarden({
      THREAT_INTEL_OFFLINE: 'false',
      SENTINEL_SUBSCRIPTION_ID: '0f5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
      SENTINEL_RESOURCE_GROUP: 'rg-soc',
      SENTINEL_WORKSPACE_NAME: 'contoso-sentinel',
      SENTINEL_WORKSPACE_ID: '6e3c2a1b-7d44-4f0e-9a51-1c2b3d4e5f60',
      DEMO_DATA: 'false',
      ...model,
    }),
  );
}

/** One Sentinel incident in the `Microsoft.SecurityInsights/incidents` shape. */
function sentinelIncident(number: number, title: string, severity: string) {
  const name = `7c3e9f2a-1b4d-4c8e-9f0a-${String(number).padStart(12, '0')}`;
  return {
    id: `${SENTINEL_INCIDENTS}/${name}`,
    name,
    etag: '"0300bf09-0000-0000-0000-5c37296e0000"',
    type: 'Microsoft.SecurityInsights/Incidents',
    properties: {
      title,
      description: `${title} (Sentinel analytics rule).`,
      severity,
      status: 'New',
      owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
      labels: [],
      firstActivityTimeUtc: '2026-12-02T21:00:00Z',
      lastActivityTimeUtc: '2026-12-02T21:30:00Z',
      lastModifiedTimeUtc: '2026-12-02T22:00:00Z',
      createdTimeUtc: '2026-12-02T22:00:00Z',
      incidentNumber: number,
      additionalData: {
        alertsCount: 1,
        bookmarksCount: 0,
        commentsCount: 0,
        alertProductNames: ['Azure Sentinel'],
        tactics: ['CredentialAccess'],
      },
      relatedAnalyticRuleIds: [],
      incidentUrl: `${PORTAL_INCIDENT}${SENTINEL_INCIDENTS}/${name}`,
    },
  };
}

function replyWithGraphIncidents() {
  return nock(GRAPH)
    .get('/v1.0/security/incidents')
    .query(true)
    .reply(
      200,
      { ...graphFixture('incidents-page-1'), '@odata.nextLink': undefined },
      JSON_HEADERS,
    );
}

function replyWithSentinelIncidents() {
  return nock(ARM)
    .get(SENTINEL_INCIDENTS)
    .query(true)
    .reply(200, {
      value: [sentinelIncident(3117, 'Password spray against the VPN gateway', 'High')],
    });
}

/** The model's script: first a tool call, then a closing text that names what it found. */
function scriptModel(tool: string, args: object, closing: string) {
  return nock(OPENAI)
    .post('/v1/chat/completions')
    .reply(200, toolCallsResponse([{ name: tool, args }]))
    .post('/v1/chat/completions')
    .reply(200, textResponse(closing));
}

function expectCardWithSources(answer: Answer) {
  expect(answer.kind).toBe('answer');
  expect(answer.demoData).toBe(false);
  expect(answer.sources.length).toBeGreaterThan(0);
  expect(answer.sources.some((source) => source.kind === 'demo')).toBe(false);
  const card = renderAnswerCard(answer);
  expect(validateAdaptiveCard(card)).toEqual([]);
  for (const source of answer.sources.filter((s) => s.url)) {
    expect(JSON.stringify(card)).toContain(source.url);
  }
}

const wardens = wardenPerTest();

describe.each<Planner>(['offline', 'model'])(
  'live connectors through the %s planner',
  (planner) => {
    const ask = async (text: string, script?: () => nock.Scope) => {
      const warden = await liveWarden(planner);
      const model = planner === 'model' ? script?.() : undefined;
      const { answer } = await warden.engine.handle(message(text));
      if (model) expect(model.isDone()).toBe(true);
      return answer;
    };

    it('shows open high-severity incidents of Defender XDR and Sentinel together', async () => {
      const defender = replyWithGraphIncidents();
      const sentinel = replyWithSentinelIncidents();

      const answer = await ask('show open high-severity incidents', () =>
        scriptModel(
          'list_incidents',
          { severity: 'high', status: 'active' },
          'Two high-severity incidents are open: 2041 and 3117.',
        ),
      );

      expect(defender.isDone() && sentinel.isDone()).toBe(true);
      expect(answer.skills).toContain('list_incidents');
      const sourceTitles = answer.sources.map((source) => source.title).join(' | ');
      expect(sourceTitles).toContain('Defender XDR incidents');
      expect(sourceTitles).toContain('Microsoft Sentinel');
      expect(answer.sources.map((source) => source.url)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^https:\/\/security\.microsoft\.com\/incidents\/2041\?/),
          expect.stringMatching(/^https:\/\/portal\.azure\.com\/#asset\/Microsoft_Azure_Sec/),
        ]),
      );
      expectCardWithSources(answer);
    });

    it('risky sign-ins for a user in the last 7 days come from Entra ID', async () => {
      let filter = '';
      const signIns = nock(GRAPH)
        .get('/v1.0/auditLogs/signIns')
        .query((query) => {
          filter = String(query.$filter);
          return true;
        })
        .reply(200, graphFixture('signins-bob'), JSON_HEADERS);

      const answer = await ask('risky sign-ins for bob.lee@contoso.com in the last 7 days', () =>
        scriptModel(
          'list_signins',
          { user: 'bob.lee@contoso.com', riskyOnly: true, sinceDays: 7 },
          'Bob had a risky sign-in from 185[.]220[.]101[.]4.',
        ),
      );

      expect(signIns.isDone()).toBe(true);
      expect(filter).toContain("userPrincipalName eq 'bob.lee@contoso.com'");
      expect(answer.skills).toContain('list_signins');
      const cited = answer.sources.map((s) => s.url ?? '');
      expect(cited.some((url) => url && new URL(url).searchParams.get('$filter') === filter)).toBe(
        true,
      );
      expectCardWithSources(answer);
    });

    it('says whether a device is compliant from Intune', async () => {
      const devices = nock(GRAPH)
        .get('/v1.0/deviceManagement/managedDevices')
        .query(true)
        .reply(200, graphFixture('managed-devices'), JSON_HEADERS);

      const answer = await ask('is CONTOSO-LT-0142 compliant?', () =>
        scriptModel(
          'list_devices',
          { device: 'CONTOSO-LT-0142' },
          'CONTOSO-LT-0142 is noncompliant.',
        ),
      );

      expect(devices.isDone()).toBe(true);
      expect(answer.skills).toContain('list_devices');
      expect(answer.sources.map((s) => s.url)).toContain(
        `${GRAPH}/v1.0/deviceManagement/managedDevices`,
      );
      expectCardWithSources(answer);
    });

    it('walks the Intune devices against NVD and KEV for CVE-2021-44228', async () => {
      const devices = nock(GRAPH)
        .get('/v1.0/deviceManagement/managedDevices')
        .query(true)
        .reply(200, graphFixture('managed-devices'), JSON_HEADERS);
      const nvd = nock(NVD.origin)
        .get(NVD.pathname)
        .query({ cveId: 'CVE-2021-44228' })
        .reply(200, fixtureText('nvd-CVE-2021-44228.response.json'), {
          'content-type': 'application/json',
        });
      const kev = nock(KEV.origin)
        .get(KEV.pathname)
        .reply(200, fixtureText('cisa-kev.catalog.json'), { 'content-type': 'application/json' });

      const answer = await ask('which devices are exposed to CVE-2021-44228?', () =>
        scriptModel(
          'device_exposure',
          { cveId: 'CVE-2021-44228' },
          'OS inventory cannot tell which devices run Log4j; check software inventory.',
        ),
      );

      expect(devices.isDone() && nvd.isDone() && kev.isDone()).toBe(true);
      expect(answer.skills).toContain('device_exposure');
      expect(answer.sources.map((s) => s.url)).toEqual(
        expect.arrayContaining([
          'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
          `${GRAPH}/v1.0/deviceManagement/managedDevices`,
        ]),
      );
      expectCardWithSources(answer);
    });
  },
);

describe('a multi-source answer when one source fails', () => {
  it('still shows Defender XDR incidents when Sentinel answers 500, and says so', async () => {
    const warden = await liveWarden('offline');
    const defender = replyWithGraphIncidents();
    nock(ARM)
      .get(SENTINEL_INCIDENTS)
      .query(true)
      .times(4)
      .reply(500, { error: { code: 'InternalServerError', message: 'Something went wrong.' } });

    const { answer } = await warden.engine.handle(message('show open high-severity incidents'));

    expect(defender.isDone()).toBe(true);
    expect(answer.kind).toBe('answer');
    expect(answer.summary).toContain('1 incident in Defender XDR');
    expect(JSON.stringify(answer.table?.rows)).toContain('2041');
    expect(answer.summary).toMatch(/Microsoft Sentinel could not be read/);
    expect(answer.sources.map((source) => source.title).join(' ')).toContain('Defender XDR');
  });
});

describe('Sentinel hunting through the engine', () => {
  it('hunts failed sign-ins in the workspace and shows the query it ran', async () => {
    const warden = await liveWarden('offline');
    let posted: { query: string; timespan: string } | undefined;
    const logAnalytics = nock('https://api.loganalytics.io')
      .post('/v1/workspaces/6e3c2a1b-7d44-4f0e-9a51-1c2b3d4e5f60/query', (body) => {
        posted = body as typeof posted;
        return true;
      })
      .reply(200, azureFixture('loganalytics-failed-signins'));

    const { answer } = await warden.engine.handle(
      message('failed sign-ins for bob.lee@contoso.com this week'),
    );

    expect(logAnalytics.isDone()).toBe(true);
    expect(answer.skills).toEqual(['hunt']);
    expect(posted?.query).toContain('SigninLogs');
    expect(posted?.query).toContain('bob.lee@contoso.com');
    expect(posted?.timespan).toBe('PT168H');
    expect(answer.summary).toContain('SigninLogs');
    expect(answer.sources.some((s) => s.url?.startsWith('https://portal.azure.com/'))).toBe(true);
    expectCardWithSources(answer);
  });
});

describe('free-form hunting the model asks for', () => {
  it('runs the model’s advanced hunting query in Defender XDR, capped, and cites it', async () => {
    const warden = await liveWarden('model');
    let posted: { Query: string; Timespan: string } | undefined;
    const hunting = nock(GRAPH)
      .post('/v1.0/security/runHuntingQuery', (body) => {
        posted = body as typeof posted;
        return true;
      })
      .reply(200, graphFixture('hunting-process-events'), JSON_HEADERS);
    const model = scriptModel(
      'advanced_hunting',
      { query: 'DeviceProcessEvents | where FileName =~ "rundll32.exe"', sinceHours: 48 },
      'rundll32.exe loaded a DLL from a Temp folder on CONTOSO-LT-0142.',
    );

    const { answer } = await warden.engine.handle(
      message('did anything odd run through rundll32 on our laptops in the last two days?'),
    );

    expect(model.isDone() && hunting.isDone()).toBe(true);
    expect(posted).toEqual({
      Query: 'DeviceProcessEvents | where FileName =~ "rundll32.exe"\n| take 200',
      Timespan: 'PT48H',
    });
    expect(answer.skills).toEqual(['advanced_hunting']);
    expect(answer.sources.map((s) => s.url)).toContain(`${GRAPH}/v1.0/security/runHuntingQuery`);
    expectCardWithSources(answer);
  });
});
