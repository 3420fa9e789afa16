import type { CachedFeed, FeedCache } from '../core/cache';
import type { HttpClient } from '../core/http';
import { type Logger, silentLogger } from '../core/logger';
import type { SkillContext } from './types';

export interface SkillContextOptions {
  tenantId: string;
  http: HttpClient;
  cache: FeedCache;
  /** Default: `silentLogger`. */
  logger?: Logger;
  /** Default: the system clock. */
  now?: () => Date;
  /** Default: a signal that never aborts. */
  signal?: AbortSignal;
}

/** Builds a `SkillContext` with defaults for the parts a caller does not care about. */
export function createSkillContext(options: SkillContextOptions): SkillContext {
  return {
    tenantId: options.tenantId,
    http: options.http,
    cache: options.cache,
    logger: options.logger ?? silentLogger,
    now: options.now ?? (() => new Date()),
    signal: options.signal ?? new AbortController().signal,
  };
}

/**
 * A `FeedCache` held in process memory: for tests and for runs without a store. Feeds are lost
 * on restart, so offline answers only work for what was fetched since start-up.
 */
export function createMemoryFeedCache(): FeedCache {
  const feeds = new Map<string, CachedFeed>();
  return {
    async get(key) {
      const feed = feeds.get(key);
      return feed && { ...feed };
    },
    async put(key, feed) {
      feeds.set(key, { ...feed });
    },
  };
}
