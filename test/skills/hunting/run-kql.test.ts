import nock from 'nock';
import { ForbiddenError, ValidationError } from '../../../src/core/errors';
import { testContext } from '../support';
import {
  JSON_HEADERS,
  LOG_ANALYTICS,
  QUERY_PATH,
  answerQuery,
  azureFixture,
  testHunting,
} from './support';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const QUERY = 'DeviceProcessEvents // odd tools\n| where FileName has ".exe"';

function resultOf(columns: string[], rows: unknown[][]) {
  return {
    tables: [
      { name: 'PrimaryResult', columns: columns.map((name) => ({ name, type: 'string' })), rows },
    ],
  };
}

describe('run_kql', () => {
  it('runs a read-only query capped in rows and a day, and shows the query it ran', async () => {
    const { registry } = testHunting();
    const sent = answerQuery(azureFixture('loganalytics-failed-signins'));

    const result = await registry.run('run_kql', { query: QUERY }, testContext());

    const ran = `${QUERY}\n| take 200`;
    expect(sent).toEqual([{ query: ran, timespan: 'PT24H' }]);
    expect(result.view.summary).toBe(
      `The query returned 2 rows for the last 1 day.\n\n\`\`\`kql\n${ran}\n\`\`\``,
    );
    expect(result.view.facts).toEqual([
      { label: 'Workspace', value: 'contoso-sentinel' },
      { label: 'Time window', value: 'Last 1 day' },
      { label: 'Row limit', value: '200' },
    ]);
    expect(result.view.table?.columns).toEqual([
      'TimeGenerated',
      'UserPrincipalName',
      'IPAddress',
      'ResultType',
      'ResultDescription',
      'AppDisplayName',
    ]);
    expect(result.view.table?.rows[1].slice(0, 4)).toEqual([
      '2026-12-02 21:16 UTC',
      'bob.lee@contoso.com',
      '185.220.101.4',
      '50053',
    ]);
    expect(result.sources).toEqual([
      expect.objectContaining({ url: `${LOG_ANALYTICS}${QUERY_PATH}`, kind: 'telemetry' }),
    ]);
    expect(result.data).toMatchObject({ query: ran, timespan: 'PT24H', rowCount: 2 });
  });

  it('refuses .drop table SigninLogs without sending anything', async () => {
    const { registry } = testHunting();
    const scope = nock(LOG_ANALYTICS).post(QUERY_PATH).reply(200, {});

    const failure = registry.run('run_kql', { query: '.drop table SigninLogs' }, testContext());

    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toThrow(
      'Warden runs read-only KQL only: management commands (starting with ".", such as .set, ' +
        '.drop or .ingest) are refused.',
    );
    expect(scope.isDone()).toBe(false);
  });

  it('bounds the window by maxHours and says so', async () => {
    const { registry } = testHunting({ maxHours: 48 });
    const sent = answerQuery(resultOf(['n'], []));

    const result = await registry.run(
      'run_kql',
      { query: 'SigninLogs | count', sinceHours: 24 * 30 },
      testContext(),
    );

    expect(sent[0].timespan).toBe('PT48H');
    expect(result.view.summary.split('\n')[0]).toBe(
      'The query returned no rows for the last 2 days. ' +
        'Warden may look back at most 2 days, so this covers that much.',
    );
    expect(result.view.table).toBeUndefined();
  });

  it('says in the summary when the result is partial', async () => {
    const { registry } = testHunting();
    answerQuery(azureFixture('loganalytics-partial-error'));

    const result = await registry.run('run_kql', { query: 'DeviceProcessEvents' }, testContext());

    expect(result.view.summary.split('\n')[0]).toBe(
      'The query returned 1 row for the last 1 day. Log Analytics returned a partial result, ' +
        'so rows may be missing: There were some errors when processing your query. — ' +
        'Query result set has exceeded the internal data size limit',
    );
  });

  it('caps the table and turns every value into short text', async () => {
    const { registry } = testHunting();
    const rows = Array.from({ length: 60 }, (_, index) => [
      `host-${index}`,
      null,
      { tags: ['a', 'b'] },
      'x'.repeat(300),
    ]);
    answerQuery(resultOf(['Host', 'Empty', 'Bag', 'Long'], rows));

    const result = await registry.run('run_kql', { query: 'Heartbeat' }, testContext());

    const table = result.view.table;
    expect(table?.rows).toHaveLength(50);
    expect(table?.caption).toBe('Showing 50 of 60.');
    expect(table?.rows[0].slice(0, 3)).toEqual(['host-0', '', '{"tags":["a","b"]}']);
    expect(table?.rows[0][3].length).toBeLessThanOrEqual(120);
    expect(table?.rows[0][3].endsWith('…')).toBe(true);
  });

  it('passes on a 403 that names the role the identity needs', async () => {
    const { registry } = testHunting();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .reply(403, { error: { code: 'InsufficientAccessError', message: 'no' } }, JSON_HEADERS);

    const failure = registry.run('run_kql', { query: 'SigninLogs' }, testContext());

    await expect(failure).rejects.toBeInstanceOf(ForbiddenError);
    await expect(failure).rejects.toMatchObject({
      userMessage: expect.stringContaining('Log Analytics Reader'),
    });
  });

  it('refuses an empty query with a hint', async () => {
    const { registry } = testHunting();

    await expect(registry.run('run_kql', { query: '  ' }, testContext())).rejects.toThrow(
      'query is empty: give a KQL query such as "SigninLogs | take 10".',
    );
  });
});
