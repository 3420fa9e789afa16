import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { type AzureConfig, AZURE_VARIABLES, azureConfig, azureProblems } from './config-azure';
import { bool, int, optionalText, optionalUrl, url } from './config-fields';
import { type SlackConfig, slackConfig, slackProblems } from './config-slack';
import { ConfigError } from './core/errors';

/**
 * Every setting Warden reads, parsed from the environment (and an optional `.env` file) in one
 * place. Defaults live here and in `.env.example`; nothing else reads `process.env`.
 */

/** How the bot signs in to Azure Bot Service, as botbuilder names the choices. */
export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

const schema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: int(3978, 0, 65535),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  PLAYGROUND_ENABLED: z
    .enum(['true', 'false', 'auto'], { error: 'must be true, false or auto' })
    .default('auto'),
  WEB_TENANT_ID: z.string().trim().min(1).default('demo-tenant'),
  MAX_MESSAGE_CHARS: int(4000, 100, 100000),

  STORE: z.enum(['sqlite', 'cosmos'], { error: 'must be sqlite or cosmos' }).default('sqlite'),
  SQLITE_PATH: z.string().trim().min(1).default('./data/warden.db'),
  COSMOS_ENDPOINT: optionalUrl,
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().trim().min(1).default('warden'),
  COSMOS_DISABLE_ENDPOINT_DISCOVERY: bool(false),

  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o'),
  AZURE_OPENAI_ENDPOINT: optionalUrl,
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_API_VERSION: z.string().trim().min(1).default('2024-10-21'),
  MODEL_TIMEOUT_MS: int(60000, 1000, 600000),
  MODEL_MAX_RETRIES: int(3, 0, 10),
  PLANNER_MAX_ROUNDS: int(4, 1, 10),
  TOOL_OUTPUT_MAX_TOKENS: int(3000, 200, 50000),
  SKILL_TIMEOUT_MS: int(15000, 100, 120000),
  MEMORY_TURNS: int(6, 0, 50),

  DEMO_DATA: bool(true),
  THREAT_INTEL_OFFLINE: bool(false),
  NVD_API_URL: url.default('https://services.nvd.nist.gov/rest/json/cves/2.0'),
  NVD_API_KEY: optionalText,
  KEV_FEED_URL: url.default(
    'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
  ),
  OSV_API_URL: url.default('https://api.osv.dev/v1'),
  ATTACK_STIX_URL: url.default(
    'https://raw.githubusercontent.com/mitre/cti/master/enterprise-attack/enterprise-attack.json',
  ),

  // Live connectors (Graph, Sentinel, Log Analytics); see config-azure.ts.
  ...AZURE_VARIABLES,

  // Microsoft Teams, with botbuilder's own variable names so Azure Bot templates work unchanged.
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z
    .string()
    .trim()
    .default('MultiTenant')
    .transform((v) => TEAMS_APP_TYPES.find((type) => type.toLowerCase() === v.toLowerCase()))
    .pipe(
      z.enum(TEAMS_APP_TYPES, { error: 'must be MultiTenant, SingleTenant or UserAssignedMSI' }),
    ),
  TEAMS_PROGRESS_AFTER_MS: int(2000, 0, 60000),

  // Slack; see config-slack.ts for the combinations accepted.
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: url.default('https://slack.com/api/'),
});

type Env = z.infer<typeof schema>;

/** Every variable Warden reads; `.env.example` documents each one. */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(schema.shape);

export type ModelConfig =
  | { provider: 'none' }
  | {
      provider: 'openai';
      apiKey: string;
      baseUrl?: string;
      model: string;
    }
  | {
      provider: 'azure';
      endpoint: string;
      deployment: string;
      apiVersion: string;
      /** Absent means Entra ID through @azure/identity. */
      apiKey?: string;
    };

export type StoreConfig =
  | { backend: 'sqlite'; path: string }
  | {
      backend: 'cosmos';
      endpoint: string;
      database: string;
      /** Absent means Entra ID through @azure/identity. */
      key?: string;
      disableEndpointDiscovery: boolean;
    };

