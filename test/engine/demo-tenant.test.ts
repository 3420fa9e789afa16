import nock from 'nock';
import type { Config } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { Engine } from '../../src/engine';
import { createModelClient, type ModelClient } from '../../src/llm';
import { createHttpClient } from '../../src/http/client';
import { createMemoryFeedCache, createSkills, SkillRegistry } from '../../src/skills';
import { createDemoTenant } from '../../src/skills/demo';
import { textResponse, toolCallsResponse } from '../llm/chat-completions';
import { ENGINE_CONFIG, MemoryTurnHistory, message } from './factories';

/** The engine with the real skills over the built-in demo tenant, as the embedded default runs. */

const NOW = new Date('2026-01-05T09:00:00Z');
const now = () => NOW;

const THREAT_INTEL: Config['threatIntel'] = {
  offline: false,
  nvdApiUrl: 'https://services.nvd.nist.gov/rest/json/cves/2.0',
  kevFeedUrl: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
  osvApiUrl: 'https://api.osv.dev/v1',
  attackStixUrl:
    'https://raw.githubusercontent.com/mitre/cti/master/enterprise-attack/enterprise-attack.json',
};

function demoEngine(history = new MemoryTurnHistory(), model?: ModelClient): Engine {
  const skills = new SkillRegistry(
    createSkills({ threatIntel: THREAT_INTEL, securityData: createDemoTenant(now) }),
  );
  let id = 0;
  return new Engine({
    skills,
    history,
    model,
    logger: silentLogger,
    now,
    newId: () => `demo-turn-${(id += 1)}`,
    config: ENGINE_CONFIG,
    skillContext: {
      http: createHttpClient({ logger: silentLogger, maxRetries: 0 }),
      cache: createMemoryFeedCache(),
    },
  });
}

function inChannel(text: string, name: string) {
  const base = message(text);
  return { ...base, conversation: { ...base.conversation, name } };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Engine over the demo tenant', () => {
  it('finds Bob Lee among the risky sign-ins of this week, labelled as demo data', async () => {
    const { answer } = await demoEngine().handle(
      message('Which of our users had risky sign-ins this week?'),
    );

    expect(answer.kind).toBe('answer');
    expect(answer.skills).toEqual(['list_signins']);
    expect(answer.demoData).toBe(true);
    expect(JSON.stringify(answer)).toMatch(/bob\.lee@contoso\.com|Bob Lee/);
    expect(answer.sources.every((source) => source.kind === 'demo')).toBe(true);
  });

  it('follows "and for bob?" with bob\'s own sign-ins', async () => {
    const engine = demoEngine();

    await engine.handle(message('Which of our users had risky sign-ins this week?'));
    const { answer, turn } = await engine.handle(message('and for bob?'));

    expect(turn.toolCalls).toMatchObject([
      { skill: 'list_signins', input: { user: 'bob', riskyOnly: true, sinceDays: 7 }, ok: true },
    ]);
    expect(answer.title).toBe('Risky sign-ins for bob, last 7 days');
  });

  it('summarises "this incident" from the channel name inc-2041-phishing', async () => {
    const { answer, turn } = await demoEngine().handle(
      inChannel('summarise this incident', 'inc-2041-phishing'),
    );

    expect(turn.toolCalls).toMatchObject([
      { skill: 'get_incident', input: { incidentId: '2041' } },
    ]);
    expect(answer.kind).toBe('answer');
    expect(answer.summary.toLowerCase()).toContain('phishing');
  });

  it('checks a device by name', async () => {
    const { answer } = await demoEngine().handle(message('is CONTOSO-LT-0142 compliant?'));

    expect(answer.skills).toEqual(['list_devices']);
    expect(answer.table?.rows.map((row) => row.join(' '))).toEqual([
      expect.stringContaining('CONTOSO-LT-0142'),
    ]);
  });

  it('shows which hosts talked to the Tor exit address today', async () => {
    const { answer } = await demoEngine().handle(
      message('which hosts talked to 185.220.101.4 today?'),
    );

    expect(answer.skills).toEqual(['ip_activity']);
    expect(answer.kind).toBe('answer');
  });

  it('gives web security guidance with its references', async () => {
    const { answer } = await demoEngine().handle(message('how do we improve our web security?'));

    expect(answer.skills).toEqual(['security_guidance']);
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.sources.every((source) => source.kind === 'guidance')).toBe(true);
  });

  it('looks a CVE up in NVD and CISA KEV', async () => {
    nock('https://services.nvd.nist.gov')
      .get('/rest/json/cves/2.0')
      .query({ cveId: 'CVE-2021-44228' })
      .reply(200, nvdResponse());
    nock('https://www.cisa.gov')
      .get('/sites/default/files/feeds/known_exploited_vulnerabilities.json')
      .reply(200, kevCatalog());

    const { answer } = await demoEngine().handle(message('tell me about CVE-2021-44228'));

    expect(answer.kind).toBe('answer');
    expect(answer.skills).toEqual(['lookup_cve']);
    expect(answer.demoData).toBe(false);
    expect(answer.sources.map((source) => source.url)).toEqual(
      expect.arrayContaining(['https://nvd.nist.gov/vuln/detail/CVE-2021-44228']),
    );
    expect(answer.summary).toMatch(/CISA|KEV|known exploited/i);
    expect(JSON.stringify(answer.facts)).toContain('10');
  });

  it('lets a model call the real skills and offers it every skill as a tool', async () => {
    const bodies: { tools?: { function: { name: string } }[]; messages: { content: string }[] }[] =
      [];
    nock('https://api.openai.com')
      .post('/v1/chat/completions', (body) => (bodies.push(body), true))
      .reply(
        200,
        toolCallsResponse([
          { name: 'get_incident', args: { incidentId: '2041' } },
          { name: 'list_signins', args: { user: 'bob', riskyOnly: true, sinceDays: 7 } },
        ]),
      )
      .post('/v1/chat/completions', (body) => (bodies.push(body), true))
      .reply(200, textResponse('Bob Lee was phished, then signed in from 185.220.101.4.'));
    const model = createModelClient(
      { provider: 'openai', apiKey: 'sk-test', model: 'gpt-4o', timeoutMs: 5000, maxRetries: 0 },
      silentLogger,
    );

    const { answer, turn } = await demoEngine(new MemoryTurnHistory(), model).handle(
      message('What happened to Bob in incident 2041?'),
    );

    const offered = bodies[0].tools?.map((tool) => tool.function.name) ?? [];
    expect(offered).toEqual(expect.arrayContaining(['list_signins', 'get_incident', 'lookup_cve']));
    expect(turn.toolCalls.map((call) => call.ok)).toEqual([true, true]);
    expect(bodies[1].messages.filter((m) => m.content?.startsWith('<untrusted'))).toHaveLength(2);
    expect(answer.summary).toContain('Bob Lee was phished');
    expect(answer.demoData).toBe(true);
  });

  it('refuses a recipe without running any skill', async () => {
    const { answer } = await demoEngine().handle(message('give me a recipe for banana bread'));

    expect(answer.kind).toBe('refusal');
    expect(answer.skills).toEqual([]);
  });
});

