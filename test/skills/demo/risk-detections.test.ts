import { createDemoTenant, DEMO_IPS } from '../../../src/skills/demo';

const NOW = new Date('2025-08-26T12:00:00Z');
const read = { tenantId: 'demo-tenant', signal: new AbortController().signal };
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the demo tenant risk detections', () => {
  const tenant = createDemoTenant(() => NOW);

  it('has a detection per risk event of a risky sign-in, at its IP, place and time', async () => {
    const signIns = await tenant.listSignIns({ riskyOnly: true }, read);
    const detections = await tenant.listRiskDetections({}, read);

    for (const signIn of signIns) {
      const linked = detections.filter((d) => d.requestId === signIn.id);
      expect(linked.map((d) => d.riskEventType)).toEqual(signIn.riskEventTypes);
      for (const detection of linked) {
        expect(detection).toMatchObject({
          activity: 'signin',
          ipAddress: signIn.ipAddress,
          location: signIn.location,
          activityDateTime: signIn.createdDateTime,
          userId: signIn.userId,
          userPrincipalName: signIn.userPrincipalName,
          riskLevel: signIn.riskLevelDuringSignIn,
        });
      }
    }
  });

  it('explains every risky user, none updated before its latest detection', async () => {
    const riskyUsers = await tenant.listRiskyUsers({}, read);
    const detections = await tenant.listRiskDetections({}, read);

    expect(new Set(detections.map((d) => d.userPrincipalName))).toEqual(
      new Set(riskyUsers.map((u) => u.userPrincipalName)),
    );
    for (const user of riskyUsers) {
      const own = detections.filter((d) => d.userPrincipalName === user.userPrincipalName);
      const latest = Math.max(...own.map((d) => Date.parse(d.lastUpdatedDateTime)));
      expect(latest).toBeLessThanOrEqual(Date.parse(user.riskLastUpdatedDateTime));
      if (user.riskState === 'remediated') {
        expect(own.every((d) => d.riskDetail === user.riskDetail)).toBe(true);
      }
    }
  });

  it('covers unfamiliar properties, anonymous IP, travel and an offline leak', async () => {
    const detections = await tenant.listRiskDetections({}, read);

    const types = new Set(detections.map((d) => d.riskEventType));
    for (const type of [
      'unfamiliarFeatures',
      'anonymizedIPAddress',
      'impossibleTravel',
      'leakedCredentials',
    ]) {
      expect(types).toContain(type);
    }
    const bobLeak = detections.find(
      (d) => d.riskEventType === 'leakedCredentials' && d.userPrincipalName.startsWith('bob'),
    );
    expect(bobLeak).toMatchObject({
      detectionTimingType: 'offline',
      activity: 'user',
      riskState: 'atRisk',
      location: {},
    });
    expect(bobLeak?.requestId).toBeUndefined();
    expect(bobLeak?.ipAddress).toBeUndefined();
    const travel = detections.find((d) => d.riskEventType === 'impossibleTravel');
    expect(travel).toMatchObject({ detectionTimingType: 'offline', ipAddress: DEMO_IPS.lagos });
  });

  it('dates nothing in the future and detects nothing before it happened', async () => {
    for (const now of [NOW, new Date('2025-08-26T00:05:00Z')]) {
      const detections = await createDemoTenant(() => now).listRiskDetections({}, read);
      for (const d of detections) {
        const activity = Date.parse(d.activityDateTime);
        const detected = Date.parse(d.detectedDateTime);
        expect(detected).toBeLessThanOrEqual(now.getTime());
        expect(detected).toBeGreaterThanOrEqual(activity);
        expect(Date.parse(d.lastUpdatedDateTime)).toBeGreaterThanOrEqual(detected);
      }
    }
  });

  it('gives every detection its own id, the same on every read', async () => {
    const first = await tenant.listRiskDetections({}, read);
    const again = await createDemoTenant(() => new Date(NOW.getTime() + 60_000)).listRiskDetections(
      {},
      read,
    );

    expect(new Set(first.map((d) => d.id)).size).toBe(first.length);
    expect(again.map((d) => d.id)).toEqual(first.map((d) => d.id));
  });

  it('filters by user, level, type in any casing and age, newest first', async () => {
    const bob = await tenant.listRiskDetections({ user: 'Bob Lee' }, read);
    expect(bob.length).toBe(7);
    const times = bob.map((d) => d.activityDateTime);
    expect([...times].sort().reverse()).toEqual(times);

    const leaks = await tenant.listRiskDetections({ riskEventType: 'LeakedCredentials' }, read);
    expect(leaks.map((d) => d.userDisplayName)).toEqual(['Bob Lee', 'Tom Becker']);

    const low = await tenant.listRiskDetections({ riskLevel: 'low' }, read);
    expect(low.map((d) => d.userDisplayName)).toEqual(['Dan Wu']);

    const lastDay = await tenant.listRiskDetections(
      { since: new Date(NOW.getTime() - DAY_MS) },
      read,
    );
    expect(new Set(lastDay.map((d) => d.riskEventType))).toEqual(
      new Set(['anonymizedIPAddress', 'unfamiliarFeatures']),
    );
  });

  it('cites the Graph riskDetections documentation as a demo source', () => {
    expect(tenant.describe('riskDetections')).toEqual({
      title: 'Contoso demo tenant — Entra ID Protection risk detections',
      url: 'https://learn.microsoft.com/en-us/graph/api/riskdetection-list',
      kind: 'demo',
    });
  });
});
