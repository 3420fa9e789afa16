import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Runs the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) for browser tests:
 * a local web client that looks like Teams plus a mock Bot Connector service, posting real
 * Teams activities to the bot endpoint and taking its replies at `${url}/_connector`.
 * It runs offline: telemetry off (--disable-telemetry), no browser launched, its log and config
 * in a temporary folder. It has no option for the listening address, so for as long as a test
 * runs it listens on every interface, on a port of its own choosing.
 */

const CLI_PATH = require.resolve('@microsoft/m365agentsplayground/cli.js');
const CONFIG_FILE = '.m365agentsplayground.yml';
const LOG_FILE = 'playground.log';
const STOP_GRACE_MS = 5000;
const PING_INTERVAL_MS = 200;

export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** Contoso as the playground shows it: who is signed in, the team and its incident channel. */
export interface PlaygroundContext {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  team: { id: string; name: string; channel: { id: string; name: string } };
}

export interface AgentsPlayground {
  /** Base URL of the web client, such as http://127.0.0.1:56150. */
  url: string;
  context: PlaygroundContext;
  /** Every line the process printed on stdout and stderr. */
  output: string[];
  /** The playground's log file: when stdout is not a terminal its console output goes there. */
  readLog(): string;
  stop(): Promise<void>;
}

export interface AgentsPlaygroundOptions {
  /** Warden's Bot Framework endpoint, such as http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  context?: PlaygroundContext;
  startTimeoutMs?: number;
}

function contosoUser(givenName: string, surname: string, objectIdSuffix: string): PlaygroundUser {
  const upn = `${givenName}.${surname}@contoso.com`.toLowerCase();
  return {
    id: `29:${givenName.toLowerCase()}-${surname.toLowerCase()}`,
    name: `${givenName} ${surname}`,
    userPrincipleName: upn,
    aadObjectId: `3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a${objectIdSuffix}`,
    givenName,
    surname,
    email: upn,
  };
}

export const CONTOSO_CONTEXT: PlaygroundContext = {
  tenantId: '8d3c2b1a-5f4e-4d3c-9b2a-1f0e9d8c7b6a',
  bot: { id: '28:7b1e5c2d-9a4f-4e3b-8c6d-2f1a0e9b8c7d', name: 'Warden' },
  currentUser: contosoUser('Alex', 'Kim', '01'),
  team: {
    id: '19:contoso-soc-general@thread.tacv2',
    name: 'Contoso SOC',
    channel: { id: '19:inc-2041-phishing@thread.tacv2', name: 'inc-2041-phishing' },
  },
};

/** The playground's config file, version 0.1.1. JSON is valid YAML, which the playground reads. */
function configFile(context: PlaygroundContext): string {
  const { team } = context;
  return JSON.stringify({
    version: '0.1.1',
    tenantId: context.tenantId,
    bot: context.bot,
    currentUser: context.currentUser,
    // The playground wants exactly five other users.
    users: [
      contosoUser('Bob', 'Lee', '02'),
      contosoUser('Priya', 'Nair', '03'),
      contosoUser('Maria', 'Garcia', '04'),
      contosoUser('Dan', 'Wu', '05'),
      contosoUser('Sofia', 'Rossi', '06'),
    ],
    personalChat: { id: 'a:personal-chat-alex-kim-warden' },
    groupChat: { id: '19:soc-on-call@thread.v2', name: 'SOC on call' },
    team: {
      id: team.id,
      name: team.name,
      aadGroupId: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c',
      channels: [team.channel],
    },
  });
}

export async function startAgentsPlayground(
  options: AgentsPlaygroundOptions,
): Promise<AgentsPlayground> {
  const context = options.context ?? CONTOSO_CONTEXT;
  const workDir = mkdtempSync(path.join(tmpdir(), 'warden-agents-playground-'));
  writeFileSync(path.join(workDir, CONFIG_FILE), configFile(context));

  const child = spawnPlayground(workDir, options.botEndpoint);
  const output: string[] = [];
  const stop = stopper(child, workDir);
  try {
    const port = await waitForPort(child, output, options.startTimeoutMs ?? 30000);
    const url = `http://127.0.0.1:${port}`;
    await waitForPing(url, options.startTimeoutMs ?? 30000);
    const readLog = () => readIfPresent(path.join(workDir, LOG_FILE));
    return { url, context, output, readLog, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function spawnPlayground(workDir: string, botEndpoint: string): ChildProcess {
  const args = [
    CLI_PATH,
    ['--app-endpoint', botEndpoint],
    ['--channel-id', 'msteams'],
    // 0 is "no preference": the playground then picks a free port and prints it.
    ['--port', '0'],
    '--disable-telemetry',
  ].flat();
  return spawn(process.execPath, args, {
    cwd: workDir,
    // Its own process group, so stop() reaches anything it starts as well.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: workDir,
      TMPDIR: workDir,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(workDir, CONFIG_FILE),
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, LOG_FILE),
      // "none" stops it opening a desktop browser at start.
      TEAMSAPPTESTER_BROWSER: 'none',
      // --disable-telemetry gates its own events; this also keeps the Application Insights SDK
      // it loads from sending its usage statistics (statsbeat).
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    },
  });
}

/** The playground writes "Listening on <port>" to stdout once its HTTP server is up. */
function waitForPort(child: ChildProcess, output: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(`The Agents Playground did not start in ${timeoutMs} ms:\n${output.join('\n')}`),
      );
    }, timeoutMs);
    const watch = (stream: NodeJS.ReadableStream | null) => {
      let partialLine = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partialLine + chunk.toString('utf8')).split('\n');
        partialLine = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          output.push(line);
          const match = /^Listening on (\d+)/.exec(line);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        }
      });
    };
    watch(child.stdout);
    watch(child.stderr);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The Agents Playground exited (${code ?? signal}):\n${output.join('\n')}`));
    });
  });
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, PING_INTERVAL_MS));
  }
  throw new Error(`The Agents Playground at ${url} never answered /_debug/ping: ${lastProblem}`);
}

/**
 * Stops the whole process group: SIGTERM, then SIGKILL after a grace period. Also armed for the
 * test runner's own exit, so a crashed run leaves no playground behind.
 */
function stopper(child: ChildProcess, workDir: string): () => Promise<void> {
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // ESRCH: already gone
    }
  };
  const onRunnerExit = () => killGroup('SIGKILL');
  process.once('exit', onRunnerExit);

  return async () => {
    process.removeListener('exit', onRunnerExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    rmSync(workDir, { recursive: true, force: true });
  };
}

function readIfPresent(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * Not yet in the playground (0.2.28): its web client handles a bot's typing indicator by looking
 * the conversation up among chats and channels only, so a typing indicator inside a channel
 * thread ("<channel id>;messageid=<post id>") throws "Invalid conversation id" in the client's
 * event loop, after which the reply that follows is sometimes never shown. Real Teams shows the
 * indicator. This drops exactly those frames between the playground and the page, and returns
 * the thread ids they were for, so a test can still check that the bot sent them.
 */
export async function dropThreadTypingFrames(page: Page, playground: AgentsPlayground) {
  const droppedForThreads: string[] = [];
  const port = new URL(playground.url).port;

  await page.routeWebSocket(
    (url) => url.port === port,
    (socket) => {
      const server = socket.connectToServer();
      server.onMessage((frame) => {
        const threadId = threadTypingTarget(frame);
        if (threadId) droppedForThreads.push(threadId);
        else socket.send(frame);
      });
    },
  );
  return droppedForThreads;
}

/** The thread a "typing" frame of the playground's client socket is for, if it is one. */
function threadTypingTarget(frame: string | Buffer): string | undefined {
  let event: { action?: unknown; actionConversationId?: unknown };
  try {
    event = JSON.parse(frame.toString());
  } catch {
    return undefined; // not JSON, so not a typing event: passed on untouched
  }
  const target = event.actionConversationId;
  const isThread = typeof target === 'string' && target.includes(';messageid=');
  return event.action === 'typing' && isThread ? target : undefined;
}
