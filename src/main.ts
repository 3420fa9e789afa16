import type { Server } from 'restify';
import { type Warden, buildWarden } from './app';
import { createSlackChannel, type SlackChannel } from './channels/slack';
import { TeamsChannel } from './channels/teams';
import { WebChannel } from './channels/web/routes';
import { type Config, loadConfig } from './config';
import { ConfigError } from './core/errors';
import { createLogger } from './logging';
import { createServer } from './server';

export { type Warden, buildWarden } from './app';

export interface RunningServer {
  server: Server;
  /** Base URL the server listens on, such as http://127.0.0.1:3978. */
  url: string;
  /** The Slack channel, present while SLACK_SIGNING_SECRET is set. */
  slack?: SlackChannel;
  close(): Promise<void>;
}

export async function startServer(warden: Warden): Promise<RunningServer> {
  const { config, logger } = warden;
  const server = createServer({
    logger,
    health: () => ({ store: config.store.backend, model: config.model.provider }),
  });

  const teams = new TeamsChannel({
    ...warden,
    teams: config.teams,
    host: config.server.host,
    demoData: config.data.demo,
  });
  teams.register(server);

  const slack = createSlackChannel({ ...warden, slack: config.slack });
  slack?.register(server);
  slack?.start();

  if (config.server.playgroundEnabled) {
    const web = new WebChannel({ ...warden, tenantId: config.server.webTenantId });
    await web.seed();
    web.register(server);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${formatHost(address.address)}:${address.port}`;
  logger.info(
    {
      url,
      store: config.store.backend,
      model: config.model.provider,
      playground: config.server.playgroundEnabled,
      demoData: config.data.demo,
      teamsAuthentication: config.teams.appId ? config.teams.appType : 'none (loopback only)',
    },
    config.server.playgroundEnabled ? `Warden is running: open ${url}/` : 'Warden is running',
  );
  const close = async () => {
    await closeServer(server);
    await slack?.stop();
  };
  return { server, url, slack, close };
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Warden cannot start. ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  const warden = await buildWarden(config, logger);
  const running = await startServer(warden);

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await running.close();
    await warden.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Process entry for `npm start` and `node dist/src/main.js`. */
export function runMain(): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Warden stopped: ${message}\n`);
    process.exit(1);
  });
}

if (require.main === module) runMain();
