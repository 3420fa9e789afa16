import { z } from 'zod';
import type { ToolDefinition } from '../llm/types';
import type { AnySkill } from '../skills/types';

/**
 * The skills a planner may call, indexed by name, with their tool schemas computed once (the
 * JSON Schema conversion is the costliest step of a turn otherwise).
 */
export class SkillSet {
  private readonly byName = new Map<string, AnySkill>();
  private readonly tools: ToolDefinition[] = [];
  private readonly inputKeys = new Map<string, Set<string>>();

  constructor(skills: Iterable<AnySkill>) {
    for (const skill of skills) {
      this.byName.set(skill.name, skill);
      const parameters = toParameters(skill);
      this.tools.push({ name: skill.name, description: skill.description, parameters });
      this.inputKeys.set(skill.name, new Set(Object.keys(propertiesOf(parameters))));
    }
  }

  get(name: string): AnySkill | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Tool definitions for the model, in registration order. */
  toolDefinitions(): ToolDefinition[] {
    return this.tools;
  }

  /** Whether a skill's input has a field named `key` (used to re-run calls with a new value). */
  accepts(skill: string, key: string): boolean {
    return this.inputKeys.get(skill)?.has(key) ?? false;
  }
}

function toParameters(skill: AnySkill): Record<string, unknown> {
  const schema = z.toJSONSchema(skill.input, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const { $schema: _dialect, ...parameters } = schema;
  // Function tools must take an object; a skill with another input shape gets an empty one.
  if (parameters.type !== 'object') return { type: 'object', properties: {} };
  return parameters;
}

function propertiesOf(parameters: Record<string, unknown>): Record<string, unknown> {
  const properties = parameters.properties;
  return typeof properties === 'object' && properties !== null
    ? (properties as Record<string, unknown>)
    : {};
}
