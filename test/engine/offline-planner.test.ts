import { silentLogger } from '../../src/core/logger';
import type { TurnRecord } from '../../src/core/turns';
import { OfflinePlanner, SkillRunner, SkillSet } from '../../src/engine';
import type { PlanRequest } from '../../src/engine';
import { catalogFakes, message, result, skillContext } from './factories';

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
