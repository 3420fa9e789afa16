import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto';
import nock from 'nock';
import { requestJson } from '../../support/in-process';
import { IDS, cardAction, fixture, postActivity } from './activities';
import { type TeamsTestWarden, startTeamsWarden } from './harness';

const APP_ID = '9f3c2a61-7d4e-4b1a-8c55-0e6b7d2f1a93';
const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'warden-test-key';

/** Bot Framework's signing keys as login.botframework.com publishes them (one test key here). */
function mockBotFrameworkKeys(publicKey: KeyObject): void {
  const jwk = publicKey.export({ format: 'jwk' });
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, {
      issuer: ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    })
    .get('/v1/.well-known/keys')
    .reply(200, {
      keys: [
        { kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] },
      ],
    });
}

/** A Bot Connector token: RS256, issued by Bot Framework for this bot and serviceUrl. */
function botConnectorToken(privateKey: KeyObject, claims: Record<string, unknown>, kid = KEY_ID) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'RS256', typ: 'JWT', kid, x5t: kid })}.${encode({
    iss: ISSUER,
    aud: APP_ID,
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  })}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), privateKey).toString('base64url')}`;
}

const keyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('Teams endpoint with an app id', () => {
  let app: TeamsTestWarden;
  const botFramework = keyPair();
  const stranger = keyPair();

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
    mockBotFrameworkKeys(botFramework.publicKey);
    app = await startTeamsWarden({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used' });
  });
  afterAll(async () => {
    await app.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => app.connector.reset());

  async function expectNothingProcessed() {
    expect(app.connector.calls).toEqual([]);
    expect(await app.warden.turns.recent(IDS.tenant, IDS.incidentChannel, 10)).toEqual([]);
    expect(await app.warden.directory.get(IDS.tenant, IDS.incidentChannel)).toBeUndefined();
  }

  it('refuses a request without a token with 401, and processes nothing', async () => {
    const { status, body } = await postActivity(
      app.url,
      fixture('message.channel-mention', app.connector.url),
    );

    expect(status).toBe(401);
    expect(body.error.code).toBe('teams_unauthorized');
    await expectNothingProcessed();
  });

  it('refuses a token that is not a Bot Framework token', async () => {
    const { status } = await postActivity(
      app.url,
      fixture('message.channel-mention', app.connector.url),
      { Authorization: 'Bearer not-a-jwt' },
    );

    expect(status).toBe(401);
    await expectNothingProcessed();
  });

  it('refuses tokens signed with a key Bot Framework does not publish, not with 500', async () => {
    // botbuilder prints signature errors with console.error; keep the test output readable.
    const silenced = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const activity = fixture('message.channel-mention', app.connector.url);
    const claims = { serviceurl: app.connector.url };

    const unknownKey = await postActivity(app.url, activity, {
      Authorization: `Bearer ${botConnectorToken(stranger.privateKey, claims, 'unknown-key')}`,
    });
    const forgedSignature = await postActivity(app.url, activity, {
      Authorization: `Bearer ${botConnectorToken(stranger.privateKey, claims)}`,
    });
    silenced.mockRestore();

    expect(unknownKey.status).toBe(401);
    expect(forgedSignature.status).toBe(401);
    await expectNothingProcessed();
  });

  it('refuses a valid token issued for another bot or another serviceUrl', async () => {
    const activity = fixture('message.channel-mention', app.connector.url);

    const otherBot = await postActivity(app.url, activity, {
      Authorization: `Bearer ${botConnectorToken(botFramework.privateKey, {
        aud: 'f1e2d3c4-0000-4000-8000-000000000000',
        serviceurl: app.connector.url,
      })}`,
    });
    const otherService = await postActivity(app.url, activity, {
      Authorization: `Bearer ${botConnectorToken(botFramework.privateKey, {
        serviceurl: 'https://smba.trafficmanager.net/emea/',
      })}`,
    });

    expect(otherBot.status).toBe(401);
    expect(otherService.status).toBe(401);
    await expectNothingProcessed();
  });

  it('serves a request with a valid Bot Framework token', async () => {
    const token = botConnectorToken(botFramework.privateKey, { serviceurl: app.connector.url });
    const invoke = cardAction(app.connector.url, 'pin', '9a8b7c6d-0000-4000-8000-000000000000');

    const { status, body } = await postActivity(app.url, invoke, {
      Authorization: `Bearer ${token}`,
    });

    expect(status).toBe(200);
    expect(JSON.stringify(body.value)).toMatch(/not available any more/);
  });
});

describe('Teams endpoint without an app id', () => {
  it('refuses every request beyond loopback, and logs once why and what to set', async () => {
    const app = await startTeamsWarden({ HOST: '0.0.0.0' });
    const url = app.url.replace('0.0.0.0', '127.0.0.1');
    try {
      const first = await postActivity(url, fixture('message.personal', app.connector.url));
      const second = await postActivity(url, fixture('message.personal', app.connector.url));

      expect([first.status, second.status]).toEqual([401, 401]);
      expect(first.body.error.code).toBe('teams_auth_not_configured');
      expect(app.connector.calls).toEqual([]);
      const explained = app.logs.filter((line) => /MicrosoftAppId is not set/.test(line.msg ?? ''));
      expect(explained).toHaveLength(1);
      expect(explained[0].msg).toMatch(
        /HOST=0\.0\.0\.0.*Set MicrosoftAppId and MicrosoftAppPassword/,
      );
    } finally {
      await app.close();
    }
  });

  describe('on loopback', () => {
    let app: TeamsTestWarden;
    beforeAll(async () => {
      app = await startTeamsWarden();
    });
    afterAll(() => app.close());

    it('answers malformed JSON with 400, never 500', async () => {
      const { status, body } = await requestJson(`${app.url}/api/messages`, {
        rawBody: '{"type": "message", ',
      });

      expect(status).toBe(400);
      expect(body.error.code).toBe('body_malformed_json');
    });

    it('answers a body that is not an activity with 400 naming what is missing', async () => {
      const list = await postActivity(app.url, [{ type: 'message' }]);
      const noServiceUrl = fixture('message.personal', app.connector.url);
      delete noServiceUrl.serviceUrl;
      const missing = await postActivity(app.url, noServiceUrl);

      expect(list.status).toBe(400);
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/serviceUrl/);
      expect(app.connector.calls).toEqual([]);
    });

    it('answers an invoke it does not handle with 501', async () => {
      const invoke = cardAction(app.connector.url, 'pin', 'x');
      invoke.name = 'task/fetch';

      const { status } = await postActivity(app.url, invoke);

      expect(status).toBe(501);
    });
  });
});
