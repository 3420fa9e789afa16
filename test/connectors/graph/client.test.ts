import nock from 'nock';
import { ForbiddenError, UnavailableError } from '../../../src/core/errors';
import { GRAPH, JSON_HEADERS, graphFixture, readContext, testGraph } from './support';

const INCIDENTS = '/v1.0/security/incidents';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('GraphClient', () => {
  it('follows @odata.nextLink across two pages, with a token for <base>/.default', async () => {
    const { client, credential } = testGraph();
    const pages = nock(GRAPH, { reqheaders: { authorization: 'Bearer graph-test-token' } })
      .get(INCIDENTS)
      .query({ $expand: 'alerts' })
      .reply(200, graphFixture('incidents-page-1'), JSON_HEADERS)
      .get(INCIDENTS)
      .query({ $expand: 'alerts', $skiptoken: 'page2' })
      .reply(200, graphFixture('incidents-page-2'), JSON_HEADERS);

    const page = await client.list({
      path: INCIDENTS,
      query: { $expand: 'alerts' },
      signal: readContext().signal,
    });

    expect(page.items.map((item) => item.id)).toEqual(['2041', '2038']);
    expect(page.truncated).toBe(false);
    expect(page.requestUrl).toBe(`${GRAPH}${INCIDENTS}?%24expand=alerts`);
    expect(credential.scopes).toEqual(['https://graph.microsoft.com/.default']);
    expect(pages.isDone()).toBe(true);
  });

  it('stops at the page cap and says the list was cut', async () => {
    const { client } = testGraph({ maxPages: 1 });
    nock(GRAPH)
      .get(INCIDENTS)
      .query(true)
      .reply(200, graphFixture('incidents-page-1'), JSON_HEADERS);

    const page = await client.list({ path: INCIDENTS, signal: readContext().signal });

    expect(page.items).toHaveLength(1);
    expect(page.truncated).toBe(true);
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const { client, delaysMs } = testGraph();
    nock(GRAPH)
      .get(INCIDENTS)
      .reply(
        429,
        { error: { code: 'TooManyRequests', message: 'slow down' } },
        {
          ...JSON_HEADERS,
          'retry-after': '3',
        },
      )
      .get(INCIDENTS)
      .reply(200, graphFixture('incidents-page-2'), JSON_HEADERS);

    const page = await client.list({ path: INCIDENTS, signal: readContext().signal });

    expect(page.items.map((item) => item.id)).toEqual(['2038']);
    expect(delaysMs).toEqual([3000]);
  });

  it('surfaces a 500 that outlasts the retries as an unavailable source', async () => {
    const { client } = testGraph();
    nock(GRAPH)
      .get(INCIDENTS)
      .times(3)
      .reply(500, { error: { code: 'InternalServerError', message: 'boom' } }, JSON_HEADERS);

    const failure = client.list({ path: INCIDENTS, signal: readContext().signal });

    await expect(failure).rejects.toBeInstanceOf(UnavailableError);
    await expect(failure).rejects.toMatchObject({
      code: 'graph_request_failed',
      detail: { status: 500, serviceCode: 'InternalServerError' },
    });
  });

  it('tells the administrator which permission is missing on a 403', async () => {
    const { client } = testGraph();
    nock(GRAPH)
      .get('/v1.0/auditLogs/signIns')
      .reply(403, { error: { code: 'Authorization_RequestDenied' } }, JSON_HEADERS);

    const failure = client.list({ path: '/v1.0/auditLogs/signIns', signal: readContext().signal });

    await expect(failure).rejects.toBeInstanceOf(ForbiddenError);
    await expect(failure).rejects.toMatchObject({
      userMessage: expect.stringMatching(/application permission .* README/),
    });
  });

  it('uses a sovereign cloud root for requests and for the token scope', async () => {
    const { client, credential } = testGraph({ baseUrl: 'https://graph.microsoft.us/' });
    nock('https://graph.microsoft.us').get('/v1.0/users').reply(200, { value: [] }, JSON_HEADERS);

    await client.list({ path: '/v1.0/users', signal: readContext().signal });

    expect(credential.scopes).toEqual(['https://graph.microsoft.us/.default']);
  });

  it('refuses to send its token to a next page on another host', async () => {
    const { client } = testGraph();
    nock(GRAPH)
      .get('/v1.0/users')
      .reply(
        200,
        { value: [], '@odata.nextLink': 'https://evil.example/v1.0/users?$skiptoken=x' },
        JSON_HEADERS,
      );

    await expect(
      client.list({ path: '/v1.0/users', signal: readContext().signal }),
    ).rejects.toMatchObject({ code: 'graph_next_link_foreign' });
  });

  it('turns a credential failure into a sign-in error that names the settings', async () => {
    const { client } = testGraph({ credential: failing() });

    await expect(
      client.list({ path: '/v1.0/users', signal: readContext().signal }),
    ).rejects.toMatchObject({
      code: 'azure_auth_failed',
      userMessage: expect.stringMatching(/AZURE_TENANT_ID/),
    });
  });
});

function failing() {
  return {
    getToken: async () => {
      throw new Error('ManagedIdentityCredential: no identity endpoint');
    },
  };
}
