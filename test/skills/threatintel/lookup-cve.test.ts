import nock from 'nock';
import { createMemoryFeedCache } from '../../../src/skills/context';
import { createKevLoader } from '../../../src/skills/threatintel/kev';
import { createLookupCveSkill } from '../../../src/skills/threatintel/lookup-cve';
import type { ThreatIntelOptions } from '../../../src/skills/threatintel/options';
import { fixtureText, TEST_URLS, testContext, threatIntelOptions } from '../support';

const NVD_PATH = new URL(TEST_URLS.nvd).pathname;
const KEV_PATH = new URL(TEST_URLS.kev).pathname;
const nvdHost = () => nock(new URL(TEST_URLS.nvd).origin);
const kevHost = () => nock(new URL(TEST_URLS.kev).origin);

function skillWith(overrides: Partial<ThreatIntelOptions> = {}) {
  const options = threatIntelOptions(overrides);
  return createLookupCveSkill(options, createKevLoader(options.kevFeedUrl, options.offline));
}

const replyWithKev = () =>
  kevHost().get(KEV_PATH).reply(200, fixtureText('cisa-kev.catalog.json'), { ETag: '"k1"' });
const parse = (cveId: string) => skillWith().input.parse({ cveId });

describe('lookup_cve', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('combines the NVD record with CISA KEV membership', async () => {
    nvdHost()
      .get(NVD_PATH)
      .query({ cveId: 'CVE-2021-44228' })
      .reply(200, fixtureText('nvd-CVE-2021-44228.response.json'), {
        'Content-Type': 'application/json',
      });
    replyWithKev();

    const result = await skillWith().run(parse('cve-2021-44228'), testContext());

    expect(result.data).toMatchObject({
      cveId: 'CVE-2021-44228',
      nvd: {
        cvss: { version: '3.1', baseScore: 10, baseSeverity: 'CRITICAL' },
        cwes: ['CWE-20', 'CWE-400', 'CWE-502', 'CWE-917'],
        published: '2021-12-10T10:15:09.143',
      },
      kev: { listed: true, dateAdded: '2021-12-10', dueDate: '2021-12-24' },
    });
    expect(result.view.summary).toContain('critical 10');
    expect(result.view.summary).toContain('known exploited since 2021-12-10');
    expect(result.view.facts).toEqual(
      expect.arrayContaining([
        { label: 'Severity', value: 'CRITICAL 10 (CVSS 3.1)' },
        { label: 'Ransomware use', value: 'Known' },
      ]),
    );
    expect(result.sources.map((s) => s.url)).toEqual([
      'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
      'https://www.cisa.gov/known-exploited-vulnerabilities-catalog',
    ]);
  });

  it('sends the NVD API key in the apiKey header when one is configured', async () => {
    const withKey = nvdHost()
      .get(NVD_PATH)
      .query(true)
      .matchHeader('apiKey', 'nvd-key-123')
      .reply(200, fixtureText('nvd-CVE-2021-44228.response.json'), {
        'Content-Type': 'application/json',
      });
    replyWithKev();

    await skillWith({ nvdApiKey: 'nvd-key-123' }).run(parse('CVE-2021-44228'), testContext());

    expect(withKey.isDone()).toBe(true);
  });

  it('says a CVE is not in KEV when NVD knows it and the catalog does not list it', async () => {
    const record = JSON.parse(fixtureText('nvd-CVE-2021-44228.response.json'));
    record.vulnerabilities[0].cve.id = 'CVE-2021-0001';
    nvdHost().get(NVD_PATH).query(true).reply(200, record);
    replyWithKev();

    const result = await skillWith().run(parse('CVE-2021-0001'), testContext());

    expect(result.data).toMatchObject({ kev: { listed: false, catalogVersion: '2025.08.25' } });
    expect(result.view.summary).toContain('not in the CISA KEV catalog');
  });

  it('answers from KEV alone when NVD has no record yet', async () => {
    nvdHost().get(NVD_PATH).query(true).reply(200, fixtureText('nvd-empty.response.json'), {
      'Content-Type': 'application/json',
    });
    replyWithKev();

    const result = await skillWith().run(parse('CVE-2025-48384'), testContext());

    expect(result.view.summary).toContain('NVD has no record of it yet');
    expect(result.data).toMatchObject({ kev: { listed: true, vendorProject: 'Git' } });
  });

  it('reports an id that neither NVD nor KEV knows as not found', async () => {
    nvdHost().get(NVD_PATH).query(true).reply(404, '', { message: 'Invalid cveId' });
    replyWithKev();

    await expect(skillWith().run(parse('CVE-2099-99999'), testContext())).rejects.toMatchObject({
      code: 'cve_not_found',
      status: 404,
    });
  });

  it('waits out a 429 from NVD as Retry-After asks, then answers', async () => {
    nvdHost().get(NVD_PATH).query(true).reply(429, 'slow down', { 'Retry-After': '2' });
    nvdHost()
      .get(NVD_PATH)
      .query(true)
      .reply(200, fixtureText('nvd-CVE-2021-44228.response.json'), {
        'Content-Type': 'application/json',
      });
    replyWithKev();
    const context = testContext();

    const result = await skillWith().run(parse('CVE-2021-44228'), context);

    expect(context.sleeps).toEqual([2000]);
    expect(result.data).toMatchObject({ nvd: { id: 'CVE-2021-44228' } });
  });

  it('explains a rate limit without an API key when NVD refuses and KEV has nothing', async () => {
    nvdHost().get(NVD_PATH).query(true).reply(403, 'Forbidden');
    replyWithKev();

    await expect(skillWith().run(parse('CVE-2024-0001'), testContext())).rejects.toMatchObject({
      code: 'nvd_rate_limited',
      userMessage: expect.stringContaining('NVD_API_KEY'),
    });
  });

  it("falls back to NVD's copy of the KEV fields when the KEV feed is down", async () => {
    nvdHost()
      .get(NVD_PATH)
      .query(true)
      .reply(200, fixtureText('nvd-CVE-2021-44228.response.json'), {
        'Content-Type': 'application/json',
      });
    kevHost().get(KEV_PATH).times(3).reply(502);

    const result = await skillWith().run(parse('CVE-2021-44228'), testContext());

    expect(result.data).toMatchObject({
      kev: { listed: true, source: 'nvd', dateAdded: '2021-12-10' },
    });
    expect(result.sources).toHaveLength(1);
  });

  it('answers from the cached KEV catalog in offline mode without calling NVD', async () => {
    const cache = createMemoryFeedCache();
    replyWithKev();
    await createKevLoader(TEST_URLS.kev, false).load(testContext({ cache }));

    const result = await skillWith({ offline: true }).run(
      parse('CVE-2021-44228'),
      testContext({ cache }),
    );

    expect(result.view.summary).toContain('offline mode is on, so NVD was not consulted');
    expect(result.view.summary).toContain('known exploited since 2021-12-10');
    expect(result.view.summary).toContain('Offline mode: this uses the cached CISA KEV catalog');
  });

  it('says what is missing in offline mode when nothing is cached', async () => {
    const result = await skillWith({ offline: true }).run(parse('CVE-2021-44228'), testContext());

    expect(result.view.summary).toContain('NVD was not consulted');
    expect(result.view.summary).toContain('no copy of the CISA KEV catalog is cached yet');
    expect(result.data).toMatchObject({ kev: { listed: null, reason: 'feed_not_cached' } });
  });

  it.each([['CVE-21-1'], ['2021-44228'], ['CVE-2021-44228; DROP']])(
    'refuses the malformed id %j before calling anyone',
    (cveId) => {
      const parsed = skillWith().input.safeParse({ cveId });
      expect(parsed.success).toBe(false);
    },
  );
});
