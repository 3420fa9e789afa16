import { FEED_PART_CHARS, FEED_TENANT, StoreFeedCache } from '../../src/store/feed-cache';
import type { DocumentStore } from '../../src/store/types';
import { newTenant } from './factories';

function feedKey(): string {
  return `https://feeds.example.test/${newTenant()}/known_exploited.json?x=1#y`;
}

async function countParts(store: DocumentStore): Promise<number> {
  const parts = await store.query('cache', FEED_TENANT, {
    where: { type: 'feed-part' },
    limit: 1000,
  });
  return parts.length;
}

export function describeFeedCache(getStore: () => DocumentStore): void {
  describe('StoreFeedCache', () => {
    it('round-trips a feed with its HTTP validators', async () => {
      const cache = new StoreFeedCache(getStore());
      const key = feedKey();
      const feed = {
        body: '{"vulnerabilities":[]}',
        etag: '"abc"',
        lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT',
        fetchedAt: '2025-07-01T10:00:01.000Z',
      };

      await cache.put(key, feed);

      await expect(cache.get(key)).resolves.toEqual(feed);
      await expect(cache.get(feedKey())).resolves.toBeUndefined();
    });

    it('replaces an older copy of the same feed', async () => {
      const cache = new StoreFeedCache(getStore());
      const key = feedKey();
      await cache.put(key, { body: 'old', etag: '"1"', fetchedAt: '2025-07-01T00:00:00.000Z' });

      await cache.put(key, { body: 'new', fetchedAt: '2025-07-02T00:00:00.000Z' });

      await expect(cache.get(key)).resolves.toEqual({
        body: 'new',
        fetchedAt: '2025-07-02T00:00:00.000Z',
      });
    });

    it('splits a feed too large for one document and cleans up old parts', async () => {
      const cache = new StoreFeedCache(getStore());
      const key = feedKey();
      const partsBefore = await countParts(getStore());
      // An emoji straddles the first part boundary, so a naive split would break it.
      const body = 'a'.repeat(FEED_PART_CHARS - 1) + '🛡️"\\\n' + 'é'.repeat(FEED_PART_CHARS);

      await cache.put(key, { body, fetchedAt: '2025-07-01T00:00:00.000Z' });
      const partsWritten = (await countParts(getStore())) - partsBefore;
      const read = await cache.get(key);
      await cache.put(key, { body: 'small', fetchedAt: '2025-07-02T00:00:00.000Z' });

      expect(partsWritten).toBe(3);
      expect(read?.body).toBe(body);
      await expect(cache.get(key)).resolves.toMatchObject({ body: 'small' });
      await expect(countParts(getStore())).resolves.toBe(partsBefore);
    }, 60_000);
  });
}
