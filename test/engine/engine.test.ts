import { ValidationError } from '../../src/core/errors';
import type { TurnRecord } from '../../src/core/turns';
import {
  catalogFakes,
  engineWith,
  ENGINE_CONFIG,
  MemoryTurnHistory,
  message,
  RecordingLogger,
  result,
} from './factories';

describe('Engine', () => {
  it('answers a security question offline and saves the turn', async () => {
    const history = new MemoryTurnHistory();
    const fakes = catalogFakes({ lookup_cve: () => result('CVE-2021-44228 is Log4Shell.') });
    const engine = engineWith({ skills: Object.values(fakes), history });

    const { answer, turn } = await engine.handle(message('tell me about CVE-2021-44228'));

    expect(answer).toMatchObject({
      kind: 'answer',
      turnId: turn.id,
      title: 'CVE-2021-44228',
      summary: 'CVE-2021-44228 is Log4Shell.',
      sources: [{ title: 'Demo tenant', kind: 'demo' }],
      demoData: true,
      skills: ['lookup_cve'],
    });
    expect(answer.usage).toBeUndefined();
    expect(history.turns).toEqual([turn]);
    expect(turn).toMatchObject({
      tenantId: 'tenant-a',
      channel: 'web',
      conversationId: 'conv-1',
      conversationName: 'soc-general',
      question: 'tell me about CVE-2021-44228',
      toolCalls: [{ skill: 'lookup_cve', input: { cveId: 'CVE-2021-44228' }, ok: true }],
    });
  });

  it('refuses an off-topic question politely with three example questions', async () => {
    const fakes = catalogFakes();
    const history = new MemoryTurnHistory();
    const engine = engineWith({ skills: Object.values(fakes), history });

    const { answer } = await engine.handle(message('write a poem about cats'));

    expect(answer.kind).toBe('refusal');
    expect(answer.summary).toContain('I work on your organisation');
    expect(answer.suggestions).toHaveLength(3);
    expect(answer.skills).toEqual([]);
    expect(Object.values(fakes).every((fake) => fake.calls.length === 0)).toBe(true);
    expect(history.turns[0].answer.kind).toBe('refusal');
  });

  it('introduces itself when greeted instead of refusing', async () => {
    const engine = engineWith({ skills: Object.values(catalogFakes()) });

    const { answer } = await engine.handle(message('hello'));

    expect(answer).toMatchObject({ kind: 'clarification', title: "Hi, I'm Warden", skills: [] });
    expect(answer.suggestions).toHaveLength(3);
  });

  it('refuses an empty message with message_empty', async () => {
    const engine = engineWith({ skills: [] });

    await expect(engine.handle(message('   '))).rejects.toMatchObject({
      code: 'message_empty',
      status: 400,
    });
  });

  it('refuses a message over the limit, saying the limit and how to proceed', async () => {
    const engine = engineWith({ skills: [], config: { ...ENGINE_CONFIG, maxMessageChars: 100 } });

    const failure = engine.handle(message(`is this phishing? ${'x'.repeat(200)}`));

    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toMatchObject({
      code: 'message_too_long',
      message: expect.stringMatching(/limit of 100.*attach the text as a file/s),
    });
  });

  it('shows the sources that answered when another one fails', async () => {
    const fakes = catalogFakes({
      lookup_cve: (input: { cveId: string }) =>
        input.cveId === 'CVE-2021-44228'
          ? result('Log4Shell, in KEV since 2021-12-10.')
          : Promise.reject(new Error('NVD returned 503')),
    });
    const engine = engineWith({ skills: Object.values(fakes) });

    const { answer, turn } = await engine.handle(
      message('compare CVE-2021-44228 and CVE-2023-23397'),
    );

    expect(answer.kind).toBe('answer');
    expect(answer.summary).toContain('Log4Shell, in KEV since 2021-12-10.');
    expect(answer.summary).toContain(
      'NVD and CISA KEV could not be read (the source is unavailable right now)',
    );
    expect(answer.summary).not.toContain('503');
    expect(turn.toolCalls.map((call) => call.errorCode)).toEqual([undefined, 'skill_failed']);
  });

  it('gives an error answer with a correlation id when every source fails', async () => {
    const fakes = catalogFakes({ kev_recent: () => Promise.reject(new Error('feed down')) });
    const engine = engineWith({ skills: Object.values(fakes) });

    const { answer } = await engine.handle(message('what was added to KEV this week?'));

    expect(answer.kind).toBe('error');
    expect(answer.correlationId).toBe(answer.turnId);
    expect(answer.summary).toContain('The CISA KEV catalog could not be read');
  });

  it('times a slow skill out and says so', async () => {
    const fakes = catalogFakes({ list_devices: () => new Promise(() => undefined) });
    const engine = engineWith({
      skills: Object.values(fakes),
      config: { ...ENGINE_CONFIG, skillTimeoutMs: 50 },
    });

    const { answer, turn } = await engine.handle(message('which devices are noncompliant?'));

    expect(turn.toolCalls[0].errorCode).toBe('skill_timeout');
    expect(answer.summary).toContain('Intune devices could not be read (timed out after 50 ms)');
  });

  it('aborts the skill signal when a skill times out', async () => {
    let aborted = false;
    const fakes = catalogFakes({
      list_devices: (_input, context) =>
        new Promise((_resolve, reject) => {
          context.signal.addEventListener('abort', () => {
            aborted = true;
            reject(context.signal.reason);
          });
        }),
    });
    const engine = engineWith({
      skills: Object.values(fakes),
      config: { ...ENGINE_CONFIG, skillTimeoutMs: 20 },
    });

    await engine.handle(message('which devices are noncompliant?'));

    expect(aborted).toBe(true);
  });

  it('reports progress when a skill starts', async () => {
    const progress: string[] = [];
    const engine = engineWith({ skills: Object.values(catalogFakes()) });

    await engine.handle(message('Which of our users had risky sign-ins this week?'), {
      onProgress: (text) => progress.push(text),
    });

    expect(progress).toEqual(['Checking Entra ID sign-ins…']);
  });

  it('logs one info line per turn with turn id, channel, tenant, skills and outcome', async () => {
    const logger = new RecordingLogger();
    const engine = engineWith({ skills: Object.values(catalogFakes()), logger });

    const { turn } = await engine.handle(message('show open high-severity incidents'));
    await engine.handle(message('write a poem about cats')).catch(() => undefined);

    const lines = logger.at('info');
    expect(lines).toHaveLength(2);
    expect(lines[0].bindings).toMatchObject({ component: 'engine', turnId: turn.id });
    expect(lines[0].fields).toMatchObject({
      channel: 'web',
      tenant: 'tenant-a',
      skills: ['list_incidents'],
      outcome: 'answer',
      ms: expect.any(Number),
    });
    expect(lines[1].fields).toMatchObject({ outcome: 'refusal', skills: [] });
  });

  it('logs a rejected message as one info line with outcome invalid', async () => {
    const logger = new RecordingLogger();
    const engine = engineWith({ skills: [], logger });

    await engine.handle(message('')).catch(() => undefined);

    expect(logger.at('info').map((line) => line.fields.outcome)).toEqual(['invalid']);
  });

  it('answers "and for bob?" by re-running the previous turn for bob', async () => {
    const history = new MemoryTurnHistory();
    const fakes = catalogFakes();
    const engine = engineWith({ skills: Object.values(fakes), history });

    await engine.handle(message('Which of our users had risky sign-ins this week?'));
    const { answer } = await engine.handle(message('and for bob?'));

    expect(answer.kind).toBe('answer');
    expect(answer.title).toBe('Risky sign-ins for bob, last 7 days');
    expect(fakes.list_signins.calls).toEqual([
      { riskyOnly: true, sinceDays: 7 },
      { riskyOnly: true, sinceDays: 7, user: 'bob' },
    ]);
  });

  it('refuses "and for bob?" with no security question before it', async () => {
    const engine = engineWith({ skills: Object.values(catalogFakes()) });

    const { answer } = await engine.handle(message('and for bob?'));

    expect(answer.kind).toBe('refusal');
  });

  it('keeps memory per thread when the channel has threads', async () => {
    const history = new MemoryTurnHistory();
    const fakes = catalogFakes();
    const engine = engineWith({ skills: Object.values(fakes), history });
    const inThread = (text: string, threadId: string) => {
      const base = message(text);
      return { ...base, conversation: { ...base.conversation, threadId } };
    };

    await engine.handle(inThread('show open high-severity incidents', 'thread-1'));
    const { answer } = await engine.handle(inThread('and for bob?', 'thread-2'));

    expect(answer.kind).toBe('refusal');
  });

  it('still answers when the turn cannot be saved, and logs the failure', async () => {
    const logger = new RecordingLogger();
    const history = new MemoryTurnHistory();
    history.save = () => Promise.reject(new Error('disk full'));
    const engine = engineWith({ skills: Object.values(catalogFakes()), history, logger });

    const { answer } = await engine.handle(message('show open high-severity incidents'));

    expect(answer.kind).toBe('answer');
    expect(logger.at('error')[0].fields).toMatchObject({ code: 'turn_save_failed' });
  });

  it('stops a turn the caller cancels, with turn_aborted', async () => {
    const controller = new AbortController();
    const fakes = catalogFakes({
      list_incidents: () => {
        controller.abort();
        return new Promise(() => undefined);
      },
    });
    const logger = new RecordingLogger();
    const engine = engineWith({ skills: Object.values(fakes), logger });

    await expect(
      engine.handle(message('show open incidents'), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'turn_aborted' });
    expect(logger.at('info')[0].fields.outcome).toBe('aborted');
  });

  it('turns an unexpected failure into an error answer with a correlation id', async () => {
    const logger = new RecordingLogger();
    const broken = { data: {}, sources: [] } as unknown as ReturnType<typeof result>;
    const fakes = catalogFakes({ kev_recent: () => broken });
    const engine = engineWith({ skills: Object.values(fakes), logger });

    const { answer } = await engine.handle(message('what was added to KEV this week?'));

    expect(answer).toMatchObject({ kind: 'error', correlationId: answer.turnId });
    expect(answer.summary).toContain(answer.turnId);
    expect(answer.summary).not.toContain('TypeError');
    expect(logger.at('error')[0].bindings.turnId).toBe(answer.turnId);
  });

  it('gives skills the HTTP client and feed cache it was given', async () => {
    const http = { request: async () => ({ status: 200, headers: {}, text: '{}' }) };
    const cache = { get: async () => undefined, put: async () => undefined };
    const seen: unknown[] = [];
    const fakes = catalogFakes({
      kev_recent: (_input, context) => {
        seen.push(context.http, context.cache, context.tenantId);
        return result('Nothing new.');
      },
    });
    const engine = engineWith({ skills: Object.values(fakes), skillContext: { http, cache } });

    await engine.handle(message('what was added to KEV this week?'));

    expect(seen).toEqual([http, cache, 'tenant-a']);
  });

  it('uses only the configured number of earlier turns as memory', async () => {
    const seen: number[] = [];
    const history = new MemoryTurnHistory();
    const recent = history.recent.bind(history);
    history.recent = async (tenantId, conversationId, limit): Promise<TurnRecord[]> => {
      seen.push(limit);
      return recent(tenantId, conversationId, limit);
    };
    const engine = engineWith({
      skills: Object.values(catalogFakes()),
      history,
      config: { ...ENGINE_CONFIG, memoryTurns: 2 },
    });

    await engine.handle(message('show open incidents'));

    expect(seen).toEqual([2]);
  });
});
