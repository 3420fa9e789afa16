import type { FeedCache } from '../core/cache';
import type { HttpClient } from '../core/http';
import type { SkillContextFactory } from './skill-runner';

/** The usual skill context: the shared HTTP client and feed cache, and the engine's clock. */
export function createSkillContextFactory(deps: {
  http: HttpClient;
  cache: FeedCache;
  now: () => Date;
}): SkillContextFactory {
  return ({ tenantId, signal, logger }) => ({
    tenantId,
    signal,
    logger,
    http: deps.http,
    cache: deps.cache,
    now: deps.now,
  });
}
