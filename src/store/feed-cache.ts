import { createHash, randomUUID } from 'node:crypto';
import type { CachedFeed, FeedCache } from '../core/cache';
import { silentLogger, type Logger } from '../core/logger';
import type { DocumentStore } from './types';

/** Feeds are shared by every tenant, so they live under one reserved partition. */
export const FEED_TENANT = '_global';

/**
 * Cosmos DB refuses documents over 2 MB, and feeds such as ATT&CK run to tens of megabytes, so a
 * long body is split into parts. 300,000 UTF-16 units stay under 2 MB even when JSON escaping
 * doubles every character.
 */
export const FEED_PART_CHARS = 300_000;

interface FeedHead {
  key: string;
  httpEtag?: string;
  lastModified?: string;
  fetchedAt: string;
  /** Names this version's parts so a new version never mixes with an old one. */
  generation: string;
  /** 0 when `body` is stored inline. */
  parts: number;
  body?: string;
}

interface FeedPart {
  body: string;
}

/** FeedCache kept in the `cache` container of whichever DocumentStore Warden runs on. */
export class StoreFeedCache implements FeedCache {
  private readonly logger: Logger;

  constructor(
    private readonly store: DocumentStore,
    logger: Logger = silentLogger,
  ) {
    this.logger = logger.child({ component: 'store.feed-cache' });
  }

  async get(key: string): Promise<CachedFeed | undefined> {
    const head = await this.store.get<FeedHead>('cache', FEED_TENANT, headId(key));
    if (!head) return undefined;
    const body = head.parts === 0 ? head.body : await this.readParts(head);
    if (body === undefined) return undefined;
    return {
      body,
      etag: head.httpEtag,
      lastModified: head.lastModified,
      fetchedAt: head.fetchedAt,
    };
  }

  async put(key: string, feed: CachedFeed): Promise<void> {
    const id = headId(key);
    const previous = await this.store.get<FeedHead>('cache', FEED_TENANT, id);
    const chunks = splitBody(feed.body);
    const generation = randomUUID().slice(0, 8);
    const parts = chunks.length > 1 ? chunks.length : 0;

    // Parts first, head last: a reader never finds a head whose parts are not written yet.
    for (const [index, chunk] of parts ? chunks.entries() : []) {
      const part = { id: partId(id, generation, index), tenantId: FEED_TENANT, type: 'feed-part' };
      await this.store.upsert<FeedPart>('cache', { ...part, body: chunk });
    }
    await this.store.upsert<FeedHead>('cache', {
      id,
      tenantId: FEED_TENANT,
      type: 'feed',
      key,
      httpEtag: feed.etag,
      lastModified: feed.lastModified,
      fetchedAt: feed.fetchedAt,
      generation,
      parts,
      body: parts ? undefined : feed.body,
    });

    if (previous && previous.parts > 0) await this.removeParts(previous, id);
  }

  /** Undefined when a part is gone: a newer put replaced this version while we read it. */
  private async readParts(head: FeedHead & { id: string }): Promise<string | undefined> {
    const ids = Array.from({ length: head.parts }, (_, index) =>
      partId(head.id, head.generation, index),
    );
    const parts = await Promise.all(
      ids.map((id) => this.store.get<FeedPart>('cache', FEED_TENANT, id)),
    );
    if (parts.some((part) => part === undefined)) {
      this.logger.debug({ key: head.key }, 'feed replaced while reading; treating as a miss');
      return undefined;
    }
    return parts.map((part) => part?.body ?? '').join('');
  }

  private async removeParts(head: FeedHead, id: string): Promise<void> {
    for (let index = 0; index < head.parts; index++) {
      await this.store.delete('cache', FEED_TENANT, partId(id, head.generation, index));
    }
  }
}

/** Keys may be URLs; a hash keeps ids short and free of characters Cosmos DB refuses. */
function headId(key: string): string {
  return `feed-${createHash('sha256').update(key).digest('hex')}`;
}

function partId(headDocumentId: string, generation: string, index: number): string {
  return `${headDocumentId}-${generation}-${index}`;
}

/** Splits without cutting a surrogate pair in two, so every part is well-formed text. */
export function splitBody(body: string, partChars = FEED_PART_CHARS): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < body.length || chunks.length === 0) {
    let end = Math.min(start + partChars, body.length);
    const last = body.charCodeAt(end - 1);
    if (end < body.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(body.slice(start, end));
    start = end;
  }
  return chunks;
}
