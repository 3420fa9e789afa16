import type { AccessToken, TokenCredential } from '@azure/identity';
import { ForbiddenError, UnavailableError, WardenError } from '../../core/errors';
import type { HttpClient, HttpResponse } from '../../core/http';
import type { Logger } from '../../core/logger';

export interface GraphClientOptions {
  http: HttpClient;
  credential: TokenCredential;
  logger: Logger;
  /** Graph root for the cloud in use (GRAPH_BASE_URL), e.g. https://graph.microsoft.us. */
  baseUrl: string;
  /** Most pages read for one list before stopping (GRAPH_MAX_PAGES). */
  maxPages: number;
  /** Per-attempt timeout, in ms. Default: the HTTP client's own. */
  timeoutMs?: number;
  /** Clock for token expiry, in epoch ms. Default Date.now. */
  nowMs?: () => number;
}

/** What one Graph read needs: where, with which query, and when to stop. */
export interface GraphRead {
  path: string;
  query?: Record<string, string | undefined>;
  signal: AbortSignal;
}

export interface GraphPage {
  items: Record<string, unknown>[];
  /** The first request made, for citing as a source. */
  requestUrl: string;
  /** True when more pages existed beyond the page cap. */
  truncated: boolean;
}

/** A token is renewed this long before it expires, so a slow request never carries a dead one. */
const TOKEN_RENEW_BEFORE_MS = 5 * 60 * 1000;

/**
 * Microsoft Graph over Warden's `HttpClient` (which already retries 429 and 5xx honouring
 * `Retry-After`): bearer tokens from the shared credential, `@odata.nextLink` paging with a cap,
 * and HTTP failures turned into WardenErrors that say what to do.
 */
export class GraphClient {
  readonly baseUrl: string;
  private readonly scope: string;
  private token?: AccessToken;
  private readonly nowMs: () => number;

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.scope = `${this.baseUrl}/.default`;
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** The absolute URL for a path and query, as sent and as cited. */
  urlFor(path: string, query: Record<string, string | undefined> = {}): string {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    return url.toString();
  }

  /** One object; undefined on 404. */
  async getOne(read: GraphRead): Promise<Record<string, unknown> | undefined> {
    const response = await this.send(this.urlFor(read.path, read.query), read.signal);
    if (response.status === 404) return undefined;
    return asObject(this.bodyOf(response, read.path));
  }

  /** Every item of a collection, following `@odata.nextLink` up to the page cap. */
  async list(read: GraphRead): Promise<GraphPage> {
    const requestUrl = this.urlFor(read.path, read.query);
    const items: Record<string, unknown>[] = [];
    let next: string | undefined = requestUrl;

    for (let page = 0; next !== undefined && page < this.options.maxPages; page++) {
      const body = asObject(this.bodyOf(await this.send(next, read.signal), read.path));
      items.push(...valuesOf(body));
      next = nextLinkOf(body);
      if (next !== undefined) this.assertSameOrigin(next, read.path);
    }
    if (next !== undefined) {
      this.options.logger.warn(
        { path: read.path, maxPages: this.options.maxPages },
        'graph list cut at the page cap',
      );
    }
    return { items, requestUrl, truncated: next !== undefined };
  }

  /** POST a JSON body and return the parsed response. */
  async post(read: GraphRead, body: unknown): Promise<Record<string, unknown>> {
    const url = this.urlFor(read.path, read.query);
    const response = await this.send(url, read.signal, body);
    return asObject(this.bodyOf(response, read.path));
  }

  /** The bearer token must never follow a link to another host. */
  private assertSameOrigin(link: string, path: string): void {
    if (URL.canParse(link) && new URL(link).origin === new URL(this.baseUrl).origin) return;
    throw new UnavailableError(
      'graph_next_link_foreign',
      `Graph ${path} sent a next page link outside ${this.baseUrl}; paging stopped.`,
      { userMessage: 'Microsoft Graph sent a page link Warden will not follow. Try again later.' },
    );
  }

  private async send(url: string, signal: AbortSignal, body?: unknown): Promise<HttpResponse> {
    const accessToken = await this.accessToken(signal);
    return this.options.http.request({
      url,
      method: body === undefined ? 'GET' : 'POST',
      body,
      signal,
      timeoutMs: this.options.timeoutMs,
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    });
  }

  private async accessToken(signal: AbortSignal): Promise<string> {
    const cached = this.token;
    if (cached && cached.expiresOnTimestamp - TOKEN_RENEW_BEFORE_MS > this.nowMs()) {
      return cached.token;
    }
    try {
      const fresh = await this.options.credential.getToken(this.scope, { abortSignal: signal });
      if (!fresh) throw new Error('the credential returned no token');
      this.token = fresh;
      return fresh.token;
    } catch (error) {
      throw new UnavailableError(
        'graph_auth_failed',
        `No Microsoft Graph token for ${this.scope}: ${describe(error)}`,
        {
          cause: error,
          userMessage:
            'Warden could not sign in to Microsoft Graph. Ask your administrator to check the ' +
            'AZURE_TENANT_ID / AZURE_CLIENT_ID settings and the managed identity or app secret.',
        },
      );
    }
  }

  private bodyOf(response: HttpResponse, path: string): unknown {
    if (response.status >= 200 && response.status < 300) {
      if (response.json === undefined) {
        throw new UnavailableError('graph_response_invalid', `Graph ${path} sent no JSON body.`, {
          userMessage: 'Microsoft Graph sent an answer Warden could not read. Try again later.',
        });
      }
      return response.json;
    }
    throw graphError(response, path);
  }
}

function graphError(response: HttpResponse, path: string): WardenError {
  const graphCode = errorCodeOf(response.json);
  const detail = { path, status: response.status, graphCode };
  const message = `Graph ${path} answered ${response.status}${graphCode ? ` (${graphCode})` : ''}.`;
  if (response.status === 401 || response.status === 403) {
    return new ForbiddenError('graph_forbidden', message, {
      detail,
      userMessage:
        `Microsoft Graph refused ${path} (${response.status}). The Warden identity needs the ` +
        'application permission listed for this data in the README; ask an administrator to ' +
        'grant it with admin consent.',
    });
  }
  return new UnavailableError('graph_request_failed', message, {
    detail,
    userMessage:
      `Microsoft Graph could not serve ${path} (HTTP ${response.status}). ` + 'Try again later.',
  });
}

function errorCodeOf(json: unknown): string | undefined {
  const error = (json as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
}

function asObject(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new UnavailableError('graph_response_invalid', 'Graph sent JSON that is not an object.', {
    userMessage: 'Microsoft Graph sent an answer Warden could not read. Try again later.',
  });
}

function valuesOf(body: Record<string, unknown>): Record<string, unknown>[] {
  const value = body.value ?? body.Value;
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> => isObject(item));
}

function nextLinkOf(body: Record<string, unknown>): string | undefined {
  const link = body['@odata.nextLink'];
  return typeof link === 'string' && link !== '' ? link : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
