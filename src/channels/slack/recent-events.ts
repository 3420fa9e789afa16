/**
 * Event ids seen lately, so an event Slack delivers twice (a retry after a slow or lost
 * acknowledgement) is answered once. Memory is bounded by age and by count; a restart forgets,
 * which at worst answers a retried mention twice.
 */
export interface RecentEventIdsOptions {
  /** How long an id is remembered; Slack retries within about five minutes. Default 10 min. */
  ttlMs?: number;
  /** Most ids remembered; the oldest are forgotten first. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

export class RecentEventIds {
  private readonly seenAt = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: RecentEventIdsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** True when the id was seen within the window; otherwise remembers it and returns false. */
  checkAndRemember(eventId: string): boolean {
    const now = this.now();
    this.forgetOld(now);
    const at = this.seenAt.get(eventId);
    if (at !== undefined) return true;
    this.seenAt.set(eventId, now);
    if (this.seenAt.size > this.maxEntries) {
      const oldest = this.seenAt.keys().next().value;
      if (oldest !== undefined) this.seenAt.delete(oldest);
    }
    return false;
  }

  /** Forgets an id whose event was turned away, so Slack's retry of it is answered. */
  forget(eventId: string): void {
    this.seenAt.delete(eventId);
  }

  get size(): number {
    return this.seenAt.size;
  }

  /** Ids are kept in arrival order, so expired ones are always at the front. */
  private forgetOld(now: number): void {
    for (const [id, at] of this.seenAt) {
      if (now - at < this.ttlMs) break;
      this.seenAt.delete(id);
    }
  }
}
