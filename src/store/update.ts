import { ConflictError, ValidationError } from '../core/errors';
import type { ContainerName, DocumentStore, NewDocument, StoredDocument } from './types';

/**
 * The next version of a document, given the stored one (undefined when there is none yet).
 * Return undefined to leave the document as it is. It may run more than once: keep it free of
 * side effects other than building the next document.
 */
export type Mutation<T extends object> = (
  current: StoredDocument<T> | undefined,
) => NewDocument<T> | undefined | Promise<NewDocument<T> | undefined>;

export interface UpdateOptions {
  /** Reads and writes tried before giving up; default 5. */
  maxAttempts?: number;
  /** First back-off step; default 10 ms. */
  baseDelayMs?: number;
  /** Longest wait between attempts; default 200 ms. */
  maxDelayMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BASE_DELAY_MS = 10;
const DEFAULT_MAX_DELAY_MS = 200;

/**
 * Wait before retrying after a lost write: exponential with full jitter, so writers that
 * collided once spread out instead of colliding again.
 */
export function conflictBackoffMs(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Read, change, write with `ifMatch`, and start again when another writer got there first.
 * Returns what was written, or the unchanged document when the mutation returned undefined.
 */
export async function updateWithRetry<T extends object>(
  store: DocumentStore,
  container: ContainerName,
  tenantId: string,
  id: string,
  mutate: Mutation<T>,
  options: UpdateOptions = {},
): Promise<StoredDocument<T> | undefined> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  let lastConflict: ConflictError | undefined;

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const current = await store.get<T>(container, tenantId, id);
    const next = await mutate(current);
    if (next === undefined) return current;
    checkSameDocument(next, tenantId, id);

    try {
      return current
        ? await store.upsert<T>(container, next, { ifMatch: current.etag })
        : await store.create<T>(container, next);
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'store_conflict')) throw error;
      lastConflict = error;
    }

    if (attempt < maxAttempts) await sleep(conflictBackoffMs(attempt, baseDelayMs, maxDelayMs));
  }

  throw new ConflictError(
    'store_conflict',
    `Gave up updating "${id}" in ${container} after ${maxAttempts} attempts: other writers kept ` +
      'changing it. Retry later, or raise maxAttempts.',
    { cause: lastConflict },
  );
}

function checkSameDocument(next: NewDocument<object>, tenantId: string, id: string): void {
  if (next.id !== id || next.tenantId !== tenantId) {
    throw new ValidationError(
      'store_document_invalid',
      `An update of "${id}" must keep its id and tenantId; write a new document to move it.`,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
