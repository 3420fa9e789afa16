import { ValidationError } from '../../core/errors';
import type { AnySkill } from '../types';
import { createAdvancedHuntingSkill } from './advanced-hunting';
import { createHuntSkill } from './hunt';
import { createRunKqlSkill } from './run-kql';
import type { HuntingOptions, KqlRunner } from './types';

export * from './types';
export { HUNT_NAMES, type HuntName } from './hunts';
export { portalLogsLinks } from './portal-link';
export { createAdvancedHuntingSkill, createHuntSkill, createRunKqlSkill };
export type { AdvancedHuntingOptions } from './advanced-hunting';

/** The skills that query the Microsoft Sentinel workspace in KQL through Log Analytics. */
export function createHuntingSkills(runner: KqlRunner, options: HuntingOptions): AnySkill[] {
  checkLimit('maxRows', options.maxRows);
  checkLimit('maxHours', options.maxHours);
  return [createHuntSkill(runner, options), createRunKqlSkill(runner, options)];
}

/** Both limits end up in query text (`take N`, `PTnH`), so they must be whole numbers. */
function checkLimit(name: keyof HuntingOptions, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new ValidationError(
      'hunting_limit_invalid',
      `Hunting ${name} must be a whole number above 0.`,
    );
  }
}
