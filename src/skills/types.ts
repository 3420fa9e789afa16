import type { z } from 'zod';
import type { Fact, Source, Table } from '../core/answer';
import type { FeedCache } from '../core/cache';
import type { HttpClient } from '../core/http';
import type { Logger } from '../core/logger';

/** What a skill gets for one run. Everything is passed in; skills reach for no globals. */
export interface SkillContext {
  tenantId: string;
  signal: AbortSignal;
  logger: Logger;
  http: HttpClient;
  cache: FeedCache;
  now: () => Date;
}

/** A ready-made presentation of a result, used by the offline planner's templated answers. */
export interface SkillView {
  /** One or two sentences of Markdown. */
  summary: string;
  facts?: Fact[];
  table?: Table;
}

export interface SkillResult {
  /** Compact, JSON-serialisable data for the model. */
  data: unknown;
  sources: Source[];
  view: SkillView;
  /** True when the data came from the built-in demo tenant. */
  demoData?: boolean;
}

/**
 * A read-only capability the planner can call. `input` is exported to the model as the tool's
 * JSON schema and validates every call before `run`.
 */
export interface Skill<I = unknown> {
  /** Tool name: lowercase with underscores, stable (the model and the offline planner use it). */
  name: string;
  /** One or two sentences telling the model when to use it. */
  description: string;
  input: z.ZodType<I>;
  run(input: I, context: SkillContext): Promise<SkillResult>;
}

/** A skill whose input type has been erased, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- registries hold many input types
export type AnySkill = Skill<any>;
