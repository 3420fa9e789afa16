import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface WardenProcess {
  url: string;
  dataDir: string;
  /** Every line the process printed, stdout and stderr. */
  output: string[];
  stop(): Promise<void>;
}

const ROOT = path.join(__dirname, '..', '..');

/**
 * Starts Warden the way a user does (`node scripts/start.js`, which builds when needed) on an
 * ephemeral port with its own SQLite file, and resolves once it logs its URL.
 */
export async function startWarden(
  env: Record<string, string> = {},
  timeoutMs = 90000,
): Promise<WardenProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'warden-e2e-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      SQLITE_PATH: path.join(dataDir, 'warden.db'),
      THREAT_INTEL_OFFLINE: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await waitForUrl(child, output, timeoutMs);
  return { url, dataDir, output, stop: () => stopProcess(child) };
}

function waitForUrl(child: ChildProcess, output: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Warden did not start within ${timeoutMs} ms:\n${output.join('\n')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Warden exited with code ${code}:\n${output.join('\n')}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
