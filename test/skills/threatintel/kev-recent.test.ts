import nock from 'nock';
import { createKevLoader } from '../../../src/skills/threatintel/kev';
import { createKevRecentSkill } from '../../../src/skills/threatintel/kev-recent';
import { fixtureText, TEST_URLS, testContext } from '../support';

const KEV_PATH = new URL(TEST_URLS.kev).pathname;
const replyWithKev = () =>
  nock(new URL(TEST_URLS.kev).origin)
    .get(KEV_PATH)
    .reply(200, fixtureText('cisa-kev.catalog.json'), { ETag: '"k1"' });

const onlineSkill = () => createKevRecentSkill(createKevLoader(TEST_URLS.kev, false));

describe('kev_recent', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('lists entries added in the last 7 days by default, newest first', async () => {
    replyWithKev();
    const skill = onlineSkill();

    const result = await skill.run(skill.input.parse({}), testContext());

    const rows = result.view.table?.rows ?? [];
    expect(rows.map((row) => row[0])).toEqual([
      'CVE-2025-48384',
      'CVE-2024-8068',
      'CVE-2025-43300',
    ]);
    expect(rows.map((row) => row[3])).toEqual(['2025-08-25', '2025-08-25', '2025-08-21']);
    expect(result.view.summary).toContain(
      'CISA added 3 vulnerabilities to the KEV catalog in the last 7 days',
    );
    expect(result.sources[0]).toMatchObject({ kind: 'threat-intel' });
  });

  it('widens the window when asked', async () => {
    replyWithKev();
    const skill = onlineSkill();

    const result = await skill.run(skill.input.parse({ days: 30 }), testContext());

    expect(result.data).toMatchObject({ count: 7 });
    expect(result.view.table?.rows.map((row) => row[0])).not.toContain('CVE-2021-44228');
  });

  it('says so when nothing was added in the window', async () => {
    replyWithKev();
    const skill = onlineSkill();

    const result = await skill.run(
      skill.input.parse({ days: 2 }),
      testContext({ now: new Date('2025-09-10T08:00:00Z') }),
    );

    expect(result.view.summary).toContain('CISA added no vulnerabilities');
    expect(result.view.table).toBeUndefined();
  });

  it('counts entries known to be used by ransomware', async () => {
    replyWithKev();
    const skill = onlineSkill();

    const result = await skill.run(
      skill.input.parse({ days: 3 }),
      testContext({ now: new Date('2021-12-12T00:00:00Z') }),
    );

    expect(result.view.summary).toContain('1 known to be used in ransomware campaigns');
  });

  it('answers plainly in offline mode when the catalog was never downloaded', async () => {
    const skill = createKevRecentSkill(createKevLoader(TEST_URLS.kev, true));

    const result = await skill.run(skill.input.parse({}), testContext());

    expect(result.data).toEqual({ available: false, reason: 'feed_not_cached' });
    expect(result.view.summary).toContain('no copy of the CISA KEV catalog is cached yet');
  });

  it.each([[0], [366], [2.5], ['7']])('refuses days = %j', (days) => {
    expect(onlineSkill().input.safeParse({ days }).success).toBe(false);
  });
});
