import nock from 'nock';
import { ForbiddenError, UnavailableError } from '../../../src/core/errors';
import { parseQueryResponse } from '../../../src/connectors/azure/log-analytics';
import {
  JSON_HEADERS,
  LOG_ANALYTICS,
  QUERY_PATH,
  abortSignal,
  azureFixture,
  testLogAnalytics,
} from './support';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const FAILED_SIGNINS = 'SigninLogs | where ResultType != "0" | take 100';

describe('LogAnalyticsClient', () => {
  it('posts query and timespan with a <base>/.default token and returns row objects', async () => {
    const { client, credential } = testLogAnalytics();
    const scope = nock(LOG_ANALYTICS, { reqheaders: { authorization: 'Bearer la-test-token' } })
      .post(QUERY_PATH, { query: FAILED_SIGNINS, timespan: 'PT24H' })
      .reply(200, azureFixture('loganalytics-failed-signins'), JSON_HEADERS);

    const result = await client.query({
      query: FAILED_SIGNINS,
      timespan: 'PT24H',
      signal: abortSignal(),
    });

    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({
      UserPrincipalName: 'bob.lee@contoso.com',
      IPAddress: '185.220.101.4',
      ResultType: '50126',
    });
    expect(result.tables.map((table) => table.name)).toEqual(['PrimaryResult']);
    expect(result.partialError).toBeUndefined();
    expect(result.requestUrl).toBe(`${LOG_ANALYTICS}${QUERY_PATH}`);
    expect(credential.scopes).toEqual(['https://api.loganalytics.io/.default']);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps the rows of a partial result and surfaces the error beside them', async () => {
    const { client } = testLogAnalytics();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .reply(200, azureFixture('loganalytics-partial-error'), JSON_HEADERS);

    const result = await client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    expect(result.rows).toEqual([
      { DeviceName: 'bob-laptop', FileName: 'rundll32.exe', count_: 1 },
    ]);
    expect(result.partialError).toContain('There were some errors');
    expect(result.partialError).toContain('exceeded the internal data size limit');
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const { client, delaysMs } = testLogAnalytics();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .reply(
        429,
        { error: { code: 'TooManyRequests', message: 'slow down' } },
        {
          ...JSON_HEADERS,
          'retry-after': '4',
        },
      )
      .post(QUERY_PATH)
      .reply(200, azureFixture('loganalytics-failed-signins'), JSON_HEADERS);

    const result = await client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    expect(result.rows).toHaveLength(2);
    expect(delaysMs).toEqual([4000]);
  });

  it('retries a 500, then turns one that persists into an UnavailableError', async () => {
    const { client, delaysMs } = testLogAnalytics();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .times(10)
      .reply(500, { error: { code: 'InternalServerError', message: 'boom' } }, JSON_HEADERS);

    const failure = client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    await expect(failure).rejects.toBeInstanceOf(UnavailableError);
    await expect(failure).rejects.toMatchObject({ code: 'loganalytics_request_failed' });
    expect(delaysMs).toHaveLength(2);
  });

  it('says which role is missing on a 403', async () => {
    const { client } = testLogAnalytics();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .reply(403, { error: { code: 'InsufficientAccessError', message: 'no' } }, JSON_HEADERS);

    const failure = client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    await expect(failure).rejects.toBeInstanceOf(ForbiddenError);
    await expect(failure).rejects.toMatchObject({
      userMessage: expect.stringContaining('Log Analytics Reader'),
    });
  });

  it('reports the inner reason of a 400 so the query can be corrected', async () => {
    const { client } = testLogAnalytics();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .reply(
        400,
        {
          error: {
            code: 'BadArgumentError',
            message: 'The request had some invalid properties',
            innererror: { code: 'SyntaxError', message: "Query could not be parsed at 'whre'" },
          },
        },
        JSON_HEADERS,
      );

    const failure = client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    await expect(failure).rejects.toMatchObject({
      code: 'loganalytics_query_invalid',
      userMessage: expect.stringContaining("could not be parsed at 'whre'"),
    });
  });

  it('reads the PascalCase shape (Tables, Columns by ColumnName, Rows)', async () => {
    const { client } = testLogAnalytics();
    const documented = {
      Tables: [
        {
          TableName: 'Table_0',
          Columns: [
            { ColumnName: 'Computer', DataType: 'String', ColumnType: 'string' },
            { ColumnName: 'EventID', DataType: 'Int32', ColumnType: 'int' },
            { ColumnName: 'TimeGenerated', DataType: 'DateTime', ColumnType: 'datetime' },
          ],
          Rows: [
            ['CONTOSO-DC01', 4688, '2026-12-02T21:14:05Z'],
            ['CONTOSO-DC02', 4625, null],
          ],
        },
      ],
    };
    nock(LOG_ANALYTICS).post(QUERY_PATH).reply(200, documented, JSON_HEADERS);

    const result = await client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    expect(result.tables.map((table) => table.name)).toEqual(['Table_0']);
    expect(result.rows).toEqual([
      { Computer: 'CONTOSO-DC01', EventID: 4688, TimeGenerated: '2026-12-02T21:14:05Z' },
      { Computer: 'CONTOSO-DC02', EventID: 4625, TimeGenerated: null },
    ]);
  });

  it('reads the documented lowercase shape, where numbers may arrive as strings', () => {
    const documented = {
      tables: [
        {
          name: 'PrimaryResult',
          columns: [
            { name: 'Computer', type: 'string' },
            { name: 'LinkedResourceUri', type: 'string' },
            { name: 'TotalBatches', type: 'long' },
            { name: 'IsBillable', type: 'bool' },
          ],
          rows: [['ContosoSQLSrv1', null, '1', 'true']],
        },
      ],
    };

    const result = parseQueryResponse(documented, 'https://la.test/query');

    expect(result.rows).toEqual([
      {
        Computer: 'ContosoSQLSrv1',
        LinkedResourceUri: null,
        TotalBatches: '1',
        IsBillable: 'true',
      },
    ]);
    expect(result.requestUrl).toBe('https://la.test/query');
  });

  it('reports a query the service gave up on without any table', async () => {
    const { client } = testLogAnalytics();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .reply(
        200,
        { error: { code: 'GatewayTimeout', message: 'The query exceeded the time limit' } },
        JSON_HEADERS,
      );

    const failure = client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    await expect(failure).rejects.toMatchObject({
      code: 'loganalytics_query_failed',
      userMessage: expect.stringContaining('exceeded the time limit'),
    });
  });

  it('refuses an answer with neither tables nor an error', async () => {
    const { client } = testLogAnalytics();
    nock(LOG_ANALYTICS).post(QUERY_PATH).reply(200, { value: [] }, JSON_HEADERS);

    const failure = client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    await expect(failure).rejects.toMatchObject({ code: 'loganalytics_response_invalid' });
  });

  it('says the service is throttling when a 429 outlasts the retries', async () => {
    const { client, delaysMs } = testLogAnalytics();
    nock(LOG_ANALYTICS)
      .post(QUERY_PATH)
      .times(3)
      .reply(
        429,
        { error: { code: 'TooManyRequests', message: 'slow down' } },
        {
          ...JSON_HEADERS,
          'retry-after': '1',
        },
      );

    const failure = client.query({ query: 'x', timespan: 'PT1H', signal: abortSignal() });

    await expect(failure).rejects.toMatchObject({ code: 'loganalytics_throttled' });
    expect(delaysMs).toEqual([1000, 1000]);
  });
});
