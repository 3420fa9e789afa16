import type { TokenCredential } from '@azure/identity';
import { ForbiddenError, UnavailableError, type WardenError } from '../../core/errors';
import type { HttpClient, HttpResponse } from '../../core/http';
import type { Logger } from '../../core/logger';
import { BearerToken } from './token';

export interface LogAnalyticsClientOptions {
  http: HttpClient;
  credential: TokenCredential;
  logger: Logger;
  /**
   * Query API root for the cloud in use (LOG_ANALYTICS_BASE_URL), e.g.
   * https://api.loganalytics.io, or https://api.loganalytics.us for Azure Government.
   */
  baseUrl: string;
  /** The workspace (customer) id, a GUID (SENTINEL_WORKSPACE_ID). */
  workspaceId: string;
  /** Per-attempt timeout, in ms. Default: the HTTP client's own. */
  timeoutMs?: number;
}

export interface KqlQuery {
  query: string;
  /** ISO 8601 duration the query is bounded to, e.g. PT24H; always sent. */
  timespan: string;
  signal: AbortSignal;
}

export interface KqlTable {
  name: string;
  rows: Record<string, unknown>[];
}

export interface KqlResult {
  tables: KqlTable[];
  /** Rows of the first table (PrimaryResult), the one a query's answer lives in. */
  rows: Record<string, unknown>[];
  /** Set when the service answered with tables and an error beside them (results may be cut). */
  partialError?: string;
  /** The URL the query was posted to, for citing as a source. */
  requestUrl: string;
}

/**
 * The Log Analytics query API (`POST /v1/workspaces/{id}/query`) over Warden's `HttpClient`,
 * which already retries 429 and 5xx honouring `Retry-After`. Tables of columns and row arrays
 * become row objects keyed by column name.
 * https://learn.microsoft.com/rest/api/loganalytics/dataaccess/query/execute
 */
export class LogAnalyticsClient {
  readonly baseUrl: string;
  readonly workspaceId: string;
  private readonly token: BearerToken;

  constructor(private readonly options: LogAnalyticsClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.workspaceId = options.workspaceId;
    this.token = new BearerToken({
      credential: options.credential,
      scope: `${this.baseUrl}/.default`,
      serviceName: 'Log Analytics',
    });
  }

  get queryUrl(): string {
    return `${this.baseUrl}/v1/workspaces/${encodeURIComponent(this.workspaceId)}/query`;
  }

  async query(request: KqlQuery): Promise<KqlResult> {
    const accessToken = await this.token.get(request.signal);
    const response = await this.options.http.request({
      url: this.queryUrl,
      method: 'POST',
      body: { query: request.query, timespan: request.timespan },
      signal: request.signal,
      timeoutMs: this.options.timeoutMs,
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    });
    if (response.status < 200 || response.status >= 300) throw queryError(response);

    const result = parseQueryResponse(response.json, this.queryUrl);
    if (result.partialError !== undefined) {
      this.options.logger.warn({ partialError: result.partialError }, 'kql partial result');
    }
    return result;
  }
}

/** Turns a query response body into row objects; exported so documented samples can be parsed. */
export function parseQueryResponse(json: unknown, requestUrl: string): KqlResult {
  const body = isObject(json) ? json : undefined;
  const rawTables = body?.tables ?? body?.Tables;
  const error = describeError(body?.error);
  if (!Array.isArray(rawTables)) throw noTablesError(error);
  const tables = rawTables.filter(isObject).map(tableOf);
  return { tables, rows: tables[0]?.rows ?? [], partialError: error, requestUrl };
}

/** A 200 without tables is a failed query when the body says why, else an unreadable answer. */
function noTablesError(reason: string | undefined): WardenError {
  if (reason !== undefined) {
    return new UnavailableError('loganalytics_query_failed', `Log Analytics failed: ${reason}`, {
      userMessage: `Log Analytics could not finish the query: ${reason}.`,
    });
  }
  return new UnavailableError('loganalytics_response_invalid', 'Log Analytics sent no tables.', {
    userMessage: 'Log Analytics sent an answer Warden could not read. Try again later.',
  });
}

function tableOf(raw: Record<string, unknown>): KqlTable {
  const columns = arrayOf(raw.columns ?? raw.Columns)
    .filter(isObject)
    .map((column) => String(column.name ?? column.ColumnName ?? ''));
  const rows = arrayOf(raw.rows ?? raw.Rows)
    .filter(Array.isArray)
    .map((cells) => rowOf(columns, cells as unknown[]));
  return { name: String(raw.name ?? raw.TableName ?? ''), rows };
}

function rowOf(columns: string[], cells: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  columns.forEach((column, index) => {
    row[column] = cells[index] ?? null;
  });
  return row;
}

function queryError(response: HttpResponse): WardenError {
  const reason = isObject(response.json) ? describeError(response.json.error) : undefined;
  const message = `Log Analytics query answered ${response.status}${reason ? `: ${reason}` : ''}.`;
  const detail = { status: response.status };
  if (response.status === 401 || response.status === 403) {
    return new ForbiddenError('loganalytics_forbidden', message, {
      detail,
      userMessage:
        `Log Analytics refused the query (${response.status}). The Warden identity needs the ` +
        'Log Analytics Reader role on the Sentinel workspace; ask an administrator to assign it.',
    });
  }
  if (response.status === 429) {
    return new UnavailableError('loganalytics_throttled', message, {
      detail,
      userMessage:
        'Log Analytics is limiting how many queries Warden may run right now. Try again in a ' +
        'minute.',
    });
  }
  if (response.status === 400) {
    return new UnavailableError('loganalytics_query_invalid', message, {
      detail,
      userMessage: `Log Analytics could not run the query: ${reason ?? 'it is not valid KQL'}.`,
    });
  }
  return new UnavailableError('loganalytics_request_failed', message, {
    detail,
    userMessage:
      `Log Analytics could not run the query (HTTP ${response.status}). ` + 'Try again later.',
  });
}

/** The service nests the useful text in `innererror`; the outer message is often generic. */
function describeError(error: unknown): string | undefined {
  if (!isObject(error)) return undefined;
  const inner = describeError(error.innererror ?? error.innerError);
  const own = typeof error.message === 'string' ? error.message : undefined;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const text = [own ?? code, inner].filter((part) => part !== undefined).join(' — ');
  return text === '' ? undefined : text;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
