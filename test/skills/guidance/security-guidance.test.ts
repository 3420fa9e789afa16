import {
  CHECKLISTS,
  createSecurityGuidanceSkill,
  matchChecklists,
} from '../../../src/skills/guidance';
import { testContext } from '../support';

const skill = createSecurityGuidanceSkill();
const run = (topic: string) => skill.run(skill.input.parse({ topic }), testContext());

describe('security_guidance', () => {
  it.each([
    ['web security', 'web-application'],
    ['OWASP and SQL injection', 'web-application'],
    ['MFA rollout', 'identity-mfa'],
    ['conditional access', 'identity-mfa'],
    ['phishing', 'email-phishing'],
    ['DMARC for our e-mail', 'email-phishing'],
    ['laptop hardening', 'endpoint-hardening'],
    ['Azure', 'cloud-azure'],
    ['key vault and storage', 'cloud-azure'],
    ['incident response', 'incident-response'],
    ['ransomware', 'ransomware-readiness'],
    ['backups', 'ransomware-readiness'],
    ['patching', 'vulnerability-management'],
    ['logging and monitoring', 'logging-monitoring'],
    ['Sentinel detections', 'logging-monitoring'],
  ])('matches %j to the %s checklist', (topic, id) => {
    expect(matchChecklists(topic)[0]?.id).toBe(id);
  });

  it('matches whole words only', () => {
    expect(matchChecklists('a happy pilot')).toEqual([]);
  });

  it('returns the checklist as a numbered table with its references as sources', async () => {
    const result = await run('phishing');

    expect(result.view.summary).toContain('**E-mail and phishing defence**');
    expect(result.view.table?.columns).toEqual(['#', 'Check']);
    expect(result.view.table?.rows[0][0]).toBe('1');
    expect(result.view.table?.rows.length).toBeGreaterThanOrEqual(6);
    expect(result.sources.length).toBeGreaterThan(0);
    for (const source of result.sources) {
      expect(source.kind).toBe('guidance');
      expect(source.url).toMatch(/^https:\/\//);
    }
  });

  it('shows two checklists side by side when a topic spans both', async () => {
    const result = await run('ransomware incident');

    expect(result.view.table?.columns).toEqual(['#', 'Area', 'Check']);
    expect(new Set(result.view.table?.rows.map((row) => row[1]))).toEqual(
      new Set(['Incident response', 'Ransomware readiness']),
    );
  });

  it('lists the topics it knows when nothing matches', async () => {
    const result = await run('quantum teleportation');

    expect(result.sources).toEqual([]);
    expect(result.view.summary).toContain('I have no checklist for "quantum teleportation"');
    expect(result.view.summary).toContain('ransomware readiness');
  });

  it('covers the nine areas with at least six checks each', () => {
    expect(CHECKLISTS).toHaveLength(9);
    for (const checklist of CHECKLISTS) {
      expect(checklist.items.length).toBeGreaterThanOrEqual(6);
      expect(checklist.references.length).toBeGreaterThanOrEqual(2);
      for (const item of checklist.items) expect(item).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('refuses an empty topic', () => {
    expect(skill.input.safeParse({ topic: '  ' }).success).toBe(false);
  });
});