export interface TeamsConfig {
  /** Azure Bot (Entra app or managed identity client) id; absent means no authentication. */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType: TeamsAppType;
  /** A turn still running after this long posts a progress message (TEAMS_PROGRESS_AFTER_MS). */
  progressAfterMs: number;
}

export interface Config extends AzureConfig {
  server: {
    host: string;
    port: number;
    /** Whether the web playground is served at `/`. */
    playgroundEnabled: boolean;
    webTenantId: string;
    maxMessageChars: number;
  };
  logLevel: Env['LOG_LEVEL'];
  store: StoreConfig;
  model: ModelConfig & { timeoutMs: number; maxRetries: number };
  engine: {
    maxRounds: number;
    toolOutputMaxTokens: number;
    skillTimeoutMs: number;
    memoryTurns: number;
  };
  data: { demo: boolean };
  threatIntel: {
    offline: boolean;
    nvdApiUrl: string;
    nvdApiKey?: string;
    kevFeedUrl: string;
    osvApiUrl: string;
    attackStixUrl: string;
  };
  teams: TeamsConfig;
  slack: SlackConfig;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

/** Reads `.env` (when present) under the real environment, which always wins. */
export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  envFile = '.env',
): Record<string, string | undefined> {
  if (!existsSync(envFile)) return { ...env };
  const fromFile = parseEnv(readFileSync(envFile, 'utf8'));
  return { ...fromFile, ...env };
}

/** Parses and cross-checks the environment; throws ConfigError with one line per problem. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const parsed = schema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems = crossCheck(e);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    server: {
      host: e.HOST,
      port: e.PORT,
      playgroundEnabled:
        e.PLAYGROUND_ENABLED === 'auto' ? isLoopbackHost(e.HOST) : e.PLAYGROUND_ENABLED === 'true',
      webTenantId: e.WEB_TENANT_ID,
      maxMessageChars: e.MAX_MESSAGE_CHARS,
    },
    logLevel: e.LOG_LEVEL,
    store: storeConfig(e),
    model: { ...modelConfig(e), timeoutMs: e.MODEL_TIMEOUT_MS, maxRetries: e.MODEL_MAX_RETRIES },
    engine: {
      maxRounds: e.PLANNER_MAX_ROUNDS,
      toolOutputMaxTokens: e.TOOL_OUTPUT_MAX_TOKENS,
      skillTimeoutMs: e.SKILL_TIMEOUT_MS,
      memoryTurns: e.MEMORY_TURNS,
    },
    data: { demo: e.DEMO_DATA },
    ...azureConfig(e),
    threatIntel: {
      offline: e.THREAT_INTEL_OFFLINE,
      nvdApiUrl: e.NVD_API_URL,
      nvdApiKey: e.NVD_API_KEY,
      kevFeedUrl: e.KEV_FEED_URL,
      osvApiUrl: e.OSV_API_URL,
      attackStixUrl: e.ATTACK_STIX_URL,
    },
    teams: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appTenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
      progressAfterMs: e.TEAMS_PROGRESS_AFTER_MS,
    },
    slack: slackConfig(e),
  };
}

/** Empty strings in the environment mean "not set", as in most shells' `.env` handling. */
function withoutBlanks(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value;
  }
  return out;
}

