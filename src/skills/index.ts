import { createExposureSkills } from './exposure';
import { createSecurityGuidanceSkill } from './guidance';
import {
  type AdvancedHuntingOptions,
  createAdvancedHuntingSkill,
  createHuntingSkills,
  type HuntingOptions,
  type KqlRunner,
  type KqlService,
} from './hunting';
import { createExtractIndicatorsSkill } from './indicators';
import { createSecuritySkills, type SecurityDataSource } from './security';
import { createThreatIntelSkills, type ThreatIntelOptions } from './threatintel';
import type { AnySkill } from './types';

export type { AnySkill, Skill, SkillContext, SkillResult, SkillView } from './types';
export { createMemoryFeedCache, createSkillContext, type SkillContextOptions } from './context';
export { SkillRegistry, type ToolSchema } from './registry';
export type { SecurityDataSource } from './security';
export type { AdvancedHuntingOptions, HuntingOptions, KqlRunner, KqlService } from './hunting';
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
  /**
   * KQL against the Microsoft Sentinel workspace (Log Analytics). Without it the `hunt` and
   * `run_kql` skills are not offered.
   */
  hunting?: { runner: KqlRunner; options: HuntingOptions };
  /** Defender XDR advanced hunting; without it `advanced_hunting` is not offered. */
  advancedHunting?: { service: KqlService; options: AdvancedHuntingOptions };
}

/** Every skill Warden offers with these options, in a stable order. */
export function createSkills(options: CreateSkillsOptions): AnySkill[] {
  return [
    createExtractIndicatorsSkill(),
    ...createThreatIntelSkills(options.threatIntel),
    ...(options.securityData ? createSecuritySkills(options.securityData) : []),
    ...(options.securityData
      ? createExposureSkills(options.securityData, options.threatIntel)
      : []),
    ...(options.hunting
      ? createHuntingSkills(options.hunting.runner, options.hunting.options)
      : []),
    ...(options.advancedHunting
      ? [
          createAdvancedHuntingSkill(
            options.advancedHunting.service,
            options.advancedHunting.options,
          ),
        ]
      : []),
    createSecurityGuidanceSkill(),
  ];
}
