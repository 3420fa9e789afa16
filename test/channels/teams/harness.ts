import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TeamsChannel } from '../../../src/channels/teams';
import { loadConfig } from '../../../src/config';
import type { Logger } from '../../../src/core/logger';
import type { Engine } from '../../../src/engine/engine';
import { type RunningServer, type Warden, buildWarden, startServer } from '../../../src/main';
import { createServer } from '../../../src/server';
import { ConnectorStandIn } from './connector';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  msg?: string;
}

/** A Logger that keeps every line, so tests can read what an operator would. */
export function recordingLogger(
  lines: LogLine[] = [],
  bindings = {},
): Logger & { lines: LogLine[] } {
  const at =
    (level: LogLine['level']) =>
    (obj: object | string, msg?: string): void => {
      if (typeof obj === 'string') lines.push({ level, fields: { ...bindings }, msg: obj });
      else lines.push({ level, fields: { ...bindings, ...obj }, msg });
    };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(lines, { ...bindings, ...more }),
  };
}

export interface TeamsTestWarden {
  warden: Warden;
  url: string;
  connector: ConnectorStandIn;
  logs: LogLine[];
  close(): Promise<void>;
}

export interface TeamsTestOptions {
  /** Mounts only the Teams channel, answering with this engine instead of Warden's own. */
  engine?: Pick<Engine, 'handle'>;
}

/**
 * Warden in this process on an ephemeral loopback port, a fresh SQLite file, and a Bot Connector
 * stand-in for replies. Progress messages are off (a minute) unless a test sets
 * TEAMS_PROGRESS_AFTER_MS, so fast turns always answer with exactly one message.
 */
export async function startTeamsWarden(
  env: Record<string, string> = {},
  options: TeamsTestOptions = {},
): Promise<TeamsTestWarden> {
  const dir = mkdtempSync(path.join(tmpdir(), 'warden-teams-'));
  const config = loadConfig({
    PORT: '0',
    SQLITE_PATH: path.join(dir, 'warden.db'),
    THREAT_INTEL_OFFLINE: 'true',
    TEAMS_PROGRESS_AFTER_MS: '60000',
    ...env,
  });
  const logger = recordingLogger();
  const warden = await buildWarden(config, logger);
  const connector = await ConnectorStandIn.start();
  const server = options.engine
    ? await mountTeamsOnly(warden, options.engine)
    : await startServer(warden);
  return {
    warden,
    url: server.url,
    connector,
    logs: logger.lines,
    close: async () => {
      await server.close();
      await connector.close();
      await warden.close();
    },
  };
}

async function mountTeamsOnly(
  warden: Warden,
  engine: Pick<Engine, 'handle'>,
): Promise<Pick<RunningServer, 'url' | 'close'>> {
  const { config, logger } = warden;
  const server = createServer({ logger });
  new TeamsChannel({
    ...warden,
    engine,
    teams: config.teams,
    host: config.server.host,
    demoData: config.data.demo,
  }).register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
