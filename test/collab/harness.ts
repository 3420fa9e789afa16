import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollabServices, type CollabServices } from '../../src/collab';
import type { CardAction, CardActionVerb } from '../../src/core/actions';
import type { Answer } from '../../src/core/answer';
import type { Actor, ConversationInfo } from '../../src/core/conversation';
import type { TurnRecord } from '../../src/core/turns';
import { SqliteStore } from '../../src/store/sqlite';

export const TENANT_A = 'tenant-a';
export const TENANT_B = 'tenant-b';

export const alex: Actor = { id: 'aad-alex', name: 'Alex Kim' };
export const priya: Actor = { id: 'aad-priya', name: 'Priya Nair' };

export interface Harness extends CollabServices {
  store: SqliteStore;
  close(): Promise<void>;
}

/**
 * Collaboration services on a real SQLite file in a temp folder. The clock moves one second
 * per reading, so "newest first" never depends on two writes landing in different milliseconds.
 */
export async function openHarness(): Promise<Harness> {
  const folder = mkdtempSync(join(tmpdir(), 'warden-collab-'));
  const store = new SqliteStore({ path: join(folder, 'warden.db') });
  await store.init();
  let tick = 0;
  let idCount = 0;
  const clock = {
    now: () => new Date(Date.UTC(2025, 0, 10, 9, 0, tick++)),
    newId: () => `id-${++idCount}`,
  };
  const services = createCollabServices({ store, ...clock });
  return {
    ...services,
    store,
    close: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function anAnswer(turnId: string, overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    turnId,
    title: 'Risky sign-ins for Bob Lee',
    summary: 'Bob Lee signed in **3 times** from 185.220.101.4, an anonymising exit node.',
    sources: [{ title: 'Entra ID sign-ins', kind: 'demo' }],
    demoData: true,
    skills: ['lookup_user', 'list_signins'],
    ...overrides,
  };
}

export function aTurn(
  id: string,
  overrides: Partial<TurnRecord> = {},
  answer: Partial<Answer> = {},
): TurnRecord {
  return {
    id,
    tenantId: TENANT_A,
    channel: 'teams',
    conversationId: 'conv-incident',
    conversationName: 'inc-2041-phishing',
    user: alex,
    question: 'Show risky sign-ins for bob this week',
    answer: anAnswer(id, answer),
    toolCalls: [{ skill: 'list_signins', input: { user: 'bob' }, ok: true, durationMs: 12 }],
    createdAt: '2025-01-10T08:00:00.000Z',
    ...overrides,
  };
}

export function aConversation(
  tenantId: string,
  id: string,
  name: string,
  channel: ConversationInfo['channel'] = 'teams',
): ConversationInfo & { name: string } {
  return { id, tenantId, channel, name };
}

export function anAction(
  verb: CardActionVerb,
  turnId: string,
  overrides: Partial<CardAction> = {},
): CardAction {
  return {
    verb,
    turnId,
    tenantId: TENANT_A,
    conversation: aConversation(TENANT_A, 'conv-incident', 'inc-2041-phishing'),
    actor: alex,
    inputs: {},
    ...overrides,
  };
}

/** Tenant A's incident channel with one answer, plus a second channel to share to. */
export async function seedTenantA(harness: Harness, turnId = 'turn-1'): Promise<TurnRecord> {
  const turn = aTurn(turnId);
  await harness.turns.save(turn);
  await harness.directory.register(aConversation(TENANT_A, 'conv-incident', 'inc-2041-phishing'));
  await harness.directory.register(aConversation(TENANT_A, 'conv-soc', 'soc-triage'));
  return turn;
}
