import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError } from '../core/errors';
import { CONTAINERS, type ContainerName, type DocumentMeta, type NewDocument } from './types';

/**
 * Rules both backends share, so a document accepted by SQLite is accepted by Cosmos DB and the
 * other way round.
 */

/** Cosmos DB refuses these characters in ids; SQLite refuses them too so the backends agree. */
const FORBIDDEN_ID_CHARACTERS = /[/\\?#]/;

/** Cosmos DB's limit on the length of an id and of a partition key value. */
const MAX_KEY_LENGTH = 255;

export function checkContainer(container: unknown): ContainerName {
  if (!CONTAINERS.includes(container as ContainerName)) {
    throw new ValidationError(
      'store_container_unknown',
      `There is no container "${String(container)}": use one of ${CONTAINERS.join(', ')}.`,
    );
  }
  return container as ContainerName;
}

export function checkKey(name: 'id' | 'tenantId', value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(
      'store_document_invalid',
      `Document ${name} must be a non-empty string; got ${JSON.stringify(value)}.`,
    );
  }
  if (value.length > MAX_KEY_LENGTH || FORBIDDEN_ID_CHARACTERS.test(value)) {
    throw new ValidationError(
      'store_document_invalid',
      `Document ${name} "${value.slice(0, 40)}" is not usable as a key: keep it under ` +
        `${MAX_KEY_LENGTH} characters and free of / \\ ? and #.`,
    );
  }
  return value;
}

export function checkNewDocument(doc: NewDocument<object>): void {
  checkKey('id', doc.id);
  checkKey('tenantId', doc.tenantId);
  if (typeof doc.type !== 'string' || doc.type.length === 0) {
    throw new ValidationError(
      'store_document_invalid',
      `Document "${doc.id}" has no type: set a non-empty "type" string.`,
    );
  }
}

/** Fields a backend keeps for itself and never stores inside the document body. */
type BodyDocument = Omit<DocumentMeta, 'etag'> & Record<string, unknown>;

/**
 * The body to store: the caller's fields plus timestamps. A caller-supplied `createdAt` wins
 * (it is how a document read earlier and written back keeps its age), then the stored one.
 */
export function stampDocument(
  doc: NewDocument<object>,
  storedCreatedAt: string | undefined,
  now: Date = new Date(),
): BodyDocument {
  const { etag: _ignoredEtag, ...fields } = doc as NewDocument<object> & { etag?: unknown };
  const given = (fields as { createdAt?: unknown }).createdAt;
  const createdAt = typeof given === 'string' ? given : (storedCreatedAt ?? now.toISOString());
  return { ...fields, createdAt, updatedAt: now.toISOString() } as BodyDocument;
}

export function newEtag(): string {
  return randomUUID();
}

export function alreadyExists(container: string, id: string, cause?: unknown): ConflictError {
  return new ConflictError(
    'store_conflict',
    `A document "${id}" already exists in ${container}: read it and update it instead.`,
    { cause },
  );
}

export function movedOn(container: string, id: string, cause?: unknown): ConflictError {
  return new ConflictError(
    'store_conflict',
    `Document "${id}" in ${container} changed or was removed since it was read: read it again ` +
      'and retry.',
    { cause },
  );
}
