import nock from 'nock';
import { z } from 'zod';
import type { Config } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import type { TurnRecord } from '../../src/core/turns';
import { Engine, OfflinePlanner, SkillRunner, SkillSet } from '../../src/engine';
import type { PlanRequest } from '../../src/engine';
import { createHttpClient } from '../../src/http/client';
import { createMemoryFeedCache, createSkills, SkillRegistry } from '../../src/skills';
import { createDemoTenant } from '../../src/skills/demo';
import { fixtureText } from '../skills/support';
import {
  catalogFakes,
  ENGINE_CONFIG,
  fakeSkill,
  MemoryTurnHistory,
  message,
  result,
  skillContext,
} from './factories';

function planner(fakes = catalogFakes()) {
  const skills = new SkillSet(Object.values(fakes));
  return new OfflinePlanner({ skills, runner: new SkillRunner(skills, skillContext, 1000) });
}

function request(text: string, overrides: Partial<PlanRequest> = {}): PlanRequest {
  return {
    message: message(text),
    history: [],
    signal: new AbortController().signal,
    logger: silentLogger,
    ...overrides,
  };
}

async function callsFor(text: string, conversationName?: string) {
  const base = message(text);
  const plan = await planner().plan(
    request(text, {
      message: { ...base, conversation: { ...base.conversation, name: conversationName } },
    }),
  );
  return plan.outcomes.map((outcome) => outcome.call);
}

const ROUTES: [string, { skill: string; input: unknown }[]][] = [
  [
    'Which of our users had risky sign-ins this week?',
    [{ skill: 'list_signins', input: { riskyOnly: true, sinceDays: 7 } }],
  ],
  [
    'show open high-severity incidents',
    [{ skill: 'list_incidents', input: { severity: 'high', status: 'active' } }],
  ],
  ['is LAPTOP-BOB01 compliant?', [{ skill: 'list_devices', input: { device: 'LAPTOP-BOB01' } }]],
  [
    'is CONTOSO-LT-0142 compliant?',
    [{ skill: 'list_devices', input: { device: 'CONTOSO-LT-0142' } }],
  ],
  ['tell me about CVE-2021-44228', [{ skill: 'lookup_cve', input: { cveId: 'CVE-2021-44228' } }]],
  ['what was added to KEV this week?', [{ skill: 'kev_recent', input: { days: 7 } }]],
  [
    'which hosts talked to 185.220.101.4 today?',
    [{ skill: 'ip_activity', input: { ip: '185.220.101.4', sinceDays: 1 } }],
  ],
  [
    'is lodash 4.17.20 vulnerable?',
    [{ skill: 'osv_query', input: { ecosystem: 'npm', name: 'lodash', version: '4.17.20' } }],
  ],
  [
    'is the python package django 3.2.1 affected by anything?',
    [{ skill: 'osv_query', input: { ecosystem: 'PyPI', name: 'django', version: '3.2.1' } }],
  ],
  ['what is T1059?', [{ skill: 'attack_technique', input: { id: 'T1059' } }]],
  ['explain T1059.001', [{ skill: 'attack_technique', input: { id: 'T1059.001' } }]],
  [
    'how do we improve our web security?',
    [{ skill: 'security_guidance', input: { topic: 'web security' } }],
  ],
  [
    'Is 44d88612fea8a8f36de82e1278abb02f on any host?',
    [
      {
        skill: 'extract_indicators',
        input: { text: 'Is 44d88612fea8a8f36de82e1278abb02f on any host?' },
      },
    ],
  ],
  [
    'check hxxp://login-micros0ft[.]com/reset',
    [{ skill: 'extract_indicators', input: { text: 'check hxxp://login-micros0ft[.]com/reset' } }],
  ],
  ['summarise incident 2041', [{ skill: 'get_incident', input: { incidentId: '2041' } }]],
  ['what happened in INC-2041?', [{ skill: 'get_incident', input: { incidentId: '2041' } }]],
  [
    'show sign-ins for Bob Lee in the last 3 days',
    [{ skill: 'list_signins', input: { user: 'Bob Lee', sinceDays: 3 } }],
  ],
  [
    'sign-ins from 185.220.101.4 this month',
    [{ skill: 'list_signins', input: { ip: '185.220.101.4', sinceDays: 30 } }],
  ],
  ['which users are at high risk?', [{ skill: 'list_risky_users', input: { riskLevel: 'high' } }]],
  [
    'which devices are noncompliant?',
    [{ skill: 'list_devices', input: { compliance: 'noncompliant' } }],
  ],
  ["is Priya's laptop compliant?", [{ skill: 'list_devices', input: { user: 'Priya' } }]],
  [
    'who is maria.garcia@contoso.com?',
    [{ skill: 'lookup_user', input: { user: 'maria.garcia@contoso.com' } }],
  ],
  [
    'compare CVE-2021-44228 and CVE-2023-23397',
    [
      { skill: 'lookup_cve', input: { cveId: 'CVE-2021-44228' } },
      { skill: 'lookup_cve', input: { cveId: 'CVE-2023-23397' } },
    ],
  ],
];

