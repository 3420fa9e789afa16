import { parseEnv } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENVIRONMENT_VARIABLES, isLoopbackHost, loadConfig, readEnvironment } from '../src/config';
import { ConfigError } from '../src/core/errors';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on embedded defaults with no environment at all', () => {
    const config = loadConfig({});

    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 3978, playgroundEnabled: true });
    expect(config.store).toEqual({ backend: 'sqlite', path: './data/warden.db' });
    expect(config.model.provider).toBe('none');
    expect(config.data.demo).toBe(true);
  });

  it('chooses OpenAI when a key is set, with any compatible base URL', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
    });

    expect(config.model).toMatchObject({
      provider: 'openai',
      apiKey: 'sk-test',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'gpt-4o',
    });
  });

  it('chooses Azure OpenAI with Entra ID when no API key is given', () => {
    const config = loadConfig({
      AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com',
      AZURE_OPENAI_DEPLOYMENT: 'gpt-4o',
    });

    expect(config.model).toMatchObject({
      provider: 'azure',
      deployment: 'gpt-4o',
      apiKey: undefined,
    });
  });

  it('names every invalid variable with what to set, one line each', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', STORE: 'mongo' });

    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/^PORT: must be a whole number$/m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL: must be one of/m);
    expect(problems.join('\n')).toMatch(/^STORE: must be sqlite or cosmos$/m);
  });

  it('refuses two model providers at once', () => {
    const problems = problemsOf({
      OPENAI_API_KEY: 'sk',
      AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com',
      AZURE_OPENAI_DEPLOYMENT: 'd',
    });

    expect(problems).toEqual([
      expect.stringMatching(/OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT are both set/),
    ]);
  });

  it('refuses Cosmos without an endpoint and Azure OpenAI without a deployment', () => {
    const problems = problemsOf({
      STORE: 'cosmos',
      AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com',
    });

    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/COSMOS_ENDPOINT is not set while STORE=cosmos/);
    expect(problems.join('\n')).toMatch(/AZURE_OPENAI_DEPLOYMENT is not set/);
  });

  it('rejects a base URL that is not a URL', () => {
    expect(problemsOf({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'localhost:11434' })).toEqual([
      'OPENAI_BASE_URL: must be an absolute http(s) URL',
    ]);
  });

  it('turns the playground off by default when listening beyond loopback', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).server.playgroundEnabled).toBe(false);
    expect(
      loadConfig({ HOST: '0.0.0.0', PLAYGROUND_ENABLED: 'true' }).server.playgroundEnabled,
    ).toBe(true);
    expect(loadConfig({ PLAYGROUND_ENABLED: 'false' }).server.playgroundEnabled).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: '', PORT: '' }).model.provider).toBe('none');
  });
});

describe('loadConfig for Microsoft Teams', () => {
  it('runs without a bot registration, with a two-second progress threshold', () => {
    expect(loadConfig({}).teams).toEqual({
      appId: undefined,
      appPassword: undefined,
      appTenantId: undefined,
      appType: 'MultiTenant',
      progressAfterMs: 2000,
    });
  });

  it('reads botbuilder’s variable names and accepts the app type in any casing', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app-1',
      MicrosoftAppTenantId: 'tenant-1',
      MicrosoftAppType: 'userassignedmsi',
    });

    expect(config.teams).toMatchObject({
      appId: 'app-1',
      appTenantId: 'tenant-1',
      appType: 'UserAssignedMSI',
    });
  });

  it('refuses an unknown app type', () => {
    expect(problemsOf({ MicrosoftAppType: 'Federated' })).toEqual([
      'MicrosoftAppType: must be MultiTenant, SingleTenant or UserAssignedMSI',
    ]);
  });

  it('refuses SingleTenant without a tenant id', () => {
    const problems = problemsOf({
      MicrosoftAppId: 'app-1',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
    });

    expect(problems).toEqual([
      expect.stringMatching(/^MicrosoftAppTenantId is not set while MicrosoftAppType=Single/),
    ]);
  });

  it('refuses an app id without a password, unless it is a managed identity', () => {
    expect(problemsOf({ MicrosoftAppId: 'app-1' })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword is not set while MicrosoftAppId is/),
    ]);
    expect(
      problemsOf({
        MicrosoftAppId: 'app-1',
        MicrosoftAppTenantId: 'tenant-1',
        MicrosoftAppType: 'UserAssignedMSI',
      }),
    ).toEqual([]);
  });

  it('refuses a password for a managed identity, and a password without an app id', () => {
    const msi = problemsOf({
      MicrosoftAppId: 'app-1',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant-1',
      MicrosoftAppType: 'UserAssignedMSI',
    });

    expect(msi).toEqual([expect.stringMatching(/needs no secret/)]);
    expect(problemsOf({ MicrosoftAppPassword: 'secret' })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword is set without MicrosoftAppId/),
    ]);
  });
});

