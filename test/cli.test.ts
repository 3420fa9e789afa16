import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs, runCli } from '../src/cli';

function io() {
  const out = new PassThrough();
  const err = new PassThrough();
  const read = (stream: PassThrough) => () => stream.read()?.toString('utf8') ?? '';
  const dir = mkdtempSync(path.join(tmpdir(), 'warden-cli-'));
  const env = {
    SQLITE_PATH: path.join(dir, 'warden.db'),
    THREAT_INTEL_OFFLINE: 'true',
    USER: 'alex',
  };
  return { io: { out, err, env }, stdout: read(out), stderr: read(err) };
}

describe('parseArgs', () => {
  it('reads the question, --json and --conversation', () => {
    expect(parseArgs(['ask', 'what', 'is', 'T1059?', '--json', '--conversation', 'inc-7'])).toEqual(
      {
        question: 'what is T1059?',
        json: true,
        conversation: 'inc-7',
      },
    );
  });

  it('says what is wrong with a bad command line', () => {
    expect(parseArgs([])).toEqual({ error: 'No command given.' });
    expect(parseArgs(['tell'])).toEqual({ error: 'Unknown command "tell".' });
    expect(parseArgs(['ask', '--verbose', 'x'])).toEqual({ error: 'Unknown option "--verbose".' });
    expect(parseArgs(['ask'])).toMatchObject({ error: expect.stringMatching(/Give the question/) });
  });
});

describe('warden ask', () => {
  it('prints the answer as Markdown', async () => {
    const { io: cliIo, stdout } = io();

    const code = await runCli(['ask', 'Which of our users had risky sign-ins this week?'], cliIo);

    expect(code).toBe(0);
    const text = stdout();
    expect(text).toMatch(/^## /);
    expect(text).toMatch(/Demo data/);
    expect(text).toMatch(/\*\*Sources\*\*/);
  });

  it('prints the answer and its Adaptive Card with --json', async () => {
    const { io: cliIo, stdout } = io();

    const code = await runCli(['ask', 'Show open high-severity incidents', '--json'], cliIo);

    expect(code).toBe(0);
    const printed = JSON.parse(stdout());
    expect(printed.answer).toMatchObject({ kind: 'answer', demoData: true });
    expect(printed.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('prints a refusal for a question that is not about security', async () => {
    const { io: cliIo, stdout } = io();

    await runCli(['ask', '--json', 'write a poem about cats'], cliIo);

    expect(JSON.parse(stdout()).answer.kind).toBe('refusal');
  });

  it('exits with 2 and the usage on a bad command line', async () => {
    const { io: cliIo, stderr } = io();

    await expect(runCli(['tell', 'me'], cliIo)).resolves.toBe(2);
    expect(stderr()).toMatch(/Usage: warden ask/);
  });
});
