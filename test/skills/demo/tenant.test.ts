import { createDemoTenant, DEMO_IPS } from '../../../src/skills/demo';

const NOW = new Date('2025-08-26T12:00:00Z');
const read = { tenantId: 'demo-tenant', signal: new AbortController().signal };
const DAY_MS = 24 * 60 * 60 * 1000;
const tenantAt = (now: Date) => createDemoTenant(() => now);

describe('the Contoso demo tenant', () => {
  const tenant = tenantAt(NOW);

  it('is labelled as demo data and cites its datasets as demo sources', () => {
    expect(tenant.demo).toBe(true);
    expect(tenant.describe('signIns')).toEqual({
      title: 'Contoso demo tenant — Entra ID sign-ins',
      url: 'https://learn.microsoft.com/en-us/graph/api/signin-list',
      kind: 'demo',
    });
  });

  it('has the people of the story', async () => {
    const users = await tenant.findUsers('', read);
    expect(users).toEqual([]);

    for (const [query, upn] of [
      ['alex', 'alex.kim@contoso.com'],
      ['Bob Lee', 'bob.lee@contoso.com'],
      ['priya.nair@contoso.com', 'priya.nair@contoso.com'],
      ['garcia', 'maria.garcia@contoso.com'],
      ['DAN', 'dan.wu@contoso.com'],
    ]) {
      const found = await tenant.findUsers(query, read);
      expect(found.map((u) => u.userPrincipalName)).toEqual([upn]);
    }
  });

  it('has about forty sign-ins over the last ten days, none in the future', async () => {
    const signIns = await tenant.listSignIns({}, read);

    expect(signIns.length).toBeGreaterThanOrEqual(35);
    expect(signIns.length).toBeLessThanOrEqual(45);
    for (const signIn of signIns) {
      const ageMs = NOW.getTime() - Date.parse(signIn.createdDateTime);
      expect(ageMs).toBeGreaterThanOrEqual(0);
      expect(ageMs).toBeLessThanOrEqual(10 * DAY_MS);
    }
  });

  it('gives Bob Lee risky sign-ins from the Tor exit, one today and successful', async () => {
    const risky = await tenant.listSignIns({ user: 'bob', riskyOnly: true }, read);

    expect(risky.length).toBeGreaterThanOrEqual(4);
    expect(new Set(risky.map((s) => s.ipAddress))).toEqual(new Set([DEMO_IPS.torExit]));
    const today = risky.filter((s) => s.createdDateTime.startsWith('2025-08-26'));
    expect(today.some((s) => s.status.errorCode === 0 && s.riskLevelAggregated === 'high')).toBe(
      true,
    );
  });

  it('gives Priya Nair exactly one risky sign-in', async () => {
    const risky = await tenant.listSignIns({ user: 'priya', riskyOnly: true }, read);

    expect(risky).toHaveLength(1);
    expect(risky[0]).toMatchObject({
      riskEventTypes: ['impossibleTravel'],
      riskLevelAggregated: 'medium',
    });
  });

  it('has incidents of mixed severity and status, including 2041 phishing', async () => {
    const incidents = await tenant.listIncidents({}, read);

    expect(incidents.length).toBeGreaterThanOrEqual(4);
    expect(incidents.length).toBeLessThanOrEqual(6);
    expect(new Set(incidents.map((i) => i.severity)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(incidents.map((i) => i.status)).size).toBeGreaterThanOrEqual(3);

    const phishing = await tenant.getIncident('2041', read);
    expect(phishing).toMatchObject({ severity: 'high', status: 'active' });
    expect(phishing?.alerts.length).toBeGreaterThanOrEqual(2);
    const evidence = phishing?.alerts.flatMap((a) => a.evidence) ?? [];
    expect(evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'mailbox', value: 'bob.lee@contoso.com' }),
        expect.objectContaining({ type: 'device', value: 'CONTOSO-LT-0142' }),
        expect.objectContaining({ type: 'ip', value: DEMO_IPS.torExit }),
      ]),
    );
  });

  it('has eight to twelve devices with several compliance states', async () => {
    const devices = await tenant.listDevices({}, read);

    expect(devices.length).toBeGreaterThanOrEqual(8);
    expect(devices.length).toBeLessThanOrEqual(12);
    expect(new Set(devices.map((d) => d.complianceState))).toEqual(
      new Set(['compliant', 'noncompliant', 'unknown', 'inGracePeriod']),
    );
    expect(await tenant.listDevices({ user: 'bob' }, read)).toHaveLength(2);
    expect(await tenant.listDevices({ complianceState: 'noncompliant' }, read)).toHaveLength(2);
  });

  it('has hosts that talked to the Tor exit today', async () => {
    const connections = await tenant.listNetworkConnections({ remoteIp: DEMO_IPS.torExit }, read);

    expect(new Set(connections.map((c) => c.deviceName))).toEqual(
      new Set(['CONTOSO-LT-0142', 'CONTOSO-WS-FIN01']),
    );
    expect(connections.every((c) => c.timestamp.startsWith('2025-08-26'))).toBe(true);
  });

  it('keeps "today" events on today even just after midnight', async () => {
    const justAfterMidnight = tenantAt(new Date('2025-08-26T00:05:00Z'));

    const connections = await justAfterMidnight.listNetworkConnections(
      { remoteIp: DEMO_IPS.torExit },
      read,
    );

    expect(connections.every((c) => c.timestamp.startsWith('2025-08-26'))).toBe(true);
  });

  it('moves with the clock so this week always has data', async () => {
    const later = tenantAt(new Date('2026-03-01T09:00:00Z'));

    const recent = await later.listSignIns({ since: new Date('2026-02-22T09:00:00Z') }, read);

    expect(recent.length).toBeGreaterThan(20);
  });

  it('filters incidents by severity, status and age', async () => {
    expect((await tenant.listIncidents({ severity: 'high' }, read)).map((i) => i.id)).toEqual([
      '2042',
      '2041',
    ]);
    expect((await tenant.listIncidents({ status: 'resolved' }, read)).map((i) => i.id)).toEqual([
      '2036',
      '2030',
    ]);
    const lastFiveDays = await tenant.listIncidents(
      { since: new Date(NOW.getTime() - 5 * DAY_MS) },
      read,
    );
    expect(lastFiveDays.map((i) => i.id)).toEqual(['2042', '2041', '2038']);
  });

  it('has risky users with Bob Lee at high risk', async () => {
    const high = await tenant.listRiskyUsers({ riskLevel: 'high' }, read);
    expect(high.map((u) => u.userPrincipalName)).toEqual(['bob.lee@contoso.com']);
  });
});
