import { z } from 'zod';
import { NotFoundError, ValidationError, WardenError } from '../core/errors';
import type { AnySkill, SkillContext, SkillResult } from './types';

/** A skill as the model sees it: an OpenAI-style function tool. */
export interface ToolSchema {
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the skill's input, without the `$schema` key. */
  parameters: Record<string, unknown>;
}

/** The skills Warden offers, by name. Iterable, so it can be handed on as a list of skills. */
export class SkillRegistry implements Iterable<AnySkill> {
  private readonly byName = new Map<string, AnySkill>();

  constructor(skills: Iterable<AnySkill>) {
    for (const skill of skills) {
      if (this.byName.has(skill.name)) {
        throw new WardenError('skill_duplicate', `Two skills are named ${skill.name}.`);
      }
      this.byName.set(skill.name, skill);
    }
  }

  get(name: string): AnySkill | undefined {
    return this.byName.get(name);
  }

  /** All skills, in registration order. */
  list(): AnySkill[] {
    return [...this.byName.values()];
  }

  [Symbol.iterator](): Iterator<AnySkill> {
    return this.byName.values();
  }

  /**
   * Each skill's input as JSON Schema for tool calling. Schemas describe the input side, so
   * fields with defaults are optional and transforms (upper-casing a CVE id) are invisible.
   */
  toolSchemas(): ToolSchema[] {
    return this.list().map((skill) => ({
      name: skill.name,
      description: skill.description,
      parameters: toJsonSchema(skill),
    }));
  }

  /** Validates raw input (from the model or a promptbook) and runs the skill. */
  async run(name: string, rawInput: unknown, context: SkillContext): Promise<SkillResult> {
    const skill = this.get(name);
    if (!skill) {
      throw new NotFoundError('skill_unknown', `There is no skill named ${name}.`);
    }
    const parsed = skill.input.safeParse(rawInput);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const field = issue.path.join('.');
        return field ? `${field}: ${issue.message}` : issue.message;
      });
      throw new ValidationError(
        'skill_input_invalid',
        `${name} cannot run with this input: ${problems.join('; ')}`,
        { detail: { skill: name } },
      );
    }
    return skill.run(parsed.data, context);
  }
}

function toJsonSchema(skill: AnySkill): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(skill.input, { io: 'input' }) as Record<
    string,
    unknown
  >;
  return schema;
}
