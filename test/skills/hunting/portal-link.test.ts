import { gunzipSync } from 'node:zlib';
import { ValidationError } from '../../../src/core/errors';
import { portalLogsLinks } from '../../../src/skills/hunting';

const RESOURCE_ID =
  '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/soc-rg' +
  '/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel';

/** Reads the query back out of a link, the way the portal does. */
function queryIn(link: string): string {
  const packed = /\/q\/([^/]+)/.exec(link)?.[1] ?? '';
  return gunzipSync(Buffer.from(decodeURIComponent(packed), 'base64')).toString('utf8');
}

describe('portalLogsLinks', () => {
  it('opens the query in the Logs blade of the workspace', () => {
    const query = 'SigninLogs\n| where UserPrincipalName =~ "bob@contoso.com"\n| take 200';

    const link = portalLogsLinks(RESOURCE_ID)(query);

    expect(link).toMatch(
      new RegExp(
        '^https://portal\\.azure\\.com/#blade/Microsoft_Azure_Monitoring_Logs/LogsBlade' +
          `/resourceId/${encodeURIComponent(RESOURCE_ID)}` +
          '/source/LogsBlade\\.AnalyticsShareLinkToQuery/q/[A-Za-z0-9%]+$',
      ),
    );
    expect(queryIn(link)).toBe(query);
  });

  it('adds the time window and honours another portal', () => {
    const link = portalLogsLinks(RESOURCE_ID, 'https://portal.azure.us/')('Heartbeat', 'PT168H');

    expect(link.startsWith('https://portal.azure.us/#blade/')).toBe(true);
    expect(link.endsWith('/timespan/PT168H')).toBe(true);
    expect(queryIn(link)).toBe('Heartbeat');
  });

  it('refuses something that is not a workspace resource id', () => {
    expect(() => portalLogsLinks('6e3c2a1b-7d44-4f0e-9a51-1c2b3d4e5f60')).toThrow(ValidationError);
    expect(() => portalLogsLinks('/subscriptions/x/resourceGroups/y')).toThrow(
      'is not a Log Analytics workspace resource id',
    );
  });
});