describe('OfflinePlanner', () => {
  it.each(ROUTES)('routes "%s"', async (question, expected) => {
    expect(await callsFor(question)).toEqual(expected);
  });

  it('reads the incident number from the conversation name for "this incident"', async () => {
    expect(await callsFor('summarise this incident', 'inc-2041-phishing')).toEqual([
      { skill: 'get_incident', input: { incidentId: '2041' } },
    ]);
  });

  it('asks for clarification when an in-scope question names nothing to check', async () => {
    const plan = await planner().plan(request('tell me about security'));

    expect(plan.kind).toBe('clarification');
    expect(plan.outcomes).toEqual([]);
    expect(plan.suggestions).toHaveLength(3);
  });

  it('builds the summary from skill views and titles it by what was checked', async () => {
    const fakes = catalogFakes({
      list_signins: () =>
        result('3 risky sign-ins in the last 7 days, all for Bob Lee.', {
          view: {
            summary: '3 risky sign-ins in the last 7 days, all for Bob Lee.',
            table: { columns: ['User', 'IP'], rows: [['bob.lee@contoso.com', '185.220.101.4']] },
          },
        }),
    });

    const plan = await planner(fakes).plan(
      request('Which of our users had risky sign-ins this week?'),
    );

    expect(plan.kind).toBe('answer');
    expect(plan.title).toBe('Risky sign-ins, last 7 days');
    expect(plan.summary).toBe('3 risky sign-ins in the last 7 days, all for Bob Lee.');
    expect(plan.table?.rows).toEqual([['bob.lee@contoso.com', '185.220.101.4']]);
  });

  it('says which ecosystem it assumed for a package', async () => {
    const plan = await planner().plan(request('is lodash 4.17.20 vulnerable?'));

    expect(plan.notes?.join(' ')).toContain('assumed lodash is an npm package');
  });

  it('extracts indicators from an attachment when the question itself names none', async () => {
    const fakes = catalogFakes();
    const base = message('anything bad in this phishing email?');
    const attached = {
      ...base,
      attachments: [{ name: 'mail.eml', contentType: 'message/rfc822', text: 'From: x@evil.test' }],
    };

    await planner(fakes).plan(request(attached.text, { message: attached }));

    expect(fakes.extract_indicators.calls).toEqual([{ text: 'From: x@evil.test' }]);
  });

  it('says a source is not connected when its skill is not registered', async () => {
    const fakes = catalogFakes();
    const { kev_recent: _kev, ...withoutKev } = fakes;

    const plan = await planner(withoutKev as typeof fakes).plan(request('what was added to KEV?'));

    expect(plan.kind).toBe('clarification');
    expect(plan.notes?.join(' ')).toContain('The CISA KEV catalog is not connected');
  });
});

describe('OfflinePlanner follow-ups', () => {
  function previousTurn(toolCalls: TurnRecord['toolCalls']): TurnRecord {
    const base = message('Which of our users had risky sign-ins this week?');
    return {
      id: 'turn-0',
      tenantId: base.tenantId,
      channel: 'web',
      conversationId: base.conversation.id,
      user: base.user,
      question: base.text,
      answer: {
        kind: 'answer',
        turnId: 'turn-0',
        title: 'Risky sign-ins',
        summary: '…',
        sources: [],
        demoData: true,
        skills: toolCalls.map((call) => call.skill),
      },
      toolCalls,
      createdAt: '2026-01-05T08:59:00Z',
    };
  }

  it('re-runs the previous calls for another user on "and for bob?"', async () => {
    const history = [
      previousTurn([
        {
          skill: 'list_signins',
          input: { riskyOnly: true, sinceDays: 7 },
          ok: true,
          durationMs: 1,
        },
      ]),
    ];

    const plan = await planner().plan(request('and for bob?', { history }));

    expect(plan.outcomes.map((outcome) => outcome.call)).toEqual([
      { skill: 'list_signins', input: { riskyOnly: true, sinceDays: 7, user: 'bob' } },
    ]);
  });

  it('re-runs the previous calls over another window on "what about last month?"', async () => {
    const history = [
      previousTurn([
        { skill: 'list_incidents', input: { severity: 'high' }, ok: true, durationMs: 1 },
        { skill: 'lookup_cve', input: { cveId: 'CVE-2021-44228' }, ok: true, durationMs: 1 },
      ]),
    ];

    const plan = await planner().plan(request('what about last month?', { history }));

    expect(plan.outcomes.map((outcome) => outcome.call)).toEqual([
      { skill: 'list_incidents', input: { severity: 'high', sinceDays: 30 } },
    ]);
  });

  it('routes a fresh question normally even after earlier turns', async () => {
    const history = [previousTurn([{ skill: 'list_signins', input: {}, ok: true, durationMs: 1 }])];

    const plan = await planner().plan(request('tell me about CVE-2021-44228', { history }));

    expect(plan.outcomes.map((outcome) => outcome.call.skill)).toEqual(['lookup_cve']);
  });
});

