import { SLACK_BOT_SCOPES } from '../../../src/channels/slack';
import { askByMention, startSlackHarness, type SlackHarness } from './harness';
import { eventRequest, mention } from './requests';
import { INSTALLED_TOKEN } from './slack-api';

describe('Slack OAuth install', () => {
  let harness: SlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness({
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'a-long-random-state-secret',
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  async function startInstall() {
    const response = await fetch(`${harness.warden.url}/api/slack/install`, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    return { response, location, state: location.searchParams.get('state') ?? '', cookie };
  }

  function finish(query: Record<string, string>, cookie?: string) {
    const url = `${harness.warden.url}/api/slack/oauth_redirect?${new URLSearchParams(query)}`;
    return fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
  }

  it('sends the admin to Slack with the client id, the bot scopes and a signed state', async () => {
    const { response, location, cookie } = await startInstall();

    expect(response.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('1111.2222');
    expect(location.searchParams.get('scope')).toBe(SLACK_BOT_SCOPES.join(','));
    expect(cookie).toMatch(/^warden_slack_oauth=[0-9a-f]{32}$/);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; Secure; SameSite=Lax/);
  });

  it('stores the install, then answers that workspace with its own bot token', async () => {
    const { state, cookie } = await startInstall();

    const page = await finish({ code: 'good-code', state }, cookie);
    const { post } = await askByMention(harness, 'Show open high-severity incidents', {
      team: 'T999',
      ts: '1736505000.000001',
    });

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Warden is now in Fabrikam.');
    expect(post.token).toBe(INSTALLED_TOKEN);
    const stored = await harness.warden.warden.store.get<{
      installation: { bot: { userId: string } };
    }>('installations', 'T999', 'slack-installation');
    expect(stored?.installation.bot).toMatchObject({ userId: 'UFABWARDEN', id: 'BFABWARDEN' });
  });

  it('refuses a callback whose state Warden did not sign', async () => {
    const { cookie } = await startInstall();
    const forged = `${Math.floor(Date.now() / 1000)}.${cookie.split('=')[1]}.AAAA`;

    const page = await finish({ code: 'good-code', state: forged }, cookie);

    expect(page.status).toBe(400);
    expect(await page.text()).toContain('The install link is not one Warden issued.');
  });

  it('refuses a callback in a browser that did not start the install', async () => {
    const { state } = await startInstall();

    const page = await finish({ code: 'good-code', state }, 'warden_slack_oauth=someone-else');

    expect(page.status).toBe(400);
    expect(await page.text()).toContain('must finish in the browser that started it');
  });

  it('explains a cancelled install', async () => {
    const page = await finish({ error: 'access_denied' });

    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Slack said &quot;access_denied&quot;');
  });

  it('acknowledges events from a workspace without an install, and answers nothing', async () => {
    const before = harness.slack.callsOf('chat.postMessage').length;

    const ack = await harness.send(eventRequest(mention('Show open incidents', { team: 'T404' })));
    await harness.idle();

    expect(ack.status).toBe(200);
    expect(harness.slack.callsOf('chat.postMessage')).toHaveLength(before);
  });
});
