export {
  Engine,
  type EngineConfig,
  type EngineDeps,
  type HandleOptions,
  type TurnResult,
} from './engine';
export { createSkillContextFactory } from './skill-context';
export { SkillSet } from './skill-set';
export {
  SkillRunner,
  TurnAbortedError,
  type SkillCall,
  type SkillContextFactory,
  type SkillOutcome,
} from './skill-runner';
export { classifyScope, isFollowUp, EXAMPLE_QUESTIONS, type ScopeDecision } from './scope';
export { buildSystemPrompt, fenceUntrusted, redactSecrets } from './prompts';
export { LlmPlanner, type LlmPlannerOptions } from './llm-planner';
export { OfflinePlanner, type OfflinePlannerOptions } from './offline-planner';
export { extractEntities, type Entities } from './entities';
export { progressText, sourceName } from './labels';
export type { PlanRequest, PlanResult, Planner } from './types';