function crossCheck(e: Env): string[] {
  const problems: string[] = [];
  if (e.OPENAI_API_KEY && e.AZURE_OPENAI_ENDPOINT) {
    problems.push(
      'OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT are both set: ' +
        'choose one model provider and unset the other.',
    );
  }
  if (e.OPENAI_BASE_URL && !e.OPENAI_API_KEY) {
    problems.push(
      'OPENAI_BASE_URL is set without OPENAI_API_KEY: ' +
        'set OPENAI_API_KEY (any non-empty value for endpoints without keys, such as Ollama).',
    );
  }
  if (e.AZURE_OPENAI_ENDPOINT && !e.AZURE_OPENAI_DEPLOYMENT) {
    problems.push(
      'AZURE_OPENAI_DEPLOYMENT is not set: ' +
        'set it to the deployment name of your GPT-4-class model in Azure OpenAI.',
    );
  }
  if (!e.AZURE_OPENAI_ENDPOINT && (e.AZURE_OPENAI_DEPLOYMENT || e.AZURE_OPENAI_API_KEY)) {
    problems.push(
      'AZURE_OPENAI_ENDPOINT is not set but other AZURE_OPENAI_* variables are: ' +
        'set it to https://<resource>.openai.azure.com.',
    );
  }
  if (e.STORE === 'cosmos' && !e.COSMOS_ENDPOINT) {
    problems.push(
      'COSMOS_ENDPOINT is not set while STORE=cosmos: ' +
        'set it to https://<account>.documents.azure.com:443/ or use STORE=sqlite.',
    );
  }
  if (e.STORE === 'sqlite' && (e.COSMOS_ENDPOINT || e.COSMOS_KEY)) {
    problems.push(
      'COSMOS_* variables are set while STORE=sqlite: ' +
        'set STORE=cosmos to use Cosmos DB, or unset them.',
    );
  }
  problems.push(...teamsProblems(e));
  problems.push(...slackProblems(e));
  problems.push(...azureProblems(e));
  return problems;
}

/** The combinations botbuilder would reject at the first request, caught at start-up instead. */
function teamsProblems(e: Env): string[] {
  const problems: string[] = [];
  const type = e.MicrosoftAppType;
  if (type !== 'MultiTenant' && !e.MicrosoftAppId) {
    problems.push(
      `MicrosoftAppId is not set while MicrosoftAppType=${type}: set it to the ` +
        (type === 'UserAssignedMSI' ? 'client id of the managed identity.' : 'bot’s app id.'),
    );
  }
  if (type !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    problems.push(
      `MicrosoftAppTenantId is not set while MicrosoftAppType=${type}: set it to the ` +
        'directory (tenant) id of the Azure Bot’s app registration or managed identity.',
    );
  }
  if (type === 'UserAssignedMSI' && e.MicrosoftAppPassword) {
    problems.push(
      'MicrosoftAppPassword is set while MicrosoftAppType=UserAssignedMSI: a managed identity ' +
        'needs no secret. Unset MicrosoftAppPassword.',
    );
  }
  if (type !== 'UserAssignedMSI' && e.MicrosoftAppId && !e.MicrosoftAppPassword) {
    problems.push(
      `MicrosoftAppPassword is not set while MicrosoftAppId is: set it to a client secret of ` +
        'that app registration, or use MicrosoftAppType=UserAssignedMSI with a managed identity.',
    );
  }
  if (!e.MicrosoftAppId && e.MicrosoftAppPassword) {
    problems.push(
      'MicrosoftAppPassword is set without MicrosoftAppId: set MicrosoftAppId to the bot’s ' +
        'app id, or unset the password.',
    );
  }
  return problems;
}

function storeConfig(e: Env): StoreConfig {
  if (e.STORE === 'sqlite') return { backend: 'sqlite', path: e.SQLITE_PATH };
  return {
    backend: 'cosmos',
    endpoint: e.COSMOS_ENDPOINT as string,
    database: e.COSMOS_DATABASE,
    key: e.COSMOS_KEY,
    disableEndpointDiscovery: e.COSMOS_DISABLE_ENDPOINT_DISCOVERY,
  };
}

function modelConfig(e: Env): ModelConfig {
  if (e.AZURE_OPENAI_ENDPOINT) {
    return {
      provider: 'azure',
      endpoint: e.AZURE_OPENAI_ENDPOINT,
      deployment: e.AZURE_OPENAI_DEPLOYMENT as string,
      apiVersion: e.AZURE_OPENAI_API_VERSION,
      apiKey: e.AZURE_OPENAI_API_KEY,
    };
  }
  if (e.OPENAI_API_KEY) {
    return {
      provider: 'openai',
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
    };
  }
  return { provider: 'none' };
}
