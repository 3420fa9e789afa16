import nock from 'nock';
import { ValidationError } from '../../../src/core/errors';
import { createAdvancedHunting } from '../../../src/connectors/graph/hunting';
import { createAdvancedHuntingSkill } from '../../../src/skills/hunting';
import { SkillRegistry } from '../../../src/skills/registry';
import { GRAPH, JSON_HEADERS, graphFixture, testGraph } from '../../connectors/graph/support';
import { testContext } from '../support';

const HUNTING = '/v1.0/security/runHuntingQuery';
const QUERY = 'DeviceProcessEvents\n| where FileName in~ ("powershell.exe", "rundll32.exe")';

interface Posted {
  Query: string;
  Timespan?: string;
}

function advancedHunting(maxRows = 100) {
  const graph = testGraph();
  const skill = createAdvancedHuntingSkill(createAdvancedHunting(graph.client), { maxRows });
  return { registry: new SkillRegistry([skill]), ...graph };
}

function answerHunting(body: object, status = 200): Posted[] {
  const posted: Posted[] = [];
  nock(GRAPH)
    .post(HUNTING, (sent: Posted) => {
      posted.push(sent);
      return true;
    })
    .reply(status, body, JSON_HEADERS);
  return posted;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('advanced_hunting', () => {
  it('posts the query capped in rows with a Timespan, and shows what ran', async () => {
    const { registry, credential } = advancedHunting();
    const posted = answerHunting(graphFixture('hunting-process-events'));

    const result = await registry.run('advanced_hunting', { query: QUERY }, testContext());

    const ran = `${QUERY}\n| take 100`;
    expect(posted).toEqual([{ Query: ran, Timespan: 'PT24H' }]);
    expect(credential.scopes).toEqual(['https://graph.microsoft.com/.default']);
    expect(result.view.summary).toContain('Advanced hunting returned 2 rows for the last 1 day.');
    expect(result.view.summary).toContain(`\`\`\`kql\n${ran}\n\`\`\``);
    expect(result.view.table?.columns).toEqual([
      'Timestamp',
      'DeviceName',
      'FileName',
      'ProcessCommandLine',
      'AccountUpn',
    ]);
    expect(result.view.table?.rows[0][2]).toBe('powershell.exe');
    expect(result.sources).toEqual([
      expect.objectContaining({ url: `${GRAPH}${HUNTING}`, kind: 'telemetry' }),
    ]);
    expect(result.data).toMatchObject({ rowCount: 2, timespan: 'PT24H' });
  });

  it('reads results in either casing', async () => {
    const { registry } = advancedHunting();
    const fixture = graphFixture('hunting-process-events');
    answerHunting({ Schema: fixture.schema, Results: fixture.results });

    const result = await registry.run('advanced_hunting', { query: QUERY }, testContext());

    expect(result.data).toMatchObject({ rowCount: 2 });
  });

  it('says so plainly when nothing matched', async () => {
    const { registry } = advancedHunting();
    answerHunting({ schema: [], results: [] });

    const result = await registry.run(
      'advanced_hunting',
      { query: QUERY, sinceHours: 72 },
      testContext(),
    );

    expect(result.view.summary).toContain('Advanced hunting returned no rows for the last 3 days.');
    expect(result.view.table).toBeUndefined();
  });

  it.each([
    ['.drop table DeviceEvents', 'management commands'],
    ['externaldata (x:string) [@"https://evil.example/x.csv"]', 'externaldata()'],
    ['DeviceEvents | take 1; DeviceProcessEvents', 'one query at a time'],
  ])('refuses %s before any request is made', async (query, reason) => {
    const { registry } = advancedHunting();

    const run = registry.run('advanced_hunting', { query }, testContext());

    await expect(run).rejects.toBeInstanceOf(ValidationError);
    await expect(run).rejects.toThrow(reason);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses a window longer than the 30 days advanced hunting keeps', async () => {
    const { registry } = advancedHunting();

    await expect(
      registry.run('advanced_hunting', { query: QUERY, sinceHours: 721 }, testContext()),
    ).rejects.toThrow('sinceHours can be at most 720 (30 days).');
  });

  it('waits out a 429 as Retry-After asks, then answers', async () => {
    const { registry, delaysMs } = advancedHunting();
    nock(GRAPH)
      .post(HUNTING)
      .reply(429, { error: { code: 'TooManyRequests' } }, { ...JSON_HEADERS, 'retry-after': '3' });
    answerHunting(graphFixture('hunting-process-events'));

    const result = await registry.run('advanced_hunting', { query: QUERY }, testContext());

    expect(delaysMs).toEqual([3000]);
    expect(result.data).toMatchObject({ rowCount: 2 });
  });
});
