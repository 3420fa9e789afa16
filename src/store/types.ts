/**
 * The one state interface. Two backends implement it: SQLite (embedded default) and Azure
 * Cosmos DB. Every read, write and query names the tenant; a document of one tenant can never
 * be read or changed through another tenant's call.
 */
export const CONTAINERS = [
  'conversations',
  'pins',
  'feedback',
  'promptbooks',
  'subscriptions',
  'installations',
  'audit',
  'cache',
  'leases',
] as const;

export type ContainerName = (typeof CONTAINERS)[number];

/** Fields every stored document has. `etag` and the timestamps are set by the store. */
export interface DocumentMeta {
  id: string;
  /** Partition key: Teams tenant id, Slack team id, or `_global` for shared caches. */
  tenantId: string;
  type: string;
  /** ISO timestamps, set by the store. */
  createdAt: string;
  updatedAt: string;
  /** Opaque version tag; changes on every write. */
  etag: string;
}

/**
 * What callers hand to `create` and `upsert`. The store sets `etag` and `updatedAt`; a given
 * `createdAt` is kept, otherwise the stored one, otherwise now.
 */
export type NewDocument<T> = T & { id: string; tenantId: string; type: string };

export type StoredDocument<T> = T & DocumentMeta;

export type FieldValue = string | number | boolean | null;

/** A deliberately small query model both backends can run exactly the same way. */
export interface Query {
  /** Equality filters on top-level fields, all of which must match. */
  where?: Record<string, FieldValue>;
  /** Keep documents whose field is at or after / before this value (ISO strings compare). */
  range?: { field: string; gte?: string | number; lt?: string | number };
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  /** At most this many documents; default 100, capped at 1,000. */
  limit?: number;
}

export interface WriteOptions {
  /** Only write when the stored etag still equals this one (optimistic concurrency). */
  ifMatch?: string;
}

export interface DocumentStore {
  /** Creates tables or database and containers when missing. Safe to call twice. */
  init(): Promise<void>;
  get<T extends object>(
    container: ContainerName,
    tenantId: string,
    id: string,
  ): Promise<StoredDocument<T> | undefined>;
  /** Fails with ConflictError (`store_conflict`) when a document with this id exists. */
  create<T extends object>(
    container: ContainerName,
    doc: NewDocument<T>,
  ): Promise<StoredDocument<T>>;
  /** Creates or replaces. With `ifMatch`, fails with ConflictError when the etag moved on. */
  upsert<T extends object>(
    container: ContainerName,
    doc: NewDocument<T>,
    options?: WriteOptions,
  ): Promise<StoredDocument<T>>;
  /** Returns false when nothing was there. With `ifMatch`, ConflictError when it moved on. */
  delete(
    container: ContainerName,
    tenantId: string,
    id: string,
    options?: WriteOptions,
  ): Promise<boolean>;
  query<T extends object>(
    container: ContainerName,
    tenantId: string,
    query?: Query,
  ): Promise<StoredDocument<T>[]>;
  close(): Promise<void>;
}
