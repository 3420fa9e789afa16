import nock from 'nock';
import { createMemoryFeedCache } from '../../../src/skills/context';
import { createKevLoader } from '../../../src/skills/threatintel/kev';
import { fixtureText, TEST_NOW, TEST_URLS, testContext } from '../support';

const KEV_PATH = new URL(TEST_URLS.kev).pathname;
const kevHost = () => nock(new URL(TEST_URLS.kev).origin);
const catalog = () => fixtureText('cisa-kev.catalog.json');
const hoursLater = (hours: number) => new Date(TEST_NOW.getTime() + hours * 60 * 60 * 1000);

describe('the CISA KEV feed loader', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('downloads the catalog and caches it with its ETag', async () => {
    kevHost()
      .get(KEV_PATH)
      .reply(200, catalog(), { ETag: '"v1"', 'Content-Type': 'application/json' });
    const context = testContext();

    const feed = await createKevLoader(TEST_URLS.kev, false).load(context);

    expect(feed.freshness).toBe('downloaded');
    expect(feed.value.catalogVersion).toBe('2025.08.25');
    expect(feed.value.byCveId.get('CVE-2021-44228')?.knownRansomwareCampaignUse).toBe('Known');
    const cached = await context.cache.get('threatintel:cisa-kev:v1');
    expect(cached).toMatchObject({ etag: '"v1"', fetchedAt: TEST_NOW.toISOString() });
  });

  it('keeps well-formed entries when one entry is malformed', async () => {
    kevHost().get(KEV_PATH).reply(200, catalog(), { 'Content-Type': 'application/json' });

    const feed = await createKevLoader(TEST_URLS.kev, false).load(testContext());

    expect(feed.value.entries).toHaveLength(8);
    expect(feed.value.byCveId.has('CVE-2099-0001')).toBe(false);
  });

  it('drops the notes field from the cached copy to keep it small', async () => {
    kevHost().get(KEV_PATH).reply(200, catalog(), { 'Content-Type': 'application/json' });
    const context = testContext();

    await createKevLoader(TEST_URLS.kev, false).load(context);

    const cached = await context.cache.get('threatintel:cisa-kev:v1');
    expect(cached?.body).not.toContain('"notes"');
    expect(cached?.body.length).toBeLessThan(catalog().length);
  });

  it('uses a recent cached copy without asking the server', async () => {
    kevHost().get(KEV_PATH).once().reply(200, catalog(), { ETag: '"v1"' });
    const context = testContext();
    const loader = createKevLoader(TEST_URLS.kev, false);
    await loader.load(context);

    context.setNow(hoursLater(0.5));
    const again = await createKevLoader(TEST_URLS.kev, false).load(context);

    expect(again.freshness).toBe('cached');
    expect(nock.isDone()).toBe(true);
  });

  it('revalidates an older copy with If-None-Match and keeps it on 304', async () => {
    const context = testContext();
    kevHost().get(KEV_PATH).reply(200, catalog(), { ETag: '"v1"' });
    await createKevLoader(TEST_URLS.kev, false).load(context);

    context.setNow(hoursLater(2));
    const revalidation = kevHost()
      .get(KEV_PATH)
      .matchHeader('if-none-match', '"v1"')
      .reply(304, '', { ETag: '"v1"' });
    const feed = await createKevLoader(TEST_URLS.kev, false).load(context);

    expect(revalidation.isDone()).toBe(true);
    expect(feed.freshness).toBe('revalidated');
    expect(feed.value.byCveId.has('CVE-2025-48384')).toBe(true);
    const cached = await context.cache.get('threatintel:cisa-kev:v1');
    expect(cached?.fetchedAt).toBe(hoursLater(2).toISOString());
  });

  it('replaces the cached copy when the server sends a newer catalog', async () => {
    const context = testContext();
    kevHost().get(KEV_PATH).reply(200, catalog(), { ETag: '"v1"' });
    await createKevLoader(TEST_URLS.kev, false).load(context);

    context.setNow(hoursLater(2));
    const newer = JSON.parse(catalog());
    newer.catalogVersion = '2025.08.26';
    kevHost().get(KEV_PATH).reply(200, JSON.stringify(newer), { ETag: '"v2"' });
    const feed = await createKevLoader(TEST_URLS.kev, false).load(context);

    expect(feed.freshness).toBe('downloaded');
    expect(feed.value.catalogVersion).toBe('2025.08.26');
    expect((await context.cache.get('threatintel:cisa-kev:v1'))?.etag).toBe('"v2"');
  });

  it('serves the cached copy, labelled stale, when the feed is down', async () => {
    const context = testContext();
    kevHost().get(KEV_PATH).reply(200, catalog(), { ETag: '"v1"' });
    await createKevLoader(TEST_URLS.kev, false).load(context);

    context.setNow(hoursLater(3));
    kevHost().get(KEV_PATH).times(3).reply(503, 'maintenance');
    const feed = await createKevLoader(TEST_URLS.kev, false).load(context);

    expect(feed.freshness).toBe('stale');
    expect(feed.fetchedAt).toBe(TEST_NOW.toISOString());
    expect(context.sleeps).toHaveLength(2);
  });

  it('keeps the cached copy when the server sends something other than a catalog', async () => {
    const context = testContext();
    kevHost().get(KEV_PATH).reply(200, catalog(), { ETag: '"v1"' });
    await createKevLoader(TEST_URLS.kev, false).load(context);

    context.setNow(hoursLater(2));
    kevHost()
      .get(KEV_PATH)
      .reply(200, '<html>Access denied</html>', { 'Content-Type': 'text/html' });
    const feed = await createKevLoader(TEST_URLS.kev, false).load(context);

    expect(feed.freshness).toBe('stale');
    expect(feed.value.catalogVersion).toBe('2025.08.25');
  });

  it('says plainly when the feed is down and nothing is cached', async () => {
    kevHost().get(KEV_PATH).times(3).reply(500);

    await expect(createKevLoader(TEST_URLS.kev, false).load(testContext())).rejects.toMatchObject({
      code: 'feed_unavailable',
      userMessage: expect.stringContaining('no copy is cached yet'),
    });
  });

  it('serves the cached copy in offline mode without any request', async () => {
    const cache = createMemoryFeedCache();
    kevHost().get(KEV_PATH).reply(200, catalog(), { ETag: '"v1"' });
    await createKevLoader(TEST_URLS.kev, false).load(testContext({ cache }));

    const offline = testContext({ cache, now: hoursLater(48) });
    const feed = await createKevLoader(TEST_URLS.kev, true).load(offline);

    expect(feed.freshness).toBe('offline');
    expect(feed.value.entries).toHaveLength(8);
  });

  it('refuses plainly in offline mode when nothing is cached', async () => {
    await expect(createKevLoader(TEST_URLS.kev, true).load(testContext())).rejects.toMatchObject({
      code: 'feed_not_cached',
      userMessage: expect.stringContaining('THREAT_INTEL_OFFLINE=false'),
    });
  });

  it('treats an unreadable cache entry as absent and downloads again', async () => {
    const cache = createMemoryFeedCache();
    await cache.put('threatintel:cisa-kev:v1', {
      body: '{oops',
      fetchedAt: TEST_NOW.toISOString(),
    });
    kevHost().get(KEV_PATH).reply(200, catalog());

    const feed = await createKevLoader(TEST_URLS.kev, false).load(testContext({ cache }));

    expect(feed.freshness).toBe('downloaded');
  });
});
