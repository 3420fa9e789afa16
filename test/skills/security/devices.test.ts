import { createDemoTenant } from '../../../src/skills/demo';
import { createListDevicesSkill } from '../../../src/skills/security/devices';
import { TEST_NOW, testContext } from '../support';

const skill = createListDevicesSkill(createDemoTenant(() => TEST_NOW));
const run = (input: Record<string, unknown>) => skill.run(skill.input.parse(input), testContext());

describe('list_devices', () => {
  it('lists every managed device and calls out noncompliant and silent ones', async () => {
    const result = await run({});

    expect(result.view.table?.rows).toHaveLength(10);
    expect(result.view.summary).toBe(
      '10 devices in Contoso demo tenant. 2 noncompliant: CONTOSO-LT-0115 and CONTOSO-LT-0142. ' +
        'CONTOSO-LT-0150 has not checked in for over 7 days.',
    );
    expect(result.demoData).toBe(true);
  });

  it('filters by compliance state', async () => {
    const result = await run({ compliance: 'noncompliant' });

    expect(result.view.table?.rows.map((row) => [row[0], row[2], row[3], row[5]])).toEqual([
      ['CONTOSO-LT-0115', 'Windows', '10.0.19045.4651', 'No'],
      ['CONTOSO-LT-0142', 'Windows', '10.0.22631.3880', 'Yes'],
    ]);
  });

  it("finds a user's devices by first name", async () => {
    const result = await run({ user: 'tom' });

    expect(result.view.table?.rows.map((row) => row[0])).toEqual(['CONTOSO-LT-0099', 'TOM-PIXEL8']);
  });

  it('finds a device by part of its name, in any case', async () => {
    const result = await run({ device: 'ws-fin' });

    expect(result.view.table?.rows.map((row) => row[0])).toEqual(['CONTOSO-WS-FIN01']);
  });

  it('says when no device matches', async () => {
    const result = await run({ device: 'NOPE-1' });

    expect(result.view.summary).toBe('No managed devices match in Contoso demo tenant.');
  });

  it('refuses a compliance state it does not know', () => {
    expect(skill.input.safeParse({ compliance: 'broken' }).success).toBe(false);
  });
});
