import nock from 'nock';
import { ValidationError } from '../../../src/core/errors';
import { testContext } from '../support';
import { LOG_ANALYTICS, QUERY_PATH, answerQuery, azureFixture, testHunting } from './support';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const EMPTY = { tables: [{ name: 'PrimaryResult', columns: [], rows: [] }] };

describe('hunt', () => {
  it('hunts failed sign-ins for a UPN over the last 7 days and shows the query', async () => {
    const { registry } = testHunting();
    const sent = answerQuery(azureFixture('loganalytics-failed-signins-summary'));

    const result = await registry.run(
      'hunt',
      { hunt: 'failed_signins', user: 'bob.lee@contoso.com' },
      testContext(),
    );

    const query = [
      'SigninLogs',
      '| where ResultType != "0"',
      '| where UserPrincipalName =~ "bob.lee@contoso.com"',
      '| summarize Attempts = count(), FirstSeen = min(TimeGenerated),',
      '    LastSeen = max(TimeGenerated), Apps = make_set(AppDisplayName, 5)',
      '    by UserPrincipalName, IPAddress, ResultType, ResultDescription',
      '| order by Attempts desc',
      '| take 200',
    ].join('\n');
    expect(sent).toEqual([{ query, timespan: 'PT168H' }]);
    expect(result.view.summary).toBe(
      '18 failed sign-ins for bob.lee@contoso.com in the last 7 days, from 2 IP addresses.' +
        `\n\n\`\`\`kql\n${query}\n\`\`\``,
    );
    expect(result.view.table?.columns).toEqual([
      'UserPrincipalName',
      'IPAddress',
      'ResultType',
      'ResultDescription',
      'Attempts',
      'FirstSeen',
      'LastSeen',
      'Apps',
    ]);
    expect(result.view.table?.rows[0]).toEqual([
      'bob.lee@contoso.com',
      '185.220.101.4',
      '50126',
      'Error validating credentials due to invalid username or password.',
      '14',
      '2025-08-24 21:14 UTC',
      '2025-08-25 02:40 UTC',
      '["Office 365 Exchange Online"]',
    ]);
    expect(result.sources).toEqual([
      {
        title: 'Log Analytics query — contoso-sentinel',
        url: `${LOG_ANALYTICS}${QUERY_PATH}`,
        kind: 'telemetry',
        retrievedAt: '2025-08-26T12:00:00.000Z',
      },
    ]);
    expect(result.data).toMatchObject({ hunt: 'failed_signins', query, rowCount: 3 });
  });

  it('escapes a hostile user value so it stays a string literal', async () => {
    const { registry } = testHunting();
    const sent = answerQuery(EMPTY);

    const result = await registry.run(
      'hunt',
      { hunt: 'failed_signins', user: 'bob" | project x //' },
      testContext(),
    );

    expect(sent[0].query.split('\n')[2]).toBe(
      '| where UserPrincipalName startswith "bob\\" | project x //" ' +
        'or UserDisplayName has "bob\\" | project x //"',
    );
    expect(result.view.summary).toMatch(/^No failed sign-ins for bob" \| project x \/\/ in the/);
    expect(result.view.table).toBeUndefined();
  });

  it('hunts risky sign-ins from a defanged IP', async () => {
    const { registry } = testHunting();
    const sent = answerQuery(azureFixture('loganalytics-failed-signins'));

    const result = await registry.run(
      'hunt',
      { hunt: 'anomalous_signins', ip: '185[.]220[.]101[.]4', sinceDays: 2 },
      testContext(),
    );

    expect(sent).toEqual([
      {
        query: [
          'SigninLogs',
          '| where RiskLevelDuringSignIn in~ ("low", "medium", "high")',
          '    or RiskLevelAggregated in~ ("low", "medium", "high") or RiskState =~ "atRisk"',
          '| where IPAddress == "185.220.101.4"',
          '| project TimeGenerated, UserPrincipalName, IPAddress, Location, AppDisplayName,',
          '    RiskLevelDuringSignIn, RiskLevelAggregated, RiskState, RiskEventTypes_V2, ' +
            'ResultType',
          '| order by TimeGenerated desc',
          '| take 200',
        ].join('\n'),
        timespan: 'PT48H',
      },
    ]);
    expect(result.view.summary).toMatch(
      /^2 risky sign-ins from 185\[\.\]220\[\.\]101\[\.\]4 in the last 2 days\./,
    );
  });

  it('follows an IP across sign-in, firewall and endpoint tables', async () => {
    const { registry } = testHunting();
    const sent = answerQuery(azureFixture('loganalytics-ip-activity'));

    const result = await registry.run(
      'hunt',
      { hunt: 'ip_activity', ip: '185.220.101.4' },
      testContext(),
    );

    expect(sent[0].query).toBe(
      [
        'union isfuzzy=true',
        '  (SigninLogs',
        '    | where IPAddress == "185.220.101.4"',
        '    | extend Table = "SigninLogs",',
        '        Action = iff(ResultType == "0", "Sign-in succeeded", "Sign-in failed"),',
        '        Entity = UserPrincipalName),',
        '  (CommonSecurityLog',
        '    | where SourceIP == "185.220.101.4" or DestinationIP == "185.220.101.4"',
        '    | extend Table = "CommonSecurityLog", Action = coalesce(DeviceAction, Activity),',
        '        Entity = strcat(DeviceVendor, " ", DeviceProduct)),',
        '  (DeviceNetworkEvents',
        '    | where RemoteIP == "185.220.101.4" or LocalIP == "185.220.101.4"',
        '    | extend Table = "DeviceNetworkEvents", Action = ActionType, Entity = DeviceName)',
        '| summarize Events = count(), FirstSeen = min(TimeGenerated),',
        '    LastSeen = max(TimeGenerated), Seen = make_set(Entity, 10) by Table, Action',
        '| order by Events desc',
        '| take 200',
      ].join('\n'),
    );
    expect(result.view.summary.split('\n')[0]).toBe(
      'Activity from 185[.]220[.]101[.]4 in the last 7 days appears in SigninLogs, ' +
        'DeviceNetworkEvents, CommonSecurityLog.',
    );
    expect(result.view.table?.rows.map((row) => row.slice(0, 3))).toEqual([
      ['SigninLogs', 'Sign-in failed', '17'],
      ['DeviceNetworkEvents', 'ConnectionSuccess', '4'],
      ['CommonSecurityLog', 'deny', '2'],
    ]);
  });

  it('finds rare processes on one host, with the host written as a literal', async () => {
    const { registry } = testHunting();
    const sent = answerQuery(azureFixture('loganalytics-rare-processes'));

    const result = await registry.run(
      'hunt',
      { hunt: 'rare_processes', host: 'CONTOSO-LT-0115' },
      testContext(),
    );

    const lines = sent[0].query.split('\n');
    expect(lines[0]).toBe('let processes = union isfuzzy=true');
    expect(lines).toContain(
      '        Process = tolower(tostring(split(NewProcessName, "\\\\")[-1])), CommandLine);',
    );
    expect(lines).toContain(
      '| where Host =~ "CONTOSO-LT-0115" or Host startswith "CONTOSO-LT-0115."',
    );
    expect(lines).toContain('| where OrgDevices <= 3');
    expect(lines[lines.length - 1]).toBe('| take 200');
    expect(result.view.summary.split('\n')[0]).toBe(
      '2 rare processes on CONTOSO-LT-0115 in the last 7 days ' +
        '(run on at most 3 devices in the organisation).',
    );
    expect(result.view.table?.rows.map((row) => row[0])).toEqual(['rclone.exe', 'adfind.exe']);
  });

  it('shortens a window longer than allowed and says so', async () => {
    const { registry } = testHunting({ maxHours: 72 });
    const sent = answerQuery(EMPTY);

    const result = await registry.run(
      'hunt',
      { hunt: 'failed_signins', ip: '203.0.113.77', sinceDays: 30 },
      testContext(),
    );

    expect(sent[0].timespan).toBe('PT72H');
    expect(result.view.summary.split('\n')[0]).toBe(
      'No failed sign-ins from 203[.]0[.]113[.]77 in the last 3 days. ' +
        'Warden may look back at most 3 days, so this covers that much.',
    );
  });

  it('surfaces a partial result in the summary', async () => {
    const { registry } = testHunting();
    answerQuery(azureFixture('loganalytics-partial-error'));

    const result = await registry.run(
      'hunt',
      { hunt: 'rare_processes', host: 'bob-laptop' },
      testContext(),
    );

    expect(result.view.summary).toContain(
      'Log Analytics returned a partial result, so rows may be missing: There were some errors',
    );
    expect(result.data).toMatchObject({ partialError: expect.stringContaining('size limit') });
  });

  it('cites the query in the Azure portal when a link can be made', async () => {
    const portalQueryUrl = jest.fn(
      (query: string, timespan?: string) => `https://portal.test/#q/${query.length}/${timespan}`,
    );
    const { registry } = testHunting({ portalQueryUrl });
    const sent = answerQuery(EMPTY);

    const result = await registry.run(
      'hunt',
      { hunt: 'ip_activity', ip: '203.0.113.77' },
      testContext(),
    );

    expect(portalQueryUrl).toHaveBeenCalledWith(sent[0].query, 'PT168H');
    expect(result.sources[1]).toMatchObject({
      title: 'This query in the Azure portal — contoso-sentinel',
      url: `https://portal.test/#q/${sent[0].query.length}/PT168H`,
      kind: 'telemetry',
    });
  });

  it.each([
    [{ hunt: 'failed_signins' }, 'failed_signins needs a user (UPN or name) or an ip'],
    [
      { hunt: 'anomalous_signins', host: 'x' },
      'anomalous_signins needs a user (UPN or name) or an ip',
    ],
    [{ hunt: 'ip_activity', user: 'bob' }, 'ip_activity needs an ip, such as 185.220.101.4.'],
    [{ hunt: 'rare_processes' }, 'rare_processes needs a host'],
    [{ hunt: 'ip_activity', ip: 'not-an-ip' }, 'ip must be an IPv4 or IPv6 address'],
    [{ hunt: 'password_spray', user: 'bob' }, 'hunt:'],
  ])(
    'tells which parameter is missing or wrong for %j, before any query',
    async (input, message) => {
      const { registry } = testHunting();
      const scope = nock(LOG_ANALYTICS).post(QUERY_PATH).reply(200, EMPTY);

      const failure = registry.run('hunt', input, testContext());

      await expect(failure).rejects.toBeInstanceOf(ValidationError);
      await expect(failure).rejects.toThrow(message);
      expect(scope.isDone()).toBe(false);
    },
  );
});
