import { createDemoTenant } from '../../../src/skills/demo';
import { createListSignInsSkill } from '../../../src/skills/security/signins';
import { TEST_NOW, testContext } from '../support';
import { directoryUser, fakeSource, signIn } from './fake-source';

const skill = createListSignInsSkill(createDemoTenant(() => TEST_NOW));
const run = (input: Record<string, unknown>) => skill.run(skill.input.parse(input), testContext());

describe('list_signins', () => {
  it('finds bob.lee@contoso.com from the first name "bob"', async () => {
    const result = await run({ user: 'bob' });

    const users = new Set(result.view.table?.rows.map((row) => row[1]));
    expect(users).toEqual(new Set(['bob.lee@contoso.com']));
    expect(result.demoData).toBe(true);
    expect(result.sources[0]).toMatchObject({
      title: 'Contoso demo tenant — Entra ID sign-ins',
      kind: 'demo',
    });
  });

  it('summarises risk and where risky sign-ins came from', async () => {
    const result = await run({ user: 'Bob Lee' });

    expect(result.view.summary).toContain('5 were risky.');
    expect(result.view.summary).toContain('Risky sign-ins came from 185.220.101.4 (Bob Lee).');
    expect(result.view.summary).toContain('4 attempts failed.');
  });

  it('lists only risky sign-ins when asked, newest first', async () => {
    const result = await run({ riskyOnly: true });

    const rows = result.view.table?.rows ?? [];
    expect(rows).toHaveLength(6);
    expect(rows[0][5]).toBe('high (anonymizedIPAddress, unfamiliarFeatures)');
    expect(rows[0][6]).toBe('Success');
    const times = rows.map((row) => row[0]);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by exact risk level', async () => {
    const result = await run({ riskLevel: 'medium' });

    expect(result.view.table?.rows.map((row) => row[1])).toEqual([
      'bob.lee@contoso.com',
      'bob.lee@contoso.com',
      'priya.nair@contoso.com',
    ]);
    expect(result.view.summary).toMatch(/^3 medium-risk sign-ins in the last 7 days\./);
  });

  it('filters by IP address, written defanged or not', async () => {
    const plain = await run({ ip: '185.220.101.4' });
    const defanged = await run({ ip: '185[.]220[.]101[.]4' });

    expect(plain.data).toMatchObject({ count: 5 });
    expect(defanged.data).toEqual(plain.data);
  });

  it('filters by application name', async () => {
    const result = await run({ app: 'azure portal', sinceDays: 10 });

    expect(new Set(result.view.table?.rows.map((row) => row[2]))).toEqual(
      new Set(['Azure Portal']),
    );
  });

  it('looks back 7 days by default and further when asked', async () => {
    const week = await run({});
    const tenDays = await run({ sinceDays: 10 });

    expect((week.data as { count: number }).count).toBeLessThan(
      (tenDays.data as { count: number }).count,
    );
  });

  it('shortens windows beyond the 30-day retention and says so', async () => {
    const result = await run({ sinceDays: 90 });

    expect(result.data).toMatchObject({ days: 30 });
    expect(result.view.summary).toContain('kept for 30 days');
  });

  it('says when no user matches the name', async () => {
    const result = await run({ user: 'zelda' });

    expect(result.view.summary).toBe('No user matches "zelda" in Contoso demo tenant.');
  });

  it('does not label answers from a live source as demo data', async () => {
    const live = createListSignInsSkill(
      fakeSource({ users: [directoryUser()], signIns: [signIn()] }),
    );

    const result = await live.run(live.input.parse({ user: 'sam' }), testContext());

    expect(result.demoData).toBeUndefined();
    expect(result.sources[0]).toMatchObject({ kind: 'telemetry' });
  });

  it.each([[{ ip: '999.1.1.1' }], [{ riskLevel: 'severe' }], [{ user: '' }], [{ sinceDays: -1 }]])(
    'refuses %j',
    (input) => {
      expect(skill.input.safeParse(input).success).toBe(false);
    },
  );
});
