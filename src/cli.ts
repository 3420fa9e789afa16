import { renderAnswerCard } from './cards';
import { renderAnswerMarkdown } from './cards/markdown-export';
import type pino from 'pino';
import { loadConfig, readEnvironment } from './config';
import { isWardenError } from './core/errors';
import { createLogger } from './logging';
import { buildWarden } from './app';

const USAGE = `Usage: warden ask "<question>" [--json] [--conversation <name>]

  ask             Ask Warden a security question and print the answer as Markdown.
  --json          Print { "answer": <Answer>, "card": <Adaptive Card> } instead.
  --conversation  Conversation name used as context (for example inc-2041-phishing).

Configuration comes from the environment and .env, as for the server.`;

interface CliArgs {
  question: string;
  json: boolean;
  conversation: string;
}

/** Parses argv; returns a usage error message instead of throwing. */
export function parseArgs(argv: string[]): CliArgs | { error: string } {
  const [command, ...rest] = argv;
  if (command !== 'ask')
    return { error: command ? `Unknown command "${command}".` : 'No command given.' };
  let json = false;
  let conversation = 'cli';
  const words: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg === '--conversation') {
      const value = rest[i + 1];
      if (!value) return { error: '--conversation needs a name.' };
      conversation = value;
      i += 1;
    } else if (arg.startsWith('--')) return { error: `Unknown option "${arg}".` };
    else words.push(arg);
  }
  const question = words.join(' ').trim();
  if (!question)
    return { error: 'Give the question in quotes, for example: warden ask "what is T1059?"' };
  return { question, json, conversation };
}

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & pino.DestinationStream;
  env: Record<string, string | undefined>;
}

function processIo(): CliIo {
  return { out: process.stdout, err: process.stderr, env: readEnvironment() };
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.err.write(`${args.error}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  // The CLI keeps stdout for the answer: logs go to stderr, and only warnings by default.
  const level = config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = createLogger({ level, destination: io.err });
  const warden = await buildWarden(config, logger);
  try {
    const tenantId = config.server.webTenantId;
    const { answer } = await warden.engine.handle({
      tenantId,
      conversation: {
        id: `cli:${args.conversation}`,
        tenantId,
        channel: 'cli',
        name: args.conversation,
      },
      user: { id: 'cli', name: io.env.USER ?? 'cli' },
      text: args.question,
      receivedAt: new Date().toISOString(),
    });
    if (args.json) {
      io.out.write(`${JSON.stringify({ answer, card: renderAnswerCard(answer) }, null, 2)}\n`);
    } else {
      io.out.write(renderAnswerMarkdown(answer));
    }
    return answer.kind === 'error' ? 1 : 0;
  } finally {
    await warden.close();
  }
}

/** Process entry for `npx warden`. */
export function cliMain(): void {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (isWardenError(error) && error.code === 'config_invalid') {
        process.stderr.write(`warden: ${error.message}\n`);
      } else {
        process.stderr.write(`warden: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exit(1);
    },
  );
}

if (require.main === module) cliMain();
