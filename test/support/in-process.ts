import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { type RunningServer, type Warden, buildWarden, startServer } from '../../src/main';

export interface TestWarden {
  warden: Warden;
  server: RunningServer;
  url: string;
  close(): Promise<void>;
}

/** Builds Warden in this process on an ephemeral loopback port with a fresh SQLite file. */
export async function startTestWarden(env: Record<string, string> = {}): Promise<TestWarden> {
  const dir = mkdtempSync(path.join(tmpdir(), 'warden-test-'));
  const config = loadConfig({
    PORT: '0',
    SQLITE_PATH: path.join(dir, 'warden.db'),
    THREAT_INTEL_OFFLINE: 'true',
    ...env,
  });
  const warden = await buildWarden(config, silentLogger);
  const server = await startServer(warden);
  return {
    warden,
    server,
    url: server.url,
    close: async () => {
      await server.close();
      await warden.close();
    },
  };
}

/** A JSON request to the running server; returns status and parsed body. */
export async function requestJson(
  url: string,
  init: {
    method?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: any }> {
  // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  const hasBody = init.body !== undefined || init.rawBody !== undefined;
  const response = await fetch(url, {
    method: init.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
