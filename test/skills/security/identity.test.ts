import { createDemoTenant } from '../../../src/skills/demo';
import {
  createListRiskyUsersSkill,
  createLookupUserSkill,
} from '../../../src/skills/security/identity';
import { TEST_NOW, testContext } from '../support';
import { directoryUser, fakeSource } from './fake-source';

const tenant = createDemoTenant(() => TEST_NOW);

describe('list_risky_users', () => {
  const skill = createListRiskyUsersSkill(tenant);

  it('lists risky users highest risk first and names those still at risk', async () => {
    const result = await skill.run(skill.input.parse({}), testContext());

    expect(result.view.table?.rows.map((row) => [row[0], row[2], row[3]])).toEqual([
      ['Bob Lee', 'High', 'atRisk'],
      ['Priya Nair', 'Medium', 'atRisk'],
      ['Dan Wu', 'Low', 'atRisk'],
      ['Tom Becker', 'None', 'remediated'],
    ]);
    expect(result.view.summary).toBe(
      '4 risky users in Contoso demo tenant; 3 still at risk: Bob Lee (high), ' +
        'Priya Nair (medium) and Dan Wu (low).',
    );
    expect(result.demoData).toBe(true);
  });

  it('filters by risk level', async () => {
    const result = await skill.run(skill.input.parse({ riskLevel: 'medium' }), testContext());

    expect(result.view.table?.rows.map((row) => row[0])).toEqual(['Priya Nair']);
  });
});

describe('lookup_user', () => {
  const skill = createLookupUserSkill(tenant);

  it('finds Bob Lee by first name and adds risk, devices and recent sign-ins', async () => {
    const result = await skill.run(skill.input.parse({ user: 'bob' }), testContext());

    expect(result.view.summary).toBe(
      '**Bob Lee** (bob.lee@contoso.com), Accounts Payable Specialist, Finance. Entra ID ' +
        'Protection rates the user high risk. 5 risky sign-ins in the last 7 days.',
    );
    expect(result.view.facts).toEqual(
      expect.arrayContaining([
        { label: 'Identity risk', value: 'high (atRisk)' },
        { label: 'Devices', value: 'CONTOSO-LT-0142 (noncompliant), BOB-IPHONE15 (compliant)' },
        { label: 'MFA registered', value: 'Yes' },
      ]),
    );
    expect(result.sources.map((s) => s.title)).toEqual([
      'Contoso demo tenant — Entra ID users',
      'Contoso demo tenant — Entra ID Protection risky users',
      'Contoso demo tenant — Intune managed devices',
      'Contoso demo tenant — Entra ID sign-ins',
    ]);
  });

  it('points out a missing MFA registration and a disabled account', async () => {
    const maria = await skill.run(
      skill.input.parse({ user: 'maria.garcia@contoso.com' }),
      testContext(),
    );
    const lena = await skill.run(skill.input.parse({ user: 'Lena Fischer' }), testContext());

    expect(maria.view.summary).toContain('No MFA method is registered.');
    expect(lena.view.summary).toContain('The account is disabled.');
  });

  it('says plainly when nobody matches', async () => {
    await expect(
      skill.run(skill.input.parse({ user: 'zelda' }), testContext()),
    ).rejects.toMatchObject({
      code: 'user_not_found',
      userMessage: expect.stringContaining('No user matches "zelda"'),
    });
  });

  it('asks which one when several users match', async () => {
    const source = fakeSource({
      users: [
        directoryUser({
          id: 'u-1',
          displayName: 'Sam Taylor',
          userPrincipalName: 'sam.taylor@fabrikam.com',
        }),
        directoryUser({
          id: 'u-2',
          displayName: 'Sam Okafor',
          userPrincipalName: 'sam.okafor@fabrikam.com',
        }),
      ],
    });
    const ambiguous = createLookupUserSkill(source);

    const result = await ambiguous.run(ambiguous.input.parse({ user: 'sam' }), testContext());

    expect(result.view.summary).toBe('2 users match "sam". Which one do you mean?');
    expect(result.view.table?.rows.map((row) => row[1])).toEqual([
      'sam.taylor@fabrikam.com',
      'sam.okafor@fabrikam.com',
    ]);
    expect(result.demoData).toBeUndefined();
  });
});
