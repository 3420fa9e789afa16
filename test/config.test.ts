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

  it('lists every variable Warden reads, and nothing else', () => {
    expect(Object.keys(example).sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });

  it('gives each variable its real default', () => {
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});