describe('readEnvironment', () => {
  it('reads .env under the real environment, which wins', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warden-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\n');

    const env = readEnvironment({ LOG_LEVEL: 'warn' }, file);

    expect(env).toMatchObject({ PORT: '4000', LOG_LEVEL: 'warn' });
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback addresses from others', () => {
    expect(['127.0.0.1', '::1', 'localhost', '127.1.2.3'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '10.0.0.5', 'warden.contoso.com'].some(isLoopbackHost)).toBe(false);
  });
});

describe('.env.example', () => {
  const example = parseEnv(readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8'));

  it('lists every variable Warden and its package script read, and nothing else', () => {
    const packaging = [
      'TEAMS_APP_WEBSITE_URL',
      'TEAMS_APP_PRIVACY_URL',
      'TEAMS_APP_TERMS_URL',
      'TEAMS_APP_DEVELOPER_NAME',
    ];

    expect(Object.keys(example).sort()).toEqual([...ENVIRONMENT_VARIABLES, ...packaging].sort());
  });

  it('gives each variable its real default', () => {
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});

describe('loadConfig for Slack', () => {
  const oauth = {
    SLACK_SIGNING_SECRET: 'signing-secret',
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'a-long-random-state-secret',
  };

  it('keeps Slack off by default, with the public Web API', () => {
    expect(loadConfig({}).slack).toEqual({ apiUrl: 'https://slack.com/api/' });
  });

  it('reads a single-workspace bot token, and a Web API URL ending in a slash', () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-1-2-3',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });

    expect(config.slack).toEqual({
      signingSecret: 'signing-secret',
      auth: { mode: 'token', botToken: 'xoxb-1-2-3' },
      apiUrl: 'http://127.0.0.1:9999/api/',
    });
  });

  it('reads OAuth installs for many workspaces', () => {
    expect(loadConfig(oauth).slack.auth).toEqual({
      mode: 'oauth',
      clientId: '1111.2222',
      clientSecret: 'client-secret',
      stateSecret: 'a-long-random-state-secret',
    });
  });

  it('refuses a bot token together with OAuth variables', () => {
    expect(problemsOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN and SLACK_CLIENT_ID\/SLACK_CLIENT_SECRET/),
    ]);
  });

  it('refuses part of the OAuth variables, and a short state secret', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: '1111.2222', SLACK_STATE_SECRET: 'short' })).toEqual([
      expect.stringMatching(/go together: set all three/),
      expect.stringMatching(/^SLACK_STATE_SECRET is shorter than 16 characters/),
    ]);
  });

  it('refuses a token that is not a bot token, and a signing secret with no way to post', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxp-user-token' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is not a bot token \(it must start with xoxb-\)/),
    ]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is set but Warden has no way to post/),
    ]);
  });

  it('refuses a Web API URL that is not http(s)', () => {
    expect(problemsOf({ SLACK_API_URL: 'slack.com/api' })).toEqual([
      'SLACK_API_URL: must be an absolute http(s) URL',
    ]);
  });
});

describe('loadConfig for Microsoft Graph', () => {
  it('keeps Graph off by default, on the public cloud', () => {
    expect(loadConfig({}).graph).toEqual({
      enabled: false,
      baseUrl: 'https://graph.microsoft.com',
      maxPages: 10,
    });
  });

  it('turns Graph on only when asked, whatever Azure identity variables are set', () => {
    const both = loadConfig({ AZURE_TENANT_ID: 'tenant-1', AZURE_CLIENT_ID: 'client-1' });

    expect(both.graph.enabled).toBe(false);
    expect(both.azure).toEqual({ tenantId: 'tenant-1', clientId: 'client-1' });
    expect(loadConfig({ GRAPH_ENABLED: 'true' }).graph.enabled).toBe(true);
  });

  it('reads a sovereign cloud root and authority host', () => {
    const config = loadConfig({
      GRAPH_BASE_URL: 'https://graph.microsoft.us/',
      AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us',
    });

    expect(config.graph.baseUrl).toBe('https://graph.microsoft.us');
    expect(config.azure.authorityHost).toBe('https://login.microsoftonline.us');
  });

  it('refuses a Graph root that is not a URL', () => {
    expect(problemsOf({ GRAPH_BASE_URL: 'graph.microsoft.com' })).toEqual([
      'GRAPH_BASE_URL: must be an absolute http(s) URL',
    ]);
  });
});
