import nock from 'nock';
import { createOsvQuerySkill } from '../../../src/skills/threatintel/osv-query';
import { fixtureText, TEST_URLS, testContext, threatIntelOptions } from '../support';

const osvHost = () => nock(new URL(TEST_URLS.osv).origin);
const QUERY_PATH = `${new URL(TEST_URLS.osv).pathname}/query`;
const LOG4J = {
  ecosystem: 'maven',
  name: 'org.apache.logging.log4j:log4j-core',
  version: '2.14.1',
};

describe('osv_query', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('posts the package and version and lists vulnerabilities with fixed versions', async () => {
    const query = osvHost()
      .post(QUERY_PATH, {
        package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' },
        version: '2.14.1',
      })
      .reply(200, fixtureText('osv-log4j-core-2.14.1.response.json'), {
        'Content-Type': 'application/json',
      });
    const skill = createOsvQuerySkill(threatIntelOptions());

    const result = await skill.run(skill.input.parse(LOG4J), testContext());

    expect(query.isDone()).toBe(true);
    expect(result.data).toMatchObject({ count: 3 });
    const [log4shell] = (result.data as { vulns: Record<string, unknown>[] }).vulns;
    expect(log4shell).toMatchObject({
      id: 'GHSA-jfh8-c2jp-5v3q',
      aliases: ['CVE-2021-44228'],
      severity: 'CRITICAL',
      cvssVectors: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H'],
      affectedRanges: ['from 2.13.0, fixed in 2.15.0', 'from 2.4, fixed in 2.12.2'],
      fixedVersions: ['2.15.0', '2.12.2'],
      url: 'https://osv.dev/vulnerability/GHSA-jfh8-c2jp-5v3q',
    });
    expect(result.view.summary).toContain('OSV lists 3 known vulnerabilities affecting');
    expect(result.view.table?.rows[0]).toEqual([
      'GHSA-jfh8-c2jp-5v3q',
      'Remote code injection in Log4j',
      'CVE-2021-44228',
      'CRITICAL',
      '2.15.0, 2.12.2',
    ]);
    expect(result.sources[0]).toMatchObject({
      kind: 'threat-intel',
      title: 'OSV — GHSA-jfh8-c2jp-5v3q',
    });
  });

  it('ignores git commit ranges when describing affected versions', async () => {
    osvHost().post(QUERY_PATH).reply(200, fixtureText('osv-log4j-core-2.14.1.response.json'), {
      'Content-Type': 'application/json',
    });
    const skill = createOsvQuerySkill(threatIntelOptions());

    const result = await skill.run(skill.input.parse(LOG4J), testContext());

    const third = (result.data as { vulns: { fixedVersions: string[] }[] }).vulns[2];
    expect(third.fixedVersions).toEqual(['2.3.2', '2.17.1']);
  });

  it('reports a package version with no known vulnerabilities', async () => {
    osvHost().post(QUERY_PATH).reply(200, '{}', { 'Content-Type': 'application/json' });
    const skill = createOsvQuerySkill(threatIntelOptions());

    const result = await skill.run(
      skill.input.parse({ ecosystem: 'npm', name: 'left-pad', version: '1.3.0' }),
      testContext(),
    );

    expect(result.view.summary).toBe(
      'OSV lists no known vulnerabilities for left-pad 1.3.0 (npm).',
    );
    expect(result.view.table).toBeUndefined();
  });

  it('follows next_page_token to read every page', async () => {
    const page = (id: string, token?: string) => ({
      vulns: [{ id, summary: id, affected: [] }],
      ...(token ? { next_page_token: token } : {}),
    });
    osvHost()
      .post(QUERY_PATH, (body) => !body.page_token)
      .reply(200, page('OSV-1', 'p2'));
    osvHost()
      .post(QUERY_PATH, (body) => body.page_token === 'p2')
      .reply(200, page('OSV-2'));
    const skill = createOsvQuerySkill(threatIntelOptions());

    const result = await skill.run(
      skill.input.parse({ ecosystem: 'PyPI', name: 'example', version: '1.0' }),
      testContext(),
    );

    expect(result.data).toMatchObject({ count: 2 });
  });

  it('turns an OSV 400 into a clear validation error', async () => {
    osvHost()
      .post(QUERY_PATH)
      .reply(
        400,
        { code: 3, message: 'Invalid ecosystem.' },
        { 'Content-Type': 'application/json' },
      );
    const skill = createOsvQuerySkill(threatIntelOptions());

    await expect(
      skill.run(skill.input.parse({ ecosystem: 'Nope', name: 'x', version: '1' }), testContext()),
    ).rejects.toMatchObject({ code: 'osv_query_invalid', status: 400 });
  });

  it('says OSV is unavailable after server errors', async () => {
    osvHost().post(QUERY_PATH).times(3).reply(503);
    const skill = createOsvQuerySkill(threatIntelOptions());

    await expect(skill.run(skill.input.parse(LOG4J), testContext())).rejects.toMatchObject({
      code: 'osv_unavailable',
    });
  });

  it('answers without a request in offline mode', async () => {
    const skill = createOsvQuerySkill(threatIntelOptions({ offline: true }));

    const result = await skill.run(skill.input.parse(LOG4J), testContext());

    expect(result.data).toEqual({ available: false, reason: 'offline' });
    expect(result.view.summary).toContain('THREAT_INTEL_OFFLINE=false');
  });

  it.each([
    ['pip', 'PyPI'],
    ['GOLANG', 'Go'],
    ['cargo', 'crates.io'],
    ['NuGet', 'NuGet'],
    ['SomethingNew', 'SomethingNew'],
  ])('spells the ecosystem %j as OSV does (%j)', (ecosystem, expected) => {
    const skill = createOsvQuerySkill(threatIntelOptions());
    expect(skill.input.parse({ ecosystem, name: 'x', version: '1' }).ecosystem).toBe(expected);
  });

  it('refuses an empty version', () => {
    const skill = createOsvQuerySkill(threatIntelOptions());
    expect(skill.input.safeParse({ ecosystem: 'npm', name: 'x', version: ' ' }).success).toBe(
      false,
    );
  });
});