function nvdResponse() {
  return {
    resultsPerPage: 1,
    startIndex: 0,
    totalResults: 1,
    format: 'NVD_CVE',
    version: '2.0',
    timestamp: '2026-01-05T08:59:00.000',
    vulnerabilities: [
      {
        cve: {
          id: 'CVE-2021-44228',
          sourceIdentifier: 'security@apache.org',
          published: '2021-12-10T10:15:09.143',
          lastModified: '2025-02-04T15:15:13.773',
          vulnStatus: 'Analyzed',
          cisaExploitAdd: '2021-12-10',
          cisaActionDue: '2021-12-24',
          descriptions: [
            { lang: 'en', value: 'Apache Log4j2 JNDI features do not protect against LDAP.' },
          ],
          metrics: {
            cvssMetricV31: [
              {
                source: 'nvd@nist.gov',
                type: 'Primary',
                cvssData: {
                  version: '3.1',
                  vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
                  baseScore: 10.0,
                  baseSeverity: 'CRITICAL',
                },
                exploitabilityScore: 3.9,
                impactScore: 6.0,
              },
            ],
          },
          weaknesses: [
            {
              source: 'nvd@nist.gov',
              type: 'Primary',
              description: [{ lang: 'en', value: 'CWE-917' }],
            },
          ],
          references: [
            {
              url: 'https://logging.apache.org/log4j/2.x/security.html',
              source: 'x',
              tags: ['Vendor Advisory'],
            },
          ],
        },
      },
    ],
  };
}

function kevCatalog() {
  return {
    title: 'CISA Catalog of Known Exploited Vulnerabilities',
    catalogVersion: '2026.01.02',
    dateReleased: '2026-01-02T15:00:00.000Z',
    count: 1,
    vulnerabilities: [
      {
        cveID: 'CVE-2021-44228',
        vendorProject: 'Apache',
        product: 'Log4j2',
        vulnerabilityName: 'Apache Log4j2 Remote Code Execution Vulnerability',
        dateAdded: '2021-12-10',
        shortDescription:
          'Apache Log4j2 contains a vulnerability where JNDI features do not protect.',
        requiredAction: 'Apply updates per vendor instructions.',
        dueDate: '2021-12-24',
        knownRansomwareCampaignUse: 'Known',
        notes: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
        cwes: ['CWE-20', 'CWE-400', 'CWE-502'],
      },
    ],
  };
}
