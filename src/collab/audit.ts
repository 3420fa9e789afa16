import type { Actor } from '../core/conversation';
import type { DocumentStore, StoredDocument } from '../store/types';
import { resolveClock, type CollabClock } from './documents';

const CONTAINER = 'audit';
const AUDIT_TYPE = 'audit';

export interface AuditEntry {
  /** What happened: `pin`, `unpin`, `feedback`, `share`, or another component's verb. */
  action: string;
  actor: Actor;
  /** The id acted on (a turn id for card actions). */
  target: string;
  /** Ids and settings only; never message text. */
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  tenantId: string;
  /** ISO timestamp. */
  at: string;
}

type AuditDocument = AuditRecord & { type: typeof AUDIT_TYPE };

/** Who did what to which answer, per tenant, in the `audit` container. */
export class AuditLog {
  private readonly clock: Required<CollabClock>;

  constructor(
    private readonly store: DocumentStore,
    now?: () => Date,
    newId?: () => string,
  ) {
    this.clock = resolveClock({ now, newId });
  }

  async record(tenantId: string, entry: AuditEntry): Promise<AuditRecord> {
    const record: AuditRecord = {
      id: this.clock.newId(),
      tenantId,
      at: this.clock.now().toISOString(),
      action: entry.action,
      actor: entry.actor,
      target: entry.target,
      detail: entry.detail ?? {},
    };
    await this.store.create<AuditDocument>(CONTAINER, { ...record, type: AUDIT_TYPE });
    return record;
  }

  /** The newest entries first; at most `limit` (default 50). */
  async recent(tenantId: string, limit = 50): Promise<AuditRecord[]> {
    const docs = await this.store.query<AuditDocument>(CONTAINER, tenantId, {
      where: { type: AUDIT_TYPE },
      orderBy: { field: 'at', direction: 'desc' },
      limit,
    });
    return docs.map(toRecord);
  }
}

function toRecord(doc: StoredDocument<AuditDocument>): AuditRecord {
  const { id, tenantId, at, action, actor, target, detail } = doc;
  return { id, tenantId, at, action, actor, target, detail };
}
