import type { z } from 'zod';
import type { Skill, SkillContext, SkillResult } from './types';

/**
 * Declares a skill so `run` gets the parsed input type of its schema without repeating it.
 * The registry validates raw input against `input` before `run` is called.
 */
export function defineSkill<S extends z.ZodType>(skill: {
  name: string;
  description: string;
  input: S;
  run(input: z.output<S>, context: SkillContext): Promise<SkillResult>;
}): Skill<z.output<S>> {
  return skill as Skill<z.output<S>>;
}
