import { createDemoTenant } from '../../../src/skills/demo';
import {
  createGetIncidentSkill,
  createListIncidentsSkill,
} from '../../../src/skills/security/incidents';
import { TEST_NOW, testContext } from '../support';

const tenant = createDemoTenant(() => TEST_NOW);

describe('list_incidents', () => {
  const skill = createListIncidentsSkill(tenant);

  it('lists every incident newest first, labelled as demo data', async () => {
    const result = await skill.run(skill.input.parse({}), testContext());

    expect(result.demoData).toBe(true);
    expect(result.view.table?.rows.map((row) => row[0])).toEqual([
      '2042',
      '2041',
      '2038',
      '2036',
      '2030',
    ]);
    expect(result.view.summary).toBe(
      '5 incidents in Contoso demo tenant: 2 high, 1 medium, 1 low and 1 informational ' +
        'severity; 3 still open.',
    );
    expect(result.sources).toEqual([
      expect.objectContaining({
        title: 'Contoso demo tenant — Defender XDR incidents',
        kind: 'demo',
      }),
    ]);
  });

  it('filters by severity and status', async () => {
    const result = await skill.run(
      skill.input.parse({ severity: 'high', status: 'active' }),
      testContext(),
    );

    expect(result.view.table?.rows.map((row) => [row[0], row[2], row[3]])).toEqual([
      ['2042', 'High', 'Active'],
      ['2041', 'High', 'Active'],
    ]);
  });

  it('filters by age in days and says when nothing matches', async () => {
    const result = await skill.run(
      skill.input.parse({ status: 'resolved', sinceDays: 2 }),
      testContext(),
    );

    expect(result.view.summary).toBe(
      'No incidents match in Contoso demo tenant in the last 2 days.',
    );
    expect(result.view.table).toBeUndefined();
  });

  it.each([[{ severity: 'critical' }], [{ status: 'open' }], [{ sinceDays: 0 }]])(
    'refuses the filter %j',
    (input) => {
      expect(skill.input.safeParse(input).success).toBe(false);
    },
  );
});

describe('get_incident', () => {
  const skill = createGetIncidentSkill(tenant);

  it('shows incident 2041 with its alerts and entities', async () => {
    const result = await skill.run(skill.input.parse({ incidentId: '2041' }), testContext());

    expect(result.demoData).toBe(true);
    expect(result.view.summary).toContain(
      '**Incident 2041: Phishing: credential-harvesting link delivered to Bob Lee** ' +
        '(high severity, active), with 4 alerts.',
    );
    expect(result.view.summary).toContain('bob.lee@contoso.com, CONTOSO-LT-0142 and 185.220.101.4');
    expect(result.view.facts).toEqual(
      expect.arrayContaining([
        { label: 'Assigned to', value: 'alex.kim@contoso.com' },
        { label: 'MITRE techniques', value: 'T1566.002, T1204.001, T1078.004, T1059.001' },
      ]),
    );
    const entities = result.view.table?.rows.map((row) => [row[0], row[1]]);
    expect(entities).toEqual(
      expect.arrayContaining([
        ['Mailbox', 'bob.lee@contoso.com'],
        ['Device', 'CONTOSO-LT-0142'],
        ['IP address', '185.220.101.4'],
        ['URL', 'hxxps://contoso-payroll-update[.]com/login.php'],
        ['File', 'payroll_update.ps1'],
      ]),
    );
  });

  it('lists each entity once even when several alerts name it', async () => {
    const result = await skill.run(skill.input.parse({ incidentId: '2041' }), testContext());

    const devices = result.view.table?.rows.filter((row) => row[1] === 'CONTOSO-LT-0142');
    expect(devices).toHaveLength(1);
  });

  it.each([['#2041'], ['inc-2041-phishing'], [' 2041 ']])(
    'reads %j as incident 2041',
    async (id) => {
      const result = await skill.run(skill.input.parse({ incidentId: id }), testContext());
      expect(result.data).toMatchObject({ id: '2041' });
    },
  );

  it('says plainly when an incident does not exist', async () => {
    await expect(
      skill.run(skill.input.parse({ incidentId: '9999' }), testContext()),
    ).rejects.toMatchObject({
      code: 'incident_not_found',
      status: 404,
      userMessage: expect.stringContaining('Incident 9999 was not found in Contoso demo tenant'),
    });
  });
});
