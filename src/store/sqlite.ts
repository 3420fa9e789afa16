import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError, WardenError } from '../core/errors';
import { silentLogger, type Logger } from '../core/logger';
import {
  alreadyExists,
  checkContainer,
  checkKey,
  checkNewDocument,
  movedOn,
  newEtag,
  stampDocument,
} from './documents';
import { checkQuery, type CheckedQuery } from './query';
import type {
  ContainerName,
  DocumentStore,
  NewDocument,
  Query,
  StoredDocument,
  WriteOptions,
} from './types';

export interface SqliteStoreOptions {
  /** File path (env SQLITE_PATH, default ./data/warden.db); `:memory:` for throwaway stores. */
  path: string;
  logger?: Logger;
  /** How long a write waits for another process holding the file lock; default 5,000 ms. */
  busyTimeoutMs?: number;
}

interface Row {
  etag: string;
  body: string;
}

/**
 * One table holds every container: the container name is part of the key, next to the tenant,
 * the way Cosmos DB scopes an id to its container and partition.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    container TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    etag TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (container, tenant_id, id)
  );
  CREATE INDEX IF NOT EXISTS documents_by_conversation ON documents (
    container,
    tenant_id,
    json_extract(body, '$.conversationId')
  );
`;

/** SQLite result codes that mean the file or the disk is the problem, not the caller. */
const UNAVAILABLE_CODES =
  /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM|NOMEM)/;

/** The embedded default store: one SQLite file, WAL mode, documents kept as JSON text. */
export class SqliteStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly path: string;
  private readonly logger: Logger;

  constructor(options: SqliteStoreOptions) {
    this.path = options.path;
    this.logger = (options.logger ?? silentLogger).child({ component: 'store.sqlite' });
    this.db = openDatabase(options.path, options.busyTimeoutMs ?? 5000);
    this.logger.debug(
      { path: this.path, journalMode: this.db.pragma('journal_mode', { simple: true }) },
      'sqlite store opened',
    );
  }

  async init(): Promise<void> {
    this.run(() => this.db.exec(SCHEMA));
  }

  async get<T extends object>(
    container: ContainerName,
    tenantId: string,
    id: string,
  ): Promise<StoredDocument<T> | undefined> {
    checkContainer(container);
    checkKey('tenantId', tenantId);
    checkKey('id', id);
    const row = this.run(() => this.selectRow(container, tenantId, id));
    return row && toDocument<T>(row);
  }

  async create<T extends object>(
    container: ContainerName,
    doc: NewDocument<T>,
  ): Promise<StoredDocument<T>> {
    checkContainer(container);
    checkNewDocument(doc);
    const json = JSON.stringify(stampDocument(doc, undefined));
    const etag = newEtag();
    try {
      this.db
        .prepare(
          'INSERT INTO documents (container, tenant_id, id, etag, body) VALUES (?, ?, ?, ?, ?)',
        )
        .run(container, doc.tenantId, doc.id, etag, json);
    } catch (error) {
      if (errorCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw alreadyExists(container, doc.id, error);
      }
      throw this.toStoreError(error);
    }
    return toDocument<T>({ etag, body: json });
  }

  async upsert<T extends object>(
    container: ContainerName,
    doc: NewDocument<T>,
    options: WriteOptions = {},
  ): Promise<StoredDocument<T>> {
    checkContainer(container);
    checkNewDocument(doc);
    const write = () => {
      const stored = this.selectRow(container, doc.tenantId, doc.id);
      if (options.ifMatch !== undefined && stored?.etag !== options.ifMatch) {
        throw movedOn(container, doc.id);
      }
      const storedCreatedAt = stored && (JSON.parse(stored.body) as { createdAt?: string });
      const json = JSON.stringify(stampDocument(doc, storedCreatedAt?.createdAt));
      const etag = newEtag();
      this.db
        .prepare(
          `INSERT INTO documents (container, tenant_id, id, etag, body) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (container, tenant_id, id)
           DO UPDATE SET etag = excluded.etag, body = excluded.body`,
        )
        .run(container, doc.tenantId, doc.id, etag, json);
      return toDocument<T>({ etag, body: json });
    };
    return this.run(() => this.db.transaction(write).immediate());
  }

  async delete(
    container: ContainerName,
    tenantId: string,
    id: string,
    options: WriteOptions = {},
  ): Promise<boolean> {
    checkContainer(container);
    checkKey('tenantId', tenantId);
    checkKey('id', id);
    const remove = () => {
      const stored = this.selectRow(container, tenantId, id);
      if (!stored) return false;
      if (options.ifMatch !== undefined && stored.etag !== options.ifMatch) {
        throw movedOn(container, id);
      }
      this.db
        .prepare('DELETE FROM documents WHERE container = ? AND tenant_id = ? AND id = ?')
        .run(container, tenantId, id);
      return true;
    };
    return this.run(() => this.db.transaction(remove).immediate());
  }

  async query<T extends object>(
    container: ContainerName,
    tenantId: string,
    query?: Query,
  ): Promise<StoredDocument<T>[]> {
    checkContainer(container);
    checkKey('tenantId', tenantId);
    const { sql, params } = buildSelect(container, tenantId, checkQuery(query));
    const rows = this.run(() => this.db.prepare(sql).all(...params) as Row[]);
    return rows.map((row) => toDocument<T>(row));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private selectRow(container: ContainerName, tenantId: string, id: string): Row | undefined {
    return this.db
      .prepare('SELECT etag, body FROM documents WHERE container = ? AND tenant_id = ? AND id = ?')
      .get(container, tenantId, id) as Row | undefined;
  }

  /** Runs one SQLite call, turning file and disk failures into `store_unavailable`. */
  private run<R>(operation: () => R): R {
    try {
      return operation();
    } catch (error) {
      throw this.toStoreError(error);
    }
  }

  private toStoreError(error: unknown): WardenError {
    if (error instanceof WardenError) return error;
    if (!this.db.open) {
      return new UnavailableError(
        'store_unavailable',
        `The SQLite store at "${this.path}" is closed: it was used after close().`,
        { cause: error },
      );
    }
    const code = errorCode(error);
    if (code && UNAVAILABLE_CODES.test(code)) {
      return new UnavailableError(
        'store_unavailable',
        `The SQLite store at "${this.path}" failed (${code}): check that the disk has space ` +
          'and that no other program holds the file, then retry.',
        { cause: error, detail: { code } },
      );
    }
    return new WardenError('store_failed', `SQLite store call failed: ${message(error)}`, {
      cause: error,
      detail: { code },
    });
  }
}

