import type { Actor } from '../core/conversation';
import { ConflictError, ValidationError } from '../core/errors';
import type { DocumentStore, StoredDocument } from '../store/types';
import type { AuditLog } from './audit';
import { isUsableId, resolveClock, type CollabClock } from './documents';
import { assertTurnInConversation } from './guards';
import type { TurnRepository } from './turns';

const CONTAINER = 'pins';
const PIN_TYPE = 'pin';
const MAX_BOARD_PINS = 200;

/** A pinned answer, with the title and summary it had when it was pinned. */
export interface Pin {
  turnId: string;
  conversationId: string;
  conversationName?: string;
  pinnedBy: Actor;
  /** ISO timestamp. */
  pinnedAt: string;
  title: string;
  summary: string;
  demoData: boolean;
}

/** What a card shows about a pin (`CardView.pinned`). */
export interface PinState {
  by: string;
  at: string;
}

/** One pin per answer; the document id is the turn id. */
type PinDocument = Pin & { id: string; tenantId: string; type: typeof PIN_TYPE };

export interface PinServiceDeps extends CollabClock {
  store: DocumentStore;
  turns: TurnRepository;
  audit: AuditLog;
}

/** Pins answers to their conversation's pin board. */
export class PinService {
  private readonly clock: Required<CollabClock>;

  constructor(private readonly deps: PinServiceDeps) {
    this.clock = resolveClock(deps);
  }

  /** Pins an answer of this conversation. Pinning a pinned answer keeps the first pin. */
  async pin(tenantId: string, turnId: string, actor: Actor, conversationId: string): Promise<Pin> {
    const turn = await this.deps.turns.require(tenantId, turnId);
    assertTurnInConversation(turn, conversationId, 'pin');
    if (turn.answer.kind !== 'answer') {
      throw new ValidationError(
        'pin_not_answer',
        'Only answers can be pinned; refusals, questions back and errors cannot.',
      );
    }
    const pin: Pin = {
      turnId,
      conversationId,
      ...(turn.conversationName !== undefined && { conversationName: turn.conversationName }),
      pinnedBy: actor,
      pinnedAt: this.clock.now().toISOString(),
      title: turn.answer.title,
      summary: turn.answer.summary,
      demoData: turn.answer.demoData,
    };
    try {
      await this.deps.store.create<PinDocument>(CONTAINER, {
        ...pin,
        id: turnId,
        tenantId,
        type: PIN_TYPE,
      });
    } catch (error) {
      const existing = await this.existingPin(error, tenantId, turnId);
      if (existing) return existing;
      throw error;
    }
    await this.deps.audit.record(tenantId, {
      action: 'pin',
      actor,
      target: turnId,
      detail: { conversationId },
    });
    return pin;
  }

  /** Takes an answer off the pin board; returns false when it was not pinned. */
  async unpin(
    tenantId: string,
    turnId: string,
    actor: Actor,
    conversationId: string,
  ): Promise<boolean> {
    const turn = await this.deps.turns.require(tenantId, turnId);
    assertTurnInConversation(turn, conversationId, 'unpin');
    const removed = await this.deps.store.delete(CONTAINER, tenantId, turnId);
    if (removed) {
      await this.deps.audit.record(tenantId, {
        action: 'unpin',
        actor,
        target: turnId,
        detail: { conversationId },
      });
    }
    return removed;
  }

  /** The conversation's pin board: its pins, newest first (at most 200). */
  async board(tenantId: string, conversationId: string): Promise<Pin[]> {
    const docs = await this.deps.store.query<PinDocument>(CONTAINER, tenantId, {
      where: { type: PIN_TYPE, conversationId },
      orderBy: { field: 'pinnedAt', direction: 'desc' },
      limit: MAX_BOARD_PINS,
    });
    return docs.map(toPin);
  }

  /** Who pinned the answer and when, or undefined when it is not pinned. */
  async pinState(tenantId: string, turnId: string): Promise<PinState | undefined> {
    if (!isUsableId(turnId)) return undefined;
    const doc = await this.deps.store.get<PinDocument>(CONTAINER, tenantId, turnId);
    if (doc?.type !== PIN_TYPE) return undefined;
    return { by: doc.pinnedBy.name ?? doc.pinnedBy.id, at: doc.pinnedAt };
  }

  /** Two people pinning at once: the second create conflicts and the first pin stands. */
  private async existingPin(
    error: unknown,
    tenantId: string,
    turnId: string,
  ): Promise<Pin | undefined> {
    if (!(error instanceof ConflictError)) return undefined;
    const doc = await this.deps.store.get<PinDocument>(CONTAINER, tenantId, turnId);
    return doc && toPin(doc);
  }
}

function toPin(doc: StoredDocument<PinDocument>): Pin {
  const { turnId, conversationId, conversationName, pinnedBy, pinnedAt } = doc;
  const { title, summary, demoData } = doc;
  const pin: Pin = { turnId, conversationId, pinnedBy, pinnedAt, title, summary, demoData };
  if (conversationName !== undefined) pin.conversationName = conversationName;
  return pin;
}
