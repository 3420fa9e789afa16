import { createHash, randomUUID } from 'node:crypto';
import { ValidationError } from '../core/errors';
import { checkKey } from '../store/documents';
import type { StoredDocument } from '../store/types';

/** Clock and id source, passed in so tests can fix time and ids. */
export interface CollabClock {
  /** Defaults to the system clock. */
  now?: () => Date;
  /** Defaults to random UUIDs. */
  newId?: () => string;
}

export function resolveClock(clock: CollabClock = {}): Required<CollabClock> {
  return { now: clock.now ?? (() => new Date()), newId: clock.newId ?? (() => randomUUID()) };
}

/**
 * A stable document id built from values that may be long or hold characters the stores refuse
 * in ids (Teams conversation ids can run past 255 characters).
 */
export function derivedId(prefix: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${prefix}-${digest}`;
}

/**
 * Ids in card actions come from clients. One the store could never hold cannot name anything,
 * so it is treated as unknown instead of surfacing the store's key rules to the user.
 */
export function isUsableId(id: unknown): id is string {
  try {
    checkKey('id', id);
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}

/** The caller's fields of a stored document, without what the store keeps for itself. */
export function withoutMeta<T extends object>(
  doc: StoredDocument<T>,
): Omit<StoredDocument<T>, 'etag' | 'updatedAt' | 'type'> {
  const { etag: _etag, updatedAt: _updatedAt, type: _type, ...fields } = doc;
  return fields;
}