function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path, { timeout: busyTimeoutMs });
    // WAL lets readers carry on while a write commits; it needs a real file, so `:memory:`
    // stays in its own journal mode.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    throw new UnavailableError(
      'store_unavailable',
      `Cannot open the SQLite store at "${path}" (${message(error)}). Set SQLITE_PATH to a ` +
        'file path in a writable folder (the folder is created when missing), or set ' +
        'STORE=cosmos to use Azure Cosmos DB.',
      { cause: error, detail: { path } },
    );
  }
}

function buildSelect(
  container: ContainerName,
  tenantId: string,
  query: CheckedQuery,
): { sql: string; params: unknown[] } {
  const clauses = ['container = ?', 'tenant_id = ?'];
  const params: unknown[] = [container, tenantId];

  // Field names are checked as plain identifiers (query.ts), so the JSON paths are written into
  // the SQL as literals: that is what lets SQLite use the expression index on conversationId.
  for (const [field, value] of query.where) {
    const path = `'$.${field}'`;
    if (value === null || typeof value === 'boolean') {
      clauses.push(`json_type(body, ${path}) = ?`);
      params.push(String(value));
    } else {
      clauses.push(
        `json_type(body, ${path}) IN (${jsonTypesOf(value)}) AND json_extract(body, ${path}) = ?`,
      );
      params.push(value);
    }
  }

  if (query.range) {
    const { field, gte, lt } = query.range;
    const path = `'$.${field}'`;
    // Cosmos DB compares only values of the same type, so SQLite must skip the others too.
    for (const [operator, bound] of [
      ['>=', gte],
      ['<', lt],
    ] as const) {
      if (bound === undefined) continue;
      clauses.push(
        `json_type(body, ${path}) IN (${jsonTypesOf(bound)}) ` +
          `AND json_extract(body, ${path}) ${operator} ?`,
      );
      params.push(bound);
    }
  }

  let sql = `SELECT etag, body FROM documents WHERE ${clauses.join(' AND ')}`;
  if (query.orderBy) {
    const direction = query.orderBy.direction === 'desc' ? 'DESC' : 'ASC';
    sql += ` ORDER BY json_extract(body, '$.${query.orderBy.field}') ${direction}, id ${direction}`;
  }
  sql += ' LIMIT ?';
  params.push(query.limit);
  return { sql, params };
}

function jsonTypesOf(value: string | number): string {
  return typeof value === 'string' ? `'text'` : `'integer', 'real'`;
}

function toDocument<T>(row: Row): StoredDocument<T> {
  return { ...(JSON.parse(row.body) as object), etag: row.etag } as StoredDocument<T>;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