describe('OfflinePlanner device exposure routes', () => {
  const withExposure = () => ({
    ...catalogFakes(),
    device_exposure: fakeSkill('device_exposure', z.object({ cveId: z.string() })),
  });

  async function exposureCallsFor(text: string) {
    const plan = await planner(withExposure()).plan(request(text));
    return plan.outcomes.map((outcome) => outcome.call);
  }

  it.each([
    ['which devices are exposed to CVE-2021-44228?', 'CVE-2021-44228'],
    ['are any of our laptops vulnerable to CVE-2024-38063', 'CVE-2024-38063'],
    ['exposure to CVE-2024-38063', 'CVE-2024-38063'],
    ['are we affected by CVE-2024-38063?', 'CVE-2024-38063'],
    ['is CONTOSO-LT-0142 patched for CVE-2024-38063?', 'CVE-2024-38063'],
  ])('routes "%s" to device_exposure', async (question, cveId) => {
    expect(await exposureCallsFor(question)).toEqual([
      { skill: 'device_exposure', input: { cveId } },
    ]);
  });

  it('still looks a CVE up when the question is about the CVE itself', async () => {
    expect(await exposureCallsFor('tell me about CVE-2021-44228')).toEqual([
      { skill: 'lookup_cve', input: { cveId: 'CVE-2021-44228' } },
    ]);
  });

  it('titles the card by the CVE checked', async () => {
    const plan = await planner(withExposure()).plan(
      request('which devices are exposed to CVE-2024-38063?'),
    );

    expect(plan.title).toBe('Device exposure to CVE-2024-38063');
  });

  it('says device data is not connected when the exposure skill is not registered', async () => {
    const plan = await planner().plan(request('which devices are exposed to CVE-2021-44228?'));

    expect(plan.kind).toBe('clarification');
    expect(plan.notes?.join(' ')).toContain('Device exposure is not connected');
  });
});

