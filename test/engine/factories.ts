import { z } from 'zod';
import type { Config } from '../../src/config';
import type { InboundMessage } from '../../src/core/conversation';
import type { Logger } from '../../src/core/logger';
import type { TurnHistory, TurnRecord } from '../../src/core/turns';
import { Engine, type EngineDeps } from '../../src/engine';
import type { AnySkill, SkillContext, SkillResult } from '../../src/skills/types';

/** Small builders for engine tests: messages, fake skills, in-memory history, a recording log. */

let messageCounter = 0;

export function message(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  messageCounter += 1;
  return {
    tenantId: 'tenant-a',
    conversation: { id: 'conv-1', tenantId: 'tenant-a', channel: 'web', name: 'soc-general' },
    user: { id: 'user-alex', name: 'Alex Kim' },
    text,
    receivedAt: new Date(Date.UTC(2026, 0, 5, 9, 0, messageCounter)).toISOString(),
    ...overrides,
  };
}

export class MemoryTurnHistory implements TurnHistory {
  readonly turns: TurnRecord[] = [];

  async recent(tenantId: string, conversationId: string, limit: number): Promise<TurnRecord[]> {
    return this.turns
      .filter((turn) => turn.tenantId === tenantId && turn.conversationId === conversationId)
      .slice(-limit);
  }

  async save(turn: TurnRecord): Promise<void> {
    this.turns.push(turn);
  }
}

export interface FakeSkill extends AnySkill {
  calls: unknown[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each fake has its own input
type Respond = (input: any, context: SkillContext) => Promise<SkillResult> | SkillResult;

export function fakeSkill(name: string, input: z.ZodType, respond?: Respond): FakeSkill {
  const calls: unknown[] = [];
  return {
    name,
    description: `Fake ${name} for tests.`,
    input,
    calls,
    async run(parsed, context) {
      calls.push(parsed);
      return respond
        ? respond(parsed, context)
        : result(`${name} ran with ${JSON.stringify(parsed)}.`);
    },
  };
}

export function result(summary: string, overrides: Partial<SkillResult> = {}): SkillResult {
  return {
    data: { summary },
    sources: [{ title: 'Demo tenant', kind: 'demo' }],
    view: { summary },
    demoData: true,
    ...overrides,
  };
}

const severity = z.enum(['informational', 'low', 'medium', 'high']);
const riskLevel = z.enum(['low', 'medium', 'high']);
const sinceDays = z.number().int().min(1).max(90).optional();

/** Input schemas of the skill catalog, as fakes that echo what they were asked. */
export const CATALOG_INPUTS: Record<string, z.ZodType> = {
  extract_indicators: z.object({ text: z.string().min(1) }),
  lookup_cve: z.object({ cveId: z.string().regex(/^CVE-\d{4}-\d{4,}$/) }),
  kev_recent: z.object({ days: z.number().int().min(1).max(365).optional() }),
  osv_query: z.object({ ecosystem: z.string(), name: z.string(), version: z.string() }),
  attack_technique: z.object({ id: z.string().regex(/^T\d{4}(\.\d{3})?$/) }),
  list_incidents: z.object({
    severity: severity.optional(),
    status: z.enum(['active', 'inProgress', 'resolved', 'redirected']).optional(),
    sinceDays,
  }),
  get_incident: z.object({ incidentId: z.string() }),
  list_signins: z.object({
    user: z.string().optional(),
    ip: z.string().optional(),
    app: z.string().optional(),
    riskLevel: riskLevel.optional(),
    riskyOnly: z.boolean().optional(),
    sinceDays,
  }),
  list_risky_users: z.object({ riskLevel: riskLevel.optional() }),
  list_devices: z.object({
    device: z.string().optional(),
    user: z.string().optional(),
    compliance: z.enum(['compliant', 'noncompliant', 'unknown']).optional(),
  }),
  lookup_user: z.object({ user: z.string() }),
  ip_activity: z.object({ ip: z.string(), sinceDays }),
  security_guidance: z.object({ topic: z.string() }),
};

export function catalogFakes(overrides: Record<string, Respond> = {}): Record<string, FakeSkill> {
  return Object.fromEntries(
    Object.entries(CATALOG_INPUTS).map(([name, input]) => [
      name,
      fakeSkill(name, input, overrides[name]),
    ]),
  );
}

export const ENGINE_CONFIG: Config['engine'] = {
  maxRounds: 4,
  toolOutputMaxTokens: 3000,
  skillTimeoutMs: 2000,
  memoryTurns: 6,
};

export function skillContext({
  tenantId,
  signal,
  logger,
}: {
  tenantId: string;
  signal: AbortSignal;
  logger: Logger;
}): SkillContext {
  return {
    tenantId,
    signal,
    logger,
    http: { request: () => Promise.reject(new Error('no HTTP in engine tests')) },
    cache: { get: async () => undefined, put: async () => undefined },
    now: () => new Date('2026-01-05T09:00:00Z'),
  };
}

let idCounter = 0;

export function engineWith(overrides: Partial<EngineDeps> & Pick<EngineDeps, 'skills'>): Engine {
  return new Engine({
    history: new MemoryTurnHistory(),
    logger: new RecordingLogger(),
    now: () => new Date('2026-01-05T09:00:00Z'),
    newId: () => `turn-${(idCounter += 1)}`,
    config: ENGINE_CONFIG,
    skillContext,
    ...overrides,
  });
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  bindings: Record<string, unknown>;
  fields: Record<string, unknown>;
  msg?: string;
}

/** A Logger that keeps every line with the bindings of its child chain. */
export class RecordingLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  debug(obj: object | string, msg?: string): void {
    this.record('debug', obj, msg);
  }
  info(obj: object | string, msg?: string): void {
    this.record('info', obj, msg);
  }
  warn(obj: object | string, msg?: string): void {
    this.record('warn', obj, msg);
  }
  error(obj: object | string, msg?: string): void {
    this.record('error', obj, msg);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new RecordingLogger(this.entries, { ...this.bindings, ...bindings });
  }

  at(level: LogEntry['level']): LogEntry[] {
    return this.entries.filter((entry) => entry.level === level);
  }

  private record(level: LogEntry['level'], obj: object | string, msg?: string): void {
    const fields = typeof obj === 'string' ? {} : (obj as Record<string, unknown>);
    this.entries.push({
      level,
      bindings: this.bindings,
      fields,
      msg: typeof obj === 'string' ? obj : msg,
    });
  }
}
