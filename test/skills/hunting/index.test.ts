import { createHuntingSkills } from '../../../src/skills/hunting';
import { SkillRegistry } from '../../../src/skills/registry';
import { HUNTING_OPTIONS, testHunting } from './support';

describe('createHuntingSkills', () => {
  it('gives the model hunt and run_kql, steering it to hunts first', () => {
    const { registry } = testHunting();

    const names = [...registry].map((skill) => skill.name);

    expect(names).toEqual(['hunt', 'run_kql']);
    expect(registry.get('run_kql')?.description).toContain('only when no other skill answers');
    expect(registry.get('hunt')?.description).toContain('Prefer it to run_kql');
  });

  it('refuses limits that would not make valid KQL', () => {
    const runner = testHunting().runner;

    expect(() => createHuntingSkills(runner, { ...HUNTING_OPTIONS, maxRows: 0 })).toThrow(
      'Hunting maxRows must be a whole number above 0.',
    );
  });

  it('exports the hunt names and parameters to the model as JSON schema', () => {
    const registry = new SkillRegistry(createHuntingSkills(testHunting().runner, HUNTING_OPTIONS));

    const hunt = registry.toolSchemas().find((tool) => tool.name === 'hunt');

    expect(JSON.stringify(hunt)).toContain('"enum":["failed_signins","anomalous_signins"');
    expect(JSON.stringify(hunt)).toContain('"sinceDays"');
  });
});
