import { createDemoTenant } from '../../../src/skills/demo';
import { createIpActivitySkill } from '../../../src/skills/security/ip-activity';
import { TEST_NOW, testContext } from '../support';

const skill = createIpActivitySkill(createDemoTenant(() => TEST_NOW));
const run = (input: Record<string, unknown>) => skill.run(skill.input.parse(input), testContext());

describe('ip_activity', () => {
  it('shows which hosts talked to the Tor exit and who signed in from it', async () => {
    const result = await run({ ip: '185.220.101.4' });

    const data = result.data as { hosts: { deviceName: string; connections: number }[] };
    expect(data.hosts.map((h) => [h.deviceName, h.connections])).toEqual([
      ['CONTOSO-LT-0142', 3],
      ['CONTOSO-WS-FIN01', 1],
    ]);
    expect(result.view.summary).toContain('2 devices talked to 185.220.101.4 in the last 7 days');
    expect(result.view.summary).toContain(
      '5 sign-ins came from it (bob.lee@contoso.com), 5 flagged risky.',
    );
    expect(result.view.table?.rows).toHaveLength(9);
    expect(result.sources.map((s) => s.title)).toEqual([
      'Contoso demo tenant — Defender for Endpoint network events',
      'Contoso demo tenant — Entra ID sign-ins',
    ]);
    expect(result.demoData).toBe(true);
  });

  it('accepts a defanged address', async () => {
    const result = await run({ ip: '185[.]220[.]101[.]4', sinceDays: 1 });

    expect(result.data).toMatchObject({ ip: '185.220.101.4', days: 1 });
    expect(result.view.summary).toContain('2 devices talked to 185.220.101.4 in the last day');
  });

  it('defangs the URLs of connections in the timeline', async () => {
    const result = await run({ ip: '203.0.113.66' });

    expect(result.view.table?.rows[0][4]).toContain(
      'hxxps://contoso-payroll-update[.]com/login.php',
    );
  });

  it('says when nothing touched the address', async () => {
    const result = await run({ ip: '192.0.2.200' });

    expect(result.view.summary).toBe(
      'No device or sign-in in Contoso demo tenant touched 192.0.2.200 in the last 7 days.',
    );
    expect(result.view.table).toBeUndefined();
  });

  it.each([['not-an-ip'], ['185.220.101'], ['']])('refuses %j', (ip) => {
    expect(skill.input.safeParse({ ip }).success).toBe(false);
  });
});
