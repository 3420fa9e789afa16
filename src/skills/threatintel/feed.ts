import type { CachedFeed } from '../../core/cache';
import { UnavailableError, WardenError } from '../../core/errors';
import type { HttpResponse } from '../../core/http';
import type { SkillContext } from '../types';
import { hostOf } from './options';

/** A downloadable feed kept in the `FeedCache` in a compact form. */
export interface FeedDefinition<T> {
  /** Cache key; carries a version so a change of the compact form starts a fresh entry. */
  cacheKey: string;
  /** Human name used in messages: "CISA KEV catalog". */
  label: string;
  url: string;
  /** How long a cached copy is used without asking the server again, in ms. */
  revalidateAfterMs: number;
  /** Largest download accepted, in bytes. */
  maxBytes: number;
  /** Per-attempt download timeout, in ms. */
  timeoutMs: number;
  /**
   * Turns a downloaded body into the compact text kept in the cache; throws when the body is
   * not the feed. Compacting keeps cache entries small (Cosmos DB items stop at 2 MB).
   */
  compact(body: string): string;
  /** Reads compact text back; throws when it is unreadable. */
  parse(compact: string): T;
}

/**
 * How the copy was obtained: `downloaded` now, `revalidated` (the server answered 304),
 * `cached` (recent enough not to ask), `stale` (the server failed, an older copy was used) or
 * `offline` (offline mode, cached copy).
 */
export type FeedFreshness = 'downloaded' | 'revalidated' | 'cached' | 'stale' | 'offline';

export interface LoadedFeed<T> {
  value: T;
  /** ISO time of the last successful download or revalidation. */
  fetchedAt: string;
  freshness: FeedFreshness;
}

export interface FeedLoader<T> {
  readonly label: string;
  load(context: SkillContext): Promise<LoadedFeed<T>>;
}

/** No copy of the feed is cached and it cannot be downloaded now. */
export class FeedNotAvailableError extends UnavailableError {
  readonly offline: boolean;

  constructor(label: string, url: string, offline: boolean, cause?: unknown) {
    const host = hostOf(url);
    const message = offline
      ? `Offline mode is on and no copy of the ${label} is cached yet. Set ` +
        `THREAT_INTEL_OFFLINE=false and allow outbound HTTPS to ${host} once, so Warden can ` +
        'download and cache it.'
      : `The ${label} could not be downloaded from ${host} and no copy is cached yet. Try ` +
        `again later, or check that Warden can reach ${host} over HTTPS.`;
    super(offline ? 'feed_not_cached' : 'feed_unavailable', message, {
      cause,
      userMessage: message,
      detail: { feed: label, host },
    });
    this.offline = offline;
  }
}

/**
 * Loads a feed with conditional requests: a fresh cached copy is used as is, an older one is
 * revalidated with `If-None-Match` / `If-Modified-Since`, and when the server is down the
 * cached copy is served and labelled stale. Parsed values are memoised per cached body.
 */
export function createFeedLoader<T>(
  definition: FeedDefinition<T>,
  offline: boolean,
): FeedLoader<T> {
  let memo: { body: string; value: T } | undefined;

  const parse = (body: string): T => {
    if (memo?.body === body) return memo.value;
    const value = definition.parse(body);
    memo = { body, value };
    return value;
  };

  return {
    label: definition.label,
    async load(context) {
      const cached = await readCached(context, definition, parse);
      if (offline) {
        if (cached) return { ...cached, freshness: 'offline' };
        throw new FeedNotAvailableError(definition.label, definition.url, true);
      }

      const ageMs = cached ? context.now().getTime() - Date.parse(cached.feed.fetchedAt) : Infinity;
      if (cached && ageMs >= 0 && ageMs < definition.revalidateAfterMs) {
        return { value: cached.value, fetchedAt: cached.feed.fetchedAt, freshness: 'cached' };
      }
      return download(context, definition, cached, parse);
    },
  };
}

type CachedCopy<T> = { feed: CachedFeed; value: T; fetchedAt: string };

async function readCached<T>(
  context: SkillContext,
  definition: FeedDefinition<T>,
  parse: (body: string) => T,
): Promise<CachedCopy<T> | undefined> {
  const feed = await context.cache.get(definition.cacheKey);
  if (!feed) return undefined;
  try {
    return { feed, value: parse(feed.body), fetchedAt: feed.fetchedAt };
  } catch (error) {
    // An unreadable entry is treated as absent and replaced by the next download.
    context.logger.warn({ feed: definition.label, err: error }, 'cached feed unreadable');
    return undefined;
  }
}

async function download<T>(
  context: SkillContext,
  definition: FeedDefinition<T>,
  cached: CachedCopy<T> | undefined,
  parse: (body: string) => T,
): Promise<LoadedFeed<T>> {
  let response: HttpResponse;
  try {
    response = await context.http.request({
      url: definition.url,
      headers: conditionalHeaders(cached?.feed),
      timeoutMs: definition.timeoutMs,
      maxBytes: definition.maxBytes,
      signal: context.signal,
    });
  } catch (error) {
    if (context.signal.aborted) throw error;
    return fallBack(context, definition, cached, error);
  }

  const fetchedAt = context.now().toISOString();
  if (response.status === 304 && cached) {
    const etag = response.headers.etag ?? cached.feed.etag;
    await context.cache.put(definition.cacheKey, { ...cached.feed, etag, fetchedAt });
    return { value: cached.value, fetchedAt, freshness: 'revalidated' };
  }
  if (response.status !== 200) {
    const error = new UnavailableError('feed_http_status', `HTTP ${response.status}`, {
      detail: { feed: definition.label, status: response.status },
    });
    return fallBack(context, definition, cached, error);
  }

  let body: string;
  try {
    body = definition.compact(response.text);
  } catch (error) {
    const invalid = new WardenError(
      'feed_invalid',
      `${definition.label} is not in the expected shape`,
      {
        cause: error,
      },
    );
    return fallBack(context, definition, cached, invalid);
  }
  const value = parse(body);
  await context.cache.put(definition.cacheKey, {
    body,
    etag: response.headers.etag,
    lastModified: response.headers['last-modified'],
    fetchedAt,
  });
  return { value, fetchedAt, freshness: 'downloaded' };
}

function conditionalHeaders(feed: CachedFeed | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (feed?.etag) headers['if-none-match'] = feed.etag;
  if (feed?.lastModified) headers['if-modified-since'] = feed.lastModified;
  return headers;
}

function fallBack<T>(
  context: SkillContext,
  definition: FeedDefinition<T>,
  cached: CachedCopy<T> | undefined,
  error: unknown,
): LoadedFeed<T> {
  if (!cached) throw new FeedNotAvailableError(definition.label, definition.url, false, error);
  context.logger.warn(
    { feed: definition.label, err: error, cachedAt: cached.fetchedAt },
    'feed download failed; serving the cached copy',
  );
  return { value: cached.value, fetchedAt: cached.fetchedAt, freshness: 'stale' };
}

/** One sentence about how current a feed copy is, for answers built on it. */
export function describeFreshness(label: string, feed: LoadedFeed<unknown>): string | undefined {
  const at = feed.fetchedAt.slice(0, 16).replace('T', ' ');
  if (feed.freshness === 'stale') {
    return `The ${label} could not be refreshed just now; this uses the copy from ${at} UTC.`;
  }
  if (feed.freshness === 'offline') {
    return `Offline mode: this uses the cached ${label} from ${at} UTC.`;
  }
  return undefined;
}
