import nock from 'nock';
import { createMemoryFeedCache } from '../../../src/skills/context';
import { createDemoTenant } from '../../../src/skills/demo';
import { createDeviceExposureSkill } from '../../../src/skills/exposure';
import type { SecurityDataSource } from '../../../src/skills/security/types';
import { createKevLoader } from '../../../src/skills/threatintel/kev';
import type { ThreatIntelOptions } from '../../../src/skills/threatintel/options';
import {
  fixtureJson,
  fixtureText,
  TEST_NOW,
  TEST_URLS,
  testContext,
  threatIntelOptions,
} from '../support';
import { device, sourceWithDevices } from './factories';

const NVD_PATH = new URL(TEST_URLS.nvd).pathname;
const KEV_PATH = new URL(TEST_URLS.kev).pathname;
const nvdHost = () => nock(new URL(TEST_URLS.nvd).origin);
const kevHost = () => nock(new URL(TEST_URLS.kev).origin);
const JSON_HEADERS = { 'Content-Type': 'application/json' };

const demoTenant = () => createDemoTenant(() => TEST_NOW);

function skillWith(source: SecurityDataSource, overrides: Partial<ThreatIntelOptions> = {}) {
  const options = threatIntelOptions(overrides);
  const kev = createKevLoader(options.kevFeedUrl, options.offline);
  return createDeviceExposureSkill(source, options, kev);
}

async function run(source: SecurityDataSource, cveId: string, context = testContext()) {
  const skill = skillWith(source);
  return skill.run(skill.input.parse({ cveId }), context);
}

const replyWithKev = () =>
  kevHost().get(KEV_PATH).reply(200, fixtureText('cisa-kev.catalog.json'), { ETag: '"k1"' });
const replyWithNvd = (cveId: string) =>
  nvdHost()
    .get(NVD_PATH)
    .query({ cveId })
    .reply(200, fixtureText(`nvd-${cveId}.response.json`), JSON_HEADERS);

/** Device name → verdict, from the skill's table. */
function verdicts(rows: string[][] | undefined): Record<string, string> {
  return Object.fromEntries((rows ?? []).map((row) => [row[0], row[4]]));
}

