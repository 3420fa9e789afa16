import { createDemoTenant } from '../../src/skills/demo';
import { createSkills, SkillRegistry } from '../../src/skills';
import { createAdvancedHunting } from '../../src/connectors/graph/hunting';
import { testGraph } from '../connectors/graph/support';
import { HUNTING_OPTIONS, testHunting } from './hunting/support';
import { TEST_NOW, testContext, threatIntelOptions } from './support';

const CATALOG = [
  'extract_indicators',
  'lookup_cve',
  'kev_recent',
  'osv_query',
  'attack_technique',
  'list_incidents',
  'get_incident',
  'list_signins',
  'list_risky_users',
  'list_risk_detections',
  'list_devices',
  'lookup_user',
  'ip_activity',
  'device_exposure',
  'hunt',
  'run_kql',
  'advanced_hunting',
  'security_guidance',
];

const fullRegistry = () =>
  new SkillRegistry(
    createSkills({
      threatIntel: threatIntelOptions(),
      securityData: createDemoTenant(() => TEST_NOW),
      hunting: { runner: testHunting().runner, options: HUNTING_OPTIONS },
      advancedHunting: {
        service: createAdvancedHunting(testGraph().client),
        options: { maxRows: 100 },
      },
    }),
  );

describe('createSkills', () => {
  it('offers the whole catalog when security data is available', () => {
    expect(
      fullRegistry()
        .list()
        .map((skill) => skill.name),
    ).toEqual(CATALOG);
  });

  it('leaves the security skills out without a security data source', () => {
    const names = createSkills({ threatIntel: threatIntelOptions() }).map((skill) => skill.name);

    expect(names).toEqual([
      'extract_indicators',
      'lookup_cve',
      'kev_recent',
      'osv_query',
      'attack_technique',
      'security_guidance',
    ]);
  });

  it('offers the KQL skills only with a workspace or advanced hunting to query', () => {
    const names = createSkills({
      threatIntel: threatIntelOptions(),
      securityData: createDemoTenant(() => TEST_NOW),
    }).map((skill) => skill.name);

    expect(names).not.toContain('hunt');
    expect(names).not.toContain('run_kql');
    expect(names).not.toContain('advanced_hunting');
  });

  it('gives every skill a lowercase name and a description of one or two sentences', () => {
    for (const skill of fullRegistry()) {
      expect(skill.name).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      expect(skill.description.length).toBeGreaterThan(40);
      expect(skill.description.length).toBeLessThan(400);
    }
  });
});

describe('SkillRegistry', () => {
  it('finds a skill by name', () => {
    expect(fullRegistry().get('lookup_cve')?.name).toBe('lookup_cve');
    expect(fullRegistry().get('nope')).toBeUndefined();
  });

  it('exports every input as an object JSON schema for tool calling', () => {
    const tools = fullRegistry().toolSchemas();

    expect(tools.map((tool) => tool.name)).toEqual(CATALOG);
    for (const tool of tools) {
      expect(tool.parameters.type).toBe('object');
      expect(tool.parameters).not.toHaveProperty('$schema');
    }
    const lookupCve = tools.find((tool) => tool.name === 'lookup_cve');
    expect(lookupCve?.parameters).toMatchObject({
      properties: { cveId: { type: 'string', description: expect.any(String) } },
      required: ['cveId'],
    });
    const incidents = tools.find((tool) => tool.name === 'list_incidents');
    expect(incidents?.parameters).toMatchObject({
      properties: { severity: { enum: ['informational', 'low', 'medium', 'high'] } },
    });
    expect(incidents?.parameters).not.toHaveProperty('required');
  });

  it('validates raw input before running a skill', async () => {
    await expect(
      fullRegistry().run('get_incident', { incidentId: 42 }, testContext()),
    ).rejects.toMatchObject({
      code: 'skill_input_invalid',
      status: 400,
      message: expect.stringContaining('incidentId'),
    });
  });

  it('runs a skill with parsed input', async () => {
    const result = await fullRegistry().run('get_incident', { incidentId: '#2041' }, testContext());

    expect(result.data).toMatchObject({ id: '2041' });
  });

  it('refuses an unknown skill and two skills with one name', async () => {
    await expect(fullRegistry().run('drop_tables', {}, testContext())).rejects.toMatchObject({
      code: 'skill_unknown',
    });
    const [first] = fullRegistry().list();
    expect(() => new SkillRegistry([first, first])).toThrow(/Two skills are named/);
  });
});
