/**
 * A small cache for downloaded feeds (CISA KEV, ATT&CK) so skills work offline with what was
 * fetched last and can send `If-None-Match`. The store provides the implementation.
 */
export interface CachedFeed {
  /** The response body as text. */
  body: string;
  etag?: string;
  lastModified?: string;
  /** ISO timestamp of the last successful fetch or revalidation. */
  fetchedAt: string;
}

export interface FeedCache {
  get(key: string): Promise<CachedFeed | undefined>;
  put(key: string, feed: CachedFeed): Promise<void>;
}