describe('device_exposure', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('cannot judge Log4j from OS inventory, so every device is unknown; KEV is shown', async () => {
    replyWithNvd('CVE-2021-44228');
    replyWithKev();

    const result = await run(demoTenant(), 'cve-2021-44228');

    expect(result.view.summary).toContain(
      '**OS inventory cannot tell which devices are exposed to CVE-2021-44228**',
    );
    expect(result.view.summary).toContain('applications (apache:log4j)');
    expect(result.view.summary).toContain('Check software inventory');
    expect(result.view.summary).toContain('CISA lists it as known exploited since 2021-12-10.');
    expect(result.view.table?.rows).toHaveLength(10);
    expect(new Set(result.view.table?.rows.map((row) => row[4]))).toEqual(new Set(['unknown']));
    expect(result.view.facts).toEqual([
      {
        label: 'Known exploited (CISA KEV)',
        value: 'Yes — added 2021-12-10, federal due date 2021-12-24',
      },
      { label: 'Ransomware use', value: 'Known' },
    ]);
    expect(result.data).toMatchObject({
      cveId: 'CVE-2021-44228',
      kevListed: true,
      counts: { exposed: 0, unknown: 10, 'not affected': 0 },
    });
    expect(result.sources.map((source) => [source.kind, source.url])).toEqual([
      ['threat-intel', 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228'],
      ['threat-intel', 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog'],
      ['demo', expect.any(String)],
    ]);
    expect(result.sources[2].title).toMatch(/devices/i);
    expect(result.demoData).toBe(true);
  });

  it('finds demo Windows below the August 2024 builds exposed to CVE-2024-38063', async () => {
    replyWithNvd('CVE-2024-38063');
    replyWithKev();

    const result = await run(demoTenant(), 'CVE-2024-38063');

    expect(verdicts(result.view.table?.rows)).toEqual({
      'CONTOSO-LT-0142': 'exposed',
      'CONTOSO-LT-0115': 'exposed',
      'CONTOSO-LT-0150': 'exposed',
      'CONTOSO-LT-0007': 'not affected',
      'CONTOSO-LT-0099': 'not affected',
      'CONTOSO-WS-FIN01': 'not affected',
      'CONTOSO-MB-0088': 'not affected',
      'CONTOSO-MB-0131': 'not affected',
      'BOB-IPHONE15': 'not affected',
      'TOM-PIXEL8': 'not affected',
    });
    expect(result.view.table?.rows.slice(0, 3).map((row) => row[0])).toEqual([
      'CONTOSO-LT-0115',
      'CONTOSO-LT-0142',
      'CONTOSO-LT-0150',
    ]);
    expect(result.view.summary).toBe(
      '**3 devices exposed to CVE-2024-38063** by OS version: CONTOSO-LT-0115, ' +
        'CONTOSO-LT-0142 and CONTOSO-LT-0150. 7 not affected. ' +
        'It is not in the CISA KEV catalog.',
    );
    const byName = new Map(result.view.table?.rows.map((row) => [row[0], row[5]]));
    expect(byName.get('CONTOSO-LT-0115')).toBe(
      'Windows 10 22H2 (10.0.19045.4651) is in microsoft:windows_10_22h2 before 10.0.19045.4780.',
    );
    expect(byName.get('CONTOSO-WS-FIN01')).toContain(
      '10.0.22631.4890 is outside microsoft:windows_11_23h2 before 10.0.22631.4037',
    );
    expect(result.view.facts).toEqual([{ label: 'Known exploited (CISA KEV)', value: 'No' }]);
    expect(result.data).toMatchObject({
      kevListed: false,
      counts: { exposed: 3, unknown: 0, 'not affected': 7 },
    });
  });

  it('counts devices it cannot judge apart from those not affected', async () => {
    replyWithNvd('CVE-2024-38063');
    replyWithKev();
    const source = sourceWithDevices([
      device({ deviceName: 'FAB-LT-1', osVersion: '10.0.19045.4780' }),
      device({ deviceName: 'FAB-SRV-1', operatingSystem: 'Linux', osVersion: '6.8' }),
      device({ deviceName: 'FAB-LT-2', osVersion: 'unknown' }),
    ]);

    const result = await run(source, 'CVE-2024-38063');

    expect(result.view.summary).toContain('No device in Fabrikam (Microsoft Graph) is exposed');
    expect(result.view.summary).toContain('2 devices could not be judged from OS data. 1 not');
    expect(verdicts(result.view.table?.rows)).toEqual({
      'FAB-LT-1': 'not affected',
      'FAB-LT-2': 'unknown',
      'FAB-SRV-1': 'unknown',
    });
    expect(result.demoData).toBeUndefined();
    expect(result.sources.map((s) => s.url)).toContain('https://graph.example/devices');
  });

  it('keeps only criteria NVD marks vulnerable and outside negated nodes', async () => {
    const record = fixtureJson<NvdBody>('nvd-CVE-2024-38063.response.json');
    const node = record.vulnerabilities[0].cve.configurations[0].nodes[0];
    const windows11 = node.cpeMatch.filter((m) => m.criteria.includes('windows_11_23h2'));
    record.vulnerabilities[0].cve.configurations = [
      { nodes: [{ operator: 'OR', negate: true, cpeMatch: windows11 }] },
      {
        operator: 'AND',
        nodes: [
          { operator: 'OR', negate: false, cpeMatch: [{ ...windows11[0], vulnerable: false }] },
        ],
      },
    ];
    nvdHost().get(NVD_PATH).query(true).reply(200, record);
    replyWithKev();

    const result = await run(sourceWithDevices([device()]), 'CVE-2024-38063');

    expect(verdicts(result.view.table?.rows)).toEqual({ 'FABRIKAM-LT-01': 'unknown' });
    expect(result.view.summary).toContain('NVD has not listed the affected products');
  });

  it('reports an id NVD does not know, and KEV does not list, as not found', async () => {
    nvdHost().get(NVD_PATH).query(true).reply(404, '', { message: 'Invalid cveId' });
    replyWithKev();

    await expect(run(demoTenant(), 'CVE-2099-99999')).rejects.toMatchObject({
      code: 'cve_not_found',
      status: 404,
      userMessage: expect.stringContaining('CVE-2099-99999 is not in NVD'),
    });
  });

  it('lists every device as unknown when only KEV knows the CVE so far', async () => {
    nvdHost()
      .get(NVD_PATH)
      .query(true)
      .reply(200, fixtureText('nvd-empty.response.json'), JSON_HEADERS);
    replyWithKev();

    const result = await run(demoTenant(), 'CVE-2025-48384');

    expect(result.view.summary).toContain('NVD has no record of it yet');
    expect(result.view.summary).toContain('known exploited since');
    expect(result.data).toMatchObject({ counts: { unknown: 10 }, kevListed: true });
  });

  it('lists devices as unknown with the reason when NVD answers 503, still with KEV', async () => {
    nvdHost().get(NVD_PATH).query(true).times(3).reply(503, 'Service Unavailable');
    replyWithKev();

    const result = await run(demoTenant(), 'CVE-2021-44228');

    expect(result.view.summary).toContain('NVD could not be reached');
    expect(result.view.summary).toContain('not answering properly right now');
    expect(result.view.summary).toContain('The 10 devices are listed as unknown.');
    expect(result.view.summary).toContain('known exploited since 2021-12-10');
    const reasons = new Set(result.view.table?.rows.map((row) => `${row[4]}: ${row[5]}`));
    expect([...reasons]).toEqual([expect.stringMatching(/^unknown: NVD could not be reached/)]);
    expect(result.view.facts?.[0].value).toContain('Yes — added 2021-12-10');
    expect(result.sources.map((s) => s.url)).not.toContain(
      'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
    );
    expect(result.data).toMatchObject({ nvd: { status: 'unavailable' } });
  });

  it('says NVD was not consulted in offline mode and answers KEV from the cache', async () => {
    const cache = createMemoryFeedCache();
    replyWithKev();
    await createKevLoader(TEST_URLS.kev, false).load(testContext({ cache }));
    const skill = skillWith(demoTenant(), { offline: true });

    const result = await skill.run(
      skill.input.parse({ cveId: 'CVE-2021-44228' }),
      testContext({ cache }),
    );

    expect(result.view.summary).toContain(
      'offline mode (THREAT_INTEL_OFFLINE) is on, so NVD was not consulted',
    );
    expect(result.view.summary).toContain('known exploited since 2021-12-10');
    expect(result.view.table?.rows[0][5]).toBe('NVD was not consulted (offline mode).');
    expect(result.data).toMatchObject({ nvd: { status: 'offline' }, kevListed: true });
  });

  it('says whether KEV lists the CVE is unknown when the catalog is down', async () => {
    replyWithNvd('CVE-2024-38063');
    kevHost().get(KEV_PATH).times(3).reply(502);

    const result = await run(demoTenant(), 'CVE-2024-38063');

    expect(result.view.facts?.[0].value).toMatch(/^Unknown: /);
    expect(result.view.summary).toContain('Whether CISA lists it as known exploited is unknown');
    expect(result.data).toMatchObject({ kevListed: null });
  });

  it('says there is nothing to check when the source has no devices', async () => {
    replyWithNvd('CVE-2024-38063');
    replyWithKev();

    const result = await run(sourceWithDevices([]), 'CVE-2024-38063');

    expect(result.view.summary).toContain('No managed devices in Fabrikam (Microsoft Graph)');
    expect(result.view.table).toBeUndefined();
  });

  it.each([['CVE-21-1'], ['laptops'], ['CVE-2024-38063 OR 1=1']])(
    'refuses the malformed id %j before calling anyone',
    (cveId) => {
      expect(skillWith(demoTenant()).input.safeParse({ cveId }).success).toBe(false);
    },
  );
});

interface NvdBody {
  vulnerabilities: {
    cve: {
      configurations: {
        operator?: string;
        nodes: {
          operator: string;
          negate: boolean;
          cpeMatch: { criteria: string; vulnerable: boolean }[];
        }[];
      }[];
    };
  }[];
}