describe('OfflinePlanner device exposure over the demo tenant', () => {
  const NOW = new Date('2026-01-05T09:00:00Z');
  const NVD = new URL('https://services.nvd.nist.gov/rest/json/cves/2.0');
  const KEV = new URL(
    'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
  );

  function demoEngine(offline = false): Engine {
    const threatIntel: Config['threatIntel'] = {
      offline,
      nvdApiUrl: NVD.toString(),
      kevFeedUrl: KEV.toString(),
      osvApiUrl: 'https://api.osv.dev/v1',
      attackStixUrl: 'https://attack.test/enterprise-attack.json',
    };
    const securityData = createDemoTenant(() => NOW);
    let id = 0;
    return new Engine({
      skills: new SkillRegistry(createSkills({ threatIntel, securityData })),
      history: new MemoryTurnHistory(),
      logger: silentLogger,
      now: () => NOW,
      newId: () => `exposure-turn-${(id += 1)}`,
      config: ENGINE_CONFIG,
      skillContext: {
        http: createHttpClient({ logger: silentLogger, maxRetries: 0 }),
        cache: createMemoryFeedCache(),
      },
    });
  }

  const replyWithNvd = (cveId: string) =>
    nock(NVD.origin)
      .get(NVD.pathname)
      .query({ cveId })
      .reply(200, fixtureText(`nvd-${cveId}.response.json`), {
        'Content-Type': 'application/json',
      });
  const replyWithKev = () =>
    nock(KEV.origin).get(KEV.pathname).reply(200, fixtureText('cisa-kev.catalog.json'));

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('says OS inventory cannot tell who is exposed to Log4j, with its KEV listing', async () => {
    replyWithNvd('CVE-2021-44228');
    replyWithKev();

    const { answer } = await demoEngine().handle(
      message('which devices are exposed to CVE-2021-44228?'),
    );

    expect(answer.kind).toBe('answer');
    expect(answer.skills).toEqual(['device_exposure']);
    expect(answer.title).toBe('Device exposure to CVE-2021-44228');
    expect(answer.summary).toContain(
      '**OS inventory cannot tell which devices are exposed to CVE-2021-44228**',
    );
    expect(answer.summary).toContain('Check software inventory');
    expect(answer.table?.columns).toEqual(['Device', 'User', 'OS', 'Version', 'Verdict', 'Why']);
    expect(answer.table?.rows).toHaveLength(10);
    expect(answer.table?.rows.every((row) => row[4] === 'unknown')).toBe(true);
    expect(answer.facts).toContainEqual({
      label: 'Known exploited (CISA KEV)',
      value: 'Yes — added 2021-12-10, federal due date 2021-12-24',
    });
    expect(answer.demoData).toBe(true);
  });

  it('finds the demo laptops below the August 2024 builds exposed to CVE-2024-38063', async () => {
    replyWithNvd('CVE-2024-38063');
    replyWithKev();

    const { answer } = await demoEngine().handle(
      message('are any of our laptops vulnerable to CVE-2024-38063'),
    );

    expect(answer.skills).toEqual(['device_exposure']);
    expect(answer.summary).toContain(
      '**3 devices exposed to CVE-2024-38063** by OS version: CONTOSO-LT-0115, ' +
        'CONTOSO-LT-0142 and CONTOSO-LT-0150. 7 not affected.',
    );
    expect(answer.table?.rows.slice(0, 4).map((row) => [row[0], row[4]])).toEqual([
      ['CONTOSO-LT-0115', 'exposed'],
      ['CONTOSO-LT-0142', 'exposed'],
      ['CONTOSO-LT-0150', 'exposed'],
      ['BOB-IPHONE15', 'not affected'],
    ]);
    expect(answer.sources.map((source) => source.url)).toContain(
      'https://nvd.nist.gov/vuln/detail/CVE-2024-38063',
    );
  });

  it('says NVD was not consulted when threat intel is offline', async () => {
    const { answer } = await demoEngine(true).handle(message('exposure to CVE-2024-38063'));

    expect(answer.skills).toEqual(['device_exposure']);
    expect(answer.summary).toContain('NVD was not consulted');
    expect(answer.table?.rows.every((row) => row[4] === 'unknown')).toBe(true);
  });
});

describe('OfflinePlanner hunting and risk detection routes', () => {
  const open = z.object({}).passthrough();
  const withHunting = () => ({
    ...catalogFakes(),
    hunt: fakeSkill('hunt', open),
    list_risk_detections: fakeSkill('list_risk_detections', open),
  });

  async function callsWith(fakes: ReturnType<typeof catalogFakes>, text: string) {
    const plan = await planner(fakes).plan(request(text));
    return plan.outcomes.map((outcome) => outcome.call);
  }

  it.each([
    ['failed sign-ins for bob this week', { hunt: 'failed_signins', user: 'bob', sinceDays: 7 }],
    ['any failed logins from 185.220.101.4?', { hunt: 'failed_signins', ip: '185.220.101.4' }],
    ['password spray sign-ins for priya', { hunt: 'failed_signins', user: 'priya' }],
  ])('sends "%s" to the failed sign-ins hunt when Sentinel is connected', async (text, input) => {
    expect(await callsWith(withHunting(), text)).toEqual([{ skill: 'hunt', input }]);
  });

  it('answers failed sign-ins from the sign-in list without a Sentinel workspace', async () => {
    const calls = await callsWith(catalogFakes(), 'failed sign-ins for bob this week');

    expect(calls).toEqual([{ skill: 'list_signins', input: { user: 'bob', sinceDays: 7 } }]);
  });

  it('hunts rare processes on the named device', async () => {
    expect(await callsWith(withHunting(), 'any rare processes on LAPTOP-BOB01?')).toEqual([
      { skill: 'hunt', input: { hunt: 'rare_processes', host: 'LAPTOP-BOB01' } },
    ]);
  });

  it('says hunting is not connected for rare processes without a workspace', async () => {
    const plan = await planner().plan(request('unusual processes on LAPTOP-BOB01'));

    expect(plan.notes?.join(' ')).toContain('Microsoft Sentinel hunting (KQL) is not connected');
  });

  it('titles a hunt by what it looked for and on whom', async () => {
    const plan = await planner(withHunting()).plan(request('failed sign-ins for bob this week'));

    expect(plan.title).toBe('Failed sign-ins for bob, last 7 days');
  });

  it.each([
    ['risk detections for bob', { user: 'bob' }],
    ["why was priya's account flagged as risky?", { user: 'priya' }],
  ])('sends "%s" to the risk detections', async (text, input) => {
    expect(await callsWith(withHunting(), text)).toEqual([
      { skill: 'list_risk_detections', input },
    ]);
  });
});
