import { NotFoundError, ValidationError } from '../core/errors';
import type { TurnHistory, TurnRecord } from '../core/turns';
import type { DocumentStore, StoredDocument } from '../store/types';
import { isUsableId, withoutMeta } from './documents';

const CONTAINER = 'conversations';
const TURN_TYPE = 'turn';

type TurnDocument = TurnRecord & { type: typeof TURN_TYPE };

/** Turns (a question and its answer) in the `conversations` container, scoped by tenant. */
export class TurnRepository implements TurnHistory {
  constructor(private readonly store: DocumentStore) {}

  /** Saves or replaces a turn; `id` must equal `answer.turnId` so card actions find it. */
  async save(turn: TurnRecord): Promise<void> {
    if (turn.id !== turn.answer.turnId) {
      throw new ValidationError(
        'turn_invalid',
        `Turn "${turn.id}" carries an answer for turn "${turn.answer.turnId}": set both to the ` +
          'same id.',
      );
    }
    await this.store.upsert<TurnDocument>(CONTAINER, { ...turn, type: TURN_TYPE });
  }

  /** The turn, or undefined when this tenant has no turn with that id. */
  async get(tenantId: string, turnId: string): Promise<TurnRecord | undefined> {
    if (!isUsableId(turnId)) return undefined;
    const doc = await this.store.get<TurnDocument>(CONTAINER, tenantId, turnId);
    return doc?.type === TURN_TYPE ? toTurn(doc) : undefined;
  }

  /** The turn, or NotFoundError (`turn_not_found`) when this tenant has none with that id. */
  async require(tenantId: string, turnId: string): Promise<TurnRecord> {
    const turn = await this.get(tenantId, turnId);
    if (!turn) {
      throw new NotFoundError(
        'turn_not_found',
        'That answer is not available any more. Ask the question again for a fresh one.',
        { detail: { tenantId, turnId } },
      );
    }
    return turn;
  }

  /** The latest `limit` turns of a conversation, oldest first. */
  async recent(tenantId: string, conversationId: string, limit: number): Promise<TurnRecord[]> {
    if (limit < 1) return [];
    const docs = await this.store.query<TurnDocument>(CONTAINER, tenantId, {
      where: { type: TURN_TYPE, conversationId },
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: Math.floor(limit),
    });
    return docs.map(toTurn).reverse();
  }
}

function toTurn(doc: StoredDocument<TurnDocument>): TurnRecord {
  return withoutMeta(doc);
}
