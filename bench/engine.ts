import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { InboundMessage } from '../src/core/conversation';
import { silentLogger } from '../src/core/logger';
import type { TurnHistory, TurnRecord } from '../src/core/turns';
import { Engine } from '../src/engine';
import type { Completion, CompletionRequest, ModelClient } from '../src/llm';
import type { AnySkill, SkillContext } from '../src/skills/types';

/**
 * Engine overhead per turn: the model and the skills answer at once, so what is measured is the
 * scope guard, planning, validation, fencing, redaction, composition and saving. The budget in
 * DESIGN.md is p50 under 2 ms and p99 under 10 ms.
 */

const WARM_UP_TURNS = 300;
const MEASURED_TURNS = 2500;

export interface BenchLine {
  name: string;
  turns: number;
  p50Ms: number;
  p99Ms: number;
}

/** Answers with one tool call, then with a final text once it has seen the tool result. */
class ScriptedModel implements ModelClient {
  readonly model = 'scripted';

  async complete(request: CompletionRequest): Promise<Completion> {
    const usage = { promptTokens: 100, completionTokens: 20, totalTokens: 120 };
    const last = request.messages[request.messages.length - 1];
    if (last.role === 'tool') {
      const content = 'Two risky sign-ins this week, both for Bob Lee from 185.220.101.4.';
      return { message: { role: 'assistant', content }, usage, finishReason: 'stop' };
    }
    const toolCalls = [{ id: 'call_1', name: 'list_signins', arguments: '{"riskyOnly":true}' }];
    return {
      message: { role: 'assistant', content: null, toolCalls },
      usage,
      finishReason: 'tool_calls',
    };
  }
}

/** Keeps turns per conversation so `recent` stays cheap however many turns are saved. */
class InMemoryHistory implements TurnHistory {
  private readonly byConversation = new Map<string, TurnRecord[]>();

  async recent(tenantId: string, conversationId: string, limit: number): Promise<TurnRecord[]> {
    return (this.byConversation.get(`${tenantId}/${conversationId}`) ?? []).slice(-limit);
  }

  async save(turn: TurnRecord): Promise<void> {
    const key = `${turn.tenantId}/${turn.conversationId}`;
    const turns = this.byConversation.get(key) ?? [];
    turns.push(turn);
    if (turns.length > 50) turns.splice(0, turns.length - 50);
    this.byConversation.set(key, turns);
  }
}

function stubSkills(): AnySkill[] {
  const rows = [
    ['bob.lee@contoso.com', '185.220.101.4', 'high'],
    ['bob.lee@contoso.com', '185.220.101.4', 'medium'],
  ];
  const signins: AnySkill = {
    name: 'list_signins',
    description: 'Entra ID sign-ins.',
    input: z.object({
      user: z.string().optional(),
      riskyOnly: z.boolean().optional(),
      sinceDays: z.number().int().min(1).max(90).optional(),
    }),
    run: async () => ({
      data: { signIns: rows },
      sources: [{ title: 'Entra ID sign-ins (demo)', kind: 'demo' }],
      view: {
        summary: '2 risky sign-ins for Bob Lee.',
        table: { columns: ['User', 'IP', 'Risk'], rows },
      },
      demoData: true,
    }),
  };
  return [signins];
}

function benchEngine(model?: ModelClient): Engine {
  let id = 0;
  return new Engine({
    skills: stubSkills(),
    history: new InMemoryHistory(),
    model,
    logger: silentLogger,
    now: () => new Date(),
    newId: () => `turn-${(id += 1)}`,
    config: { maxRounds: 4, toolOutputMaxTokens: 3000, skillTimeoutMs: 15000, memoryTurns: 6 },
    skillContext: ({ tenantId, signal, logger }): SkillContext => ({
      tenantId,
      signal,
      logger,
      http: { request: () => Promise.reject(new Error('no HTTP in the bench')) },
      cache: { get: async () => undefined, put: async () => undefined },
      now: () => new Date(),
    }),
  });
}

function question(text: string): InboundMessage {
  return {
    tenantId: 'bench-tenant',
    conversation: { id: 'bench-conv', tenantId: 'bench-tenant', channel: 'web' },
    user: { id: 'bench-user' },
    text,
    receivedAt: new Date().toISOString(),
  };
}

async function measure(name: string, engine: Engine): Promise<BenchLine> {
  const message = question('Which of our users had risky sign-ins this week?');
  for (let i = 0; i < WARM_UP_TURNS; i += 1) await engine.handle(message);
  // A bench that measured a refusal or an error path would flatter the engine.
  const { answer } = await engine.handle(message);
  if (answer.kind !== 'answer' || answer.skills[0] !== 'list_signins') {
    throw new Error(`${name}: expected an answer from list_signins, got ${answer.kind}`);
  }

  const samples: number[] = [];
  for (let i = 0; i < MEASURED_TURNS; i += 1) {
    const startedAt = performance.now();
    await engine.handle(message);
    samples.push(performance.now() - startedAt);
  }
  samples.sort((a, b) => a - b);
  return {
    name,
    turns: MEASURED_TURNS,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
  };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export async function runEngineBench(): Promise<BenchLine[]> {
  return [
    await measure(
      'engine overhead, LLM planner (model and skills stubbed)',
      benchEngine(new ScriptedModel()),
    ),
    await measure('engine overhead, offline planner (skills stubbed)', benchEngine()),
  ];
}

export function formatLine(line: BenchLine): string {
  const p50 = line.p50Ms.toFixed(3);
  const p99 = line.p99Ms.toFixed(3);
  return `${line.name}: p50 ${p50} ms, p99 ${p99} ms over ${line.turns} turns`;
}

if (require.main === module) {
  runEngineBench()
    .then((lines) => {
      for (const line of lines) process.stdout.write(`${formatLine(line)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`engine bench failed: ${String(error)}\n`);
      process.exitCode = 1;
    });
}
