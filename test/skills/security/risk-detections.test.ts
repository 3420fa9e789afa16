import { createDemoTenant } from '../../../src/skills/demo';
import {
  createListRiskDetectionsSkill,
  riskEventLabel,
} from '../../../src/skills/security/risk-detections';
import { TEST_NOW, testContext } from '../support';
import { directoryUser, fakeSource, riskDetection } from './fake-source';

const demoSkill = createListRiskDetectionsSkill(createDemoTenant(() => TEST_NOW));
const runDemo = (input: Record<string, unknown>) =>
  demoSkill.run(demoSkill.input.parse(input), testContext());

describe('list_risk_detections on the demo tenant', () => {
  it('explains why Bob Lee is risky, newest first, counting detections by type', async () => {
    const result = await runDemo({ user: 'bob' });

    expect(result.view.summary).toBe(
      '7 risk detections for bob in the last 30 days: Anonymous IP address (5), ' +
        'Leaked credentials (1), Unfamiliar sign-in properties (1). 7 still at risk (Bob Lee).',
    );
    const rows = result.view.table?.rows ?? [];
    expect(result.view.table?.columns).toEqual([
      'When',
      'User',
      'Detection',
      'Risk',
      'State',
      'IP',
      'Location',
    ]);
    expect(rows[0].slice(1)).toEqual([
      'bob.lee@contoso.com',
      'Anonymous IP address',
      'High',
      'atRisk',
      '185.220.101.4',
      'Amsterdam, NL',
    ]);
    const times = rows.map((row) => row[0]);
    expect([...times].sort().reverse()).toEqual(times);
    expect(rows.find((row) => row[2] === 'Leaked credentials')?.slice(5)).toEqual(['—', '—']);
  });

  it('labels its answer as demo data and cites the risk detections dataset', async () => {
    const result = await runDemo({});

    expect(result.demoData).toBe(true);
    expect(result.sources).toEqual([
      expect.objectContaining({
        title: 'Contoso demo tenant — Entra ID Protection risk detections',
        url: 'https://learn.microsoft.com/en-us/graph/api/riskdetection-list',
        kind: 'demo',
      }),
    ]);
    expect(result.data).toMatchObject({
      count: 10,
      days: 30,
      byType: expect.arrayContaining([{ label: 'Atypical travel', count: 1 }]),
    });
  });

  it('filters by risk level', async () => {
    const result = await runDemo({ riskLevel: 'low' });

    expect(result.view.summary).toBe(
      '1 low-risk detection in the last 30 days: Anomalous user activity (1). ' +
        '1 still at risk (Dan Wu).',
    );
  });

  it('says when nothing is still at risk', async () => {
    const result = await runDemo({ user: 'tom' });

    expect(result.view.table?.rows.map((row) => [row[2], row[4]])).toEqual([
      ['Leaked credentials', 'remediated'],
    ]);
    expect(result.view.summary).toContain('None is still at risk.');
  });

  it('says so when the window holds no detections', async () => {
    const result = await runDemo({ user: 'tom', sinceDays: 7 });

    expect(result.view.summary).toBe(
      'No risk detections for tom in the last 7 days in Contoso demo tenant.',
    );
    expect(result.view.table).toBeUndefined();
  });

  it('shortens a window longer than Entra ID keeps detections, and says so', async () => {
    const result = await runDemo({ sinceDays: 200 });

    expect(result.data).toMatchObject({ days: 90 });
    expect(result.view.summary).toMatch(/keeps risk detections for 90 days/);
  });

  it('refuses a window of zero days with a message saying what to give', () => {
    expect(() => demoSkill.input.parse({ sinceDays: 0 })).toThrow(/sinceDays must be at least 1/);
  });
});

describe('list_risk_detections on a live source', () => {
  it('says a name matches nobody rather than "no detections"', async () => {
    const skill = createListRiskDetectionsSkill(fakeSource({ users: [directoryUser()] }));

    const result = await skill.run(skill.input.parse({ user: 'zed' }), testContext());

    expect(result.view.summary).toBe('No user matches "zed" in Fabrikam (Microsoft Graph).');
    expect(result.demoData).toBeUndefined();
  });

  it('shows a detection type it has no name for as Graph sent it', async () => {
    const source = fakeSource({
      riskDetections: [
        riskDetection({ id: 'a', riskEventType: 'brandNewDetection' }),
        riskDetection({ id: 'b', riskEventType: 'passwordSpray', riskLevel: 'high' }),
      ],
    });
    const skill = createListRiskDetectionsSkill(source);

    const result = await skill.run(skill.input.parse({}), testContext());

    expect(result.view.table?.rows.map((row) => row[2])).toEqual([
      'brandNewDetection',
      'Password spray',
    ]);
    expect(result.view.summary).toContain('brandNewDetection (1), Password spray (1)');
  });

  it('asks the source for the window and level given', async () => {
    const source = fakeSource({
      riskDetections: [
        riskDetection({ id: 'old', activityDateTime: '2025-07-01T10:00:00Z' }),
        riskDetection({ id: 'new', riskLevel: 'high', ipAddress: undefined, location: {} }),
      ],
    });
    const skill = createListRiskDetectionsSkill(source);

    const result = await skill.run(
      skill.input.parse({ riskLevel: 'high', sinceDays: 7 }),
      testContext(),
    );

    expect(result.data).toMatchObject({ count: 1 });
    expect(result.view.table?.rows[0].slice(5)).toEqual(['—', '—']);
  });
});

describe('riskEventLabel', () => {
  it('names detections the way the Entra admin center does', () => {
    expect(riskEventLabel('unfamiliarFeatures')).toBe('Unfamiliar sign-in properties');
    expect(riskEventLabel('anonymizedIPAddress')).toBe('Anonymous IP address');
    expect(riskEventLabel('leakedCredentials')).toBe('Leaked credentials');
    expect(riskEventLabel('impossibleTravel')).toBe('Atypical travel');
    expect(riskEventLabel('unlikelyTravel')).toBe('Atypical travel');
    expect(riskEventLabel('maliciousIPAddress')).toBe('Malicious IP address');
    expect(riskEventLabel('mcasImpossibleTravel')).toBe('Impossible travel');
    expect(riskEventLabel('investigationsThreatIntelligence')).toBe(
      'Microsoft Entra threat intelligence',
    );
  });

  it('returns an unknown type as given, even one named like an object property', () => {
    expect(riskEventLabel('somethingNew')).toBe('somethingNew');
    expect(riskEventLabel('toString')).toBe('toString');
  });
});
