import nock from 'nock';
import { createMemoryFeedCache } from '../../../src/skills/context';
import { createAttackLoader, plainText } from '../../../src/skills/threatintel/attack';
import { createAttackTechniqueSkill } from '../../../src/skills/threatintel/attack-technique';
import { fixtureText, TEST_URLS, testContext } from '../support';

const ATTACK_PATH = new URL(TEST_URLS.attack).pathname;
const replyWithBundle = () =>
  nock(new URL(TEST_URLS.attack).origin)
    .get(ATTACK_PATH)
    .reply(200, fixtureText('attack-enterprise.bundle.json'), { ETag: 'W/"a1"' });

const skillFor = (offline = false) =>
  createAttackTechniqueSkill(createAttackLoader(TEST_URLS.attack, offline));

describe('attack_technique', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('describes a technique with tactics, platforms, detection and sub-techniques', async () => {
    replyWithBundle();
    const skill = skillFor();

    const result = await skill.run(skill.input.parse({ id: 't1059' }), testContext());

    expect(result.data).toMatchObject({
      id: 'T1059',
      fullName: 'Command and Scripting Interpreter',
      tactics: ['Execution'],
      platforms: expect.arrayContaining(['Windows', 'Linux', 'macOS']),
      subtechniques: [
        { id: 'T1059.001', name: 'PowerShell' },
        { id: 'T1059.004', name: 'Unix Shell' },
      ],
    });
    expect(result.view.summary).toMatch(
      /^\*\*T1059 — Command and Scripting Interpreter\.\*\* Adversaries may abuse/,
    );
    const labels = result.view.facts?.map((fact) => fact.label);
    expect(labels).toEqual(['Tactics', 'Platforms', 'Sub-techniques', 'Detection']);
    expect(result.sources).toEqual([
      expect.objectContaining({
        url: 'https://attack.mitre.org/techniques/T1059',
        kind: 'threat-intel',
      }),
    ]);
  });

  it('names a sub-technique after its parent', async () => {
    replyWithBundle();
    const skill = skillFor();

    const result = await skill.run(skill.input.parse({ id: 'T1059.001' }), testContext());

    expect(result.data).toMatchObject({
      fullName: 'Command and Scripting Interpreter: PowerShell',
      isSubtechnique: true,
      platforms: ['Windows'],
      subtechniques: [],
    });
    expect(result.sources[0].url).toBe('https://attack.mitre.org/techniques/T1059/001');
  });

  it('strips citation markers, links and code tags from descriptions', async () => {
    replyWithBundle();
    const skill = skillFor();

    const result = await skill.run(skill.input.parse({ id: 'T1059.001' }), testContext());

    const description = (result.data as { description: string }).description;
    expect(description).not.toContain('(Citation:');
    expect(description).not.toContain('<code>');
    expect(description).toContain('the Start-Process cmdlet');
  });

  it('says when a technique id has been revoked', async () => {
    replyWithBundle();
    const skill = skillFor();

    const result = await skill.run(skill.input.parse({ id: 'T1086' }), testContext());

    expect(result.view.summary).toContain('has been revoked by MITRE');
  });

  it('reports an id that is not in ATT&CK as not found', async () => {
    replyWithBundle();
    const skill = skillFor();

    await expect(
      skill.run(skill.input.parse({ id: 'T9999' }), testContext()),
    ).rejects.toMatchObject({
      code: 'attack_technique_not_found',
    });
  });

  it('caches a compact index and answers from it in offline mode', async () => {
    const cache = createMemoryFeedCache();
    replyWithBundle();
    const online = skillFor();
    await online.run(online.input.parse({ id: 'T1566' }), testContext({ cache }));

    const offline = skillFor(true);
    const result = await offline.run(offline.input.parse({ id: 'T1566' }), testContext({ cache }));

    expect(result.data).toMatchObject({ name: 'Phishing', tactics: ['Initial Access'] });
    expect(result.view.summary).toContain('Offline mode: this uses the cached MITRE ATT&CK data');
    const cached = await cache.get('threatintel:attack-enterprise:v1');
    expect(cached?.body).not.toContain('x-mitre-tactic');
  });

  it('explains how to fix it when ATT&CK data is not available offline', async () => {
    const skill = skillFor(true);

    const result = await skill.run(skill.input.parse({ id: 'T1059' }), testContext());

    expect(result.data).toEqual({ available: false, reason: 'feed_not_cached' });
    expect(result.view.summary).toContain('ATT&CK data is not available offline');
    expect(result.view.summary).toContain('THREAT_INTEL_OFFLINE=false');
    expect(result.view.summary).toContain('attack.test');
  });

  it.each([['T59'], ['T1059.1'], ['1059'], ['TA0002']])('refuses the id %j', (id) => {
    expect(skillFor().input.safeParse({ id }).success).toBe(false);
  });
});

describe('plainText', () => {
  it('turns ATT&CK Markdown into plain sentences', () => {
    expect(
      plainText(
        'Use [PowerShell](https://attack.mitre.org/techniques/T1059/001).(Citation: X Y)\n\nMore.',
      ),
    ).toBe('Use PowerShell. More.');
  });
});
