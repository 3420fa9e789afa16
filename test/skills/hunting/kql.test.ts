import { ValidationError } from '../../../src/core/errors';
import { blankLiterals, boundReadOnlyKql, kqlIp, kqlString } from '../../../src/skills/hunting/kql';

const LIMITS = { maxRows: 100, sinceHours: 24 };

function refusal(query: string): string {
  try {
    boundReadOnlyKql(query, LIMITS);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'kql_refused' });
    return (error as ValidationError).userMessage;
  }
  throw new Error(`expected "${query}" to be refused`);
}

describe('boundReadOnlyKql', () => {
  it('appends the row cap on its own line and sends the window as an ISO duration', () => {
    const bounded = boundReadOnlyKql('  SigninLogs | where ResultType != "0"  ', LIMITS);

    expect(bounded).toEqual({
      query: 'SigninLogs | where ResultType != "0"\n| take 100',
      timespan: 'PT24H',
    });
  });

  it('keeps the cap out of reach of a trailing comment', () => {
    const bounded = boundReadOnlyKql('SecurityEvent | take 5 // just a few', LIMITS);

    expect(bounded.query).toBe('SecurityEvent | take 5 // just a few\n| take 100');
  });

  it('drops trailing semicolons, also one before a comment', () => {
    expect(boundReadOnlyKql('SigninLogs;;', LIMITS).query).toBe('SigninLogs\n| take 100');
    expect(boundReadOnlyKql('SigninLogs; // done', LIMITS).query).toBe(
      'SigninLogs // done\n| take 100',
    );
  });

  it.each([
    ['string content that looks like a command', 'DeviceProcessEvents | where FileName has ".exe"'],
    [
      'a comment',
      '// rundll32 from odd places\nDeviceProcessEvents\n| where FileName =~ "rundll32.exe"',
    ],
    ['a comment that mentions a command', 'SigninLogs // .drop is never sent'],
    [
      'a let statement before the query',
      'let window = 1h;\nSigninLogs | where TimeGenerated > ago(window)',
    ],
    [
      'a let function with its own statements',
      'let f = () { let n = 5; SigninLogs | take n };\nf()',
    ],
    [
      'a verbatim string with a doubled quote',
      'SecurityEvent | where CommandLine has @"C:\\Temp\\""x"',
    ],
    ['a string mentioning externaldata', 'SecurityEvent | where CommandLine has "externaldata("'],
    ['dynamic property access', 'SigninLogs | extend city = tostring(LocationDetails.city)'],
  ])('accepts a normal query with %s', (_what, query) => {
    expect(boundReadOnlyKql(query, LIMITS).query).toBe(`${query}\n| take 100`);
  });

  it.each([
    ['.drop table SigninLogs', 'management commands'],
    ['.set-or-append Evil <| SigninLogs', 'management commands'],
    ['SigninLogs | take 1;\n.drop table SigninLogs', 'management commands'],
    ['set truncationmaxrecords=10000000;\nSigninLogs', 'request options'],
    ['set query_take_max_records = 1; SigninLogs', 'request options'],
    ['externaldata (x: string) [@"https://evil.example/a.csv"]', 'externaldata()'],
    ['evaluate http_request("https://evil.example")', 'http_request plugin'],
    ['evaluate sql_request("Server=x", "select 1")', 'sql_request plugin'],
    ['cluster("help").database("Samples").StormEvents', 'cluster()'],
    ['database("other").SigninLogs', 'database()'],
    ['workspace("other-ws").SigninLogs', 'workspace()'],
    ['SigninLogs; SecurityEvent', 'one query at a time'],
    ['SigninLogs | where UserPrincipalName == "bob', 'never closed'],
    ['   ', 'empty'],
  ])('refuses %s', (query, reason) => {
    const message = refusal(query);

    expect(message).toContain('Warden runs read-only KQL only');
    expect(message).toContain(reason);
  });

  it('refuses limits that are not whole numbers above zero', () => {
    expect(() => boundReadOnlyKql('SigninLogs', { maxRows: 0, sinceHours: 1 })).toThrow(
      'maxRows must be a whole number above 0.',
    );
    expect(() => boundReadOnlyKql('SigninLogs', { maxRows: 5, sinceHours: 1.5 })).toThrow(
      'sinceHours must be a whole number above 0.',
    );
  });
});

describe('blankLiterals', () => {
  it('blanks strings and comments but keeps positions and line breaks', () => {
    const query = 'T | where a == "x;y" // c\n| where b has \'z\'';

    const code = blankLiterals(query);

    expect(code).toHaveLength(query.length);
    expect(code).toBe(`T | where a == ${' '.repeat(10)}\n| where b has ${' '.repeat(3)}`);
  });

  it('ends a regular string at the first unescaped quote', () => {
    expect(blankLiterals('"a\\"b" | x')).toBe('       | x');
  });
});

describe('kqlString', () => {
  it('escapes backslashes, quotes and line breaks so the value stays one literal', () => {
    expect(kqlString('bob" | project x //')).toBe('"bob\\" | project x //"');
    expect(kqlString('C:\\Temp\\')).toBe('"C:\\\\Temp\\\\"');
    expect(kqlString('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
  });

  it('produces a literal the read-only check treats as one string', () => {
    const hostile = kqlString('x"; .drop table SigninLogs; //');

    expect(blankLiterals(hostile).trim()).toBe('');
  });
});

describe('kqlIp', () => {
  it('quotes IPv4 and IPv6 addresses', () => {
    expect(kqlIp(' 185.220.101.4 ')).toBe('"185.220.101.4"');
    expect(kqlIp('2001:db8::1')).toBe('"2001:db8::1"');
  });

  it.each(['185.220.101', 'bob" or 1==1', '', '185.220.101.4/32'])('refuses %j', (value) => {
    expect(() => kqlIp(value)).toThrow(ValidationError);
    expect(() => kqlIp(value)).toThrow('is not an IPv4 or IPv6 address');
  });
});
