import { createSecurityGuidanceSkill } from './guidance';
import { createExtractIndicatorsSkill } from './indicators';
import { createSecuritySkills, type SecurityDataSource } from './security';
import { createThreatIntelSkills, type ThreatIntelOptions } from './threatintel';
import type { AnySkill } from './types';

export type { AnySkill, Skill, SkillContext, SkillResult, SkillView } from './types';
export { createMemoryFeedCache, createSkillContext, type SkillContextOptions } from './context';
export { SkillRegistry, type ToolSchema } from './registry';
export type { SecurityDataSource } from './security';
export type { ThreatIntelOptions } from './threatintel';
export {
  defang,
  defangText,
  extractIndicators,
  type Indicator,
  type IndicatorType,
} from './indicators';

export interface CreateSkillsOptions {
  /** `Config['threatIntel']` from src/config.ts. */
  threatIntel: ThreatIntelOptions;
  /**
   * The organisation's telemetry. Without it the security skills (incidents, sign-ins,
   * devices, users, IP activity) are not offered at all, so the planner never promises them.
   */
  securityData?: SecurityDataSource;
}

/** Every skill Warden offers with these options, in a stable order. */
export function createSkills(options: CreateSkillsOptions): AnySkill[] {
  return [
    createExtractIndicatorsSkill(),
    ...createThreatIntelSkills(options.threatIntel),
    ...(options.securityData ? createSecuritySkills(options.securityData) : []),
    createSecurityGuidanceSkill(),
  ];
}
