import type { TokenCredential } from '@azure/identity';
import { ForbiddenError, UnavailableError, WardenError } from '../core/errors';
import type { HttpClient, HttpResponse } from '../core/http';
import type { Logger } from '../core/logger';
import { BearerToken } from './azure/token';

/** What differs between the Microsoft REST APIs Warden reads (Graph, Azure Resource Manager). */
export interface RestService {
  /** For messages: "Microsoft Graph", "Microsoft Sentinel". */
  name: string;
  /** Prefix of error codes: `graph` gives `graph_forbidden`, `graph_request_failed`, ... */
  codePrefix: string;
  /** The body field holding the next page's URL: `@odata.nextLink` (Graph), `nextLink` (ARM). */
  nextLinkField: string;
  /** What an administrator must grant when the service answers 403. */
  forbiddenAdvice: string;
  /** What to check when a list or action answers 404: usually the configured resource names. */
  notFoundAdvice?: string;
  /** Query parameters every request carries, such as ARM's `api-version`. */
  fixedQuery?: Record<string, string>;
}

export interface RestClientOptions {
  http: HttpClient;
  credential: TokenCredential;
  logger: Logger;
  /** API root for the cloud in use, e.g. https://graph.microsoft.us; the token scope too. */
  baseUrl: string;
  /** Most pages read for one list before stopping. */
  maxPages: number;
  /** Per-attempt timeout, in ms. Default: the HTTP client's own. */
  timeoutMs?: number;
  /** Clock for token expiry, in epoch ms. Default Date.now. */
  nowMs?: () => number;
}

/** What one read needs: where, with which query, and when to stop. */
export interface RestRead {
  path: string;
  query?: Record<string, string | undefined>;
  signal: AbortSignal;
}

export interface RestPage {
  items: Record<string, unknown>[];
  /** The first request made, for citing as a source. */
  requestUrl: string;
  /** True when more pages existed beyond the page cap. */
  truncated: boolean;
}

/**
 * A Microsoft REST API over Warden's `HttpClient` (which already retries 429 and 5xx honouring
 * `Retry-After`): bearer tokens for `<baseUrl>/.default` from the shared credential, next-link
 * paging with a cap, and HTTP failures turned into WardenErrors that say what to do.
 */
export class RestClient {
  readonly baseUrl: string;
  private readonly token: BearerToken;

  constructor(
    private readonly options: RestClientOptions,
    readonly service: RestService,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = new BearerToken({
      credential: options.credential,
      scope: `${this.baseUrl}/.default`,
      serviceName: service.name,
      nowMs: options.nowMs,
    });
  }

  /** The absolute URL for a path and query, as sent and as cited. */
  urlFor(path: string, query: Record<string, string | undefined> = {}): string {
    const url = new URL(`${this.baseUrl}${path}`);
    const all = { ...this.service.fixedQuery, ...query };
    for (const [name, value] of Object.entries(all)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    return url.toString();
  }

  /** One object; undefined on 404. */
  async getOne(read: RestRead): Promise<Record<string, unknown> | undefined> {
    const response = await this.send(this.urlFor(read.path, read.query), read.signal);
    if (response.status === 404) return undefined;
    return this.objectOf(this.bodyOf(response, read.path));
  }

  /** Every item of a collection, following the next-page link up to the page cap. */
  async list(read: RestRead): Promise<RestPage> {
    const requestUrl = this.urlFor(read.path, read.query);
    return this.follow(requestUrl, read, await this.send(requestUrl, read.signal));
  }

  /** A collection answered to a POST (ARM's `incidents/{id}/alerts`), paged by GET. */
  async listPosted(read: RestRead, body: unknown = {}): Promise<RestPage> {
    const requestUrl = this.urlFor(read.path, read.query);
    return this.follow(requestUrl, read, await this.send(requestUrl, read.signal, body));
  }

  /** POST a JSON body and return the parsed response. */
  async post(read: RestRead, body: unknown): Promise<Record<string, unknown>> {
    const url = this.urlFor(read.path, read.query);
    const response = await this.send(url, read.signal, body);
    return this.objectOf(this.bodyOf(response, read.path));
  }

  private async follow(requestUrl: string, read: RestRead, first: HttpResponse) {
    const items: Record<string, unknown>[] = [];
    let response: HttpResponse | undefined = first;
    let next: string | undefined;
    for (let page = 0; response !== undefined; page++) {
      const body = this.objectOf(this.bodyOf(response, read.path));
      items.push(...valuesOf(body));
      next = this.nextLinkOf(body);
      if (next === undefined || page + 1 >= this.options.maxPages) break;
      this.assertSameOrigin(next, read.path);
      response = await this.send(next, read.signal);
    }
    if (next !== undefined) {
      this.options.logger.warn(
        { path: read.path, maxPages: this.options.maxPages },
        `${this.service.codePrefix} list cut at the page cap`,
      );
    }
    const page: RestPage = { items, requestUrl, truncated: next !== undefined };
    return page;
  }

  /** The bearer token must never follow a link to another host. */
  private assertSameOrigin(link: string, path: string): void {
    if (URL.canParse(link) && new URL(link).origin === new URL(this.baseUrl).origin) return;
    const { name, codePrefix } = this.service;
    throw new UnavailableError(
      `${codePrefix}_next_link_foreign`,
      `${name} ${path} sent a next page link outside ${this.baseUrl}; paging stopped.`,
      { userMessage: `${name} sent a page link Warden will not follow. Try again later.` },
    );
  }

  private async send(url: string, signal: AbortSignal, body?: unknown): Promise<HttpResponse> {
    const accessToken = await this.token.get(signal);
    return this.options.http.request({
      url,
      method: body === undefined ? 'GET' : 'POST',
      body,
      signal,
      timeoutMs: this.options.timeoutMs,
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    });
  }

  private bodyOf(response: HttpResponse, path: string): unknown {
    if (response.status < 200 || response.status >= 300) {
      throw restError(this.service, response, path);
    }
    if (response.json === undefined) throw this.unreadable(`${path} sent no JSON body`);
    return response.json;
  }

  private objectOf(value: unknown): Record<string, unknown> {
    if (isObject(value)) return value;
    throw this.unreadable('the JSON sent is not an object');
  }

  private unreadable(why: string): UnavailableError {
    const { name, codePrefix } = this.service;
    return new UnavailableError(`${codePrefix}_response_invalid`, `${name}: ${why}.`, {
      userMessage: `${name} sent an answer Warden could not read. Try again later.`,
    });
  }

  private nextLinkOf(body: Record<string, unknown>): string | undefined {
    const field = this.service.nextLinkField;
    const link = body[field] ?? body[field.charAt(0).toUpperCase() + field.slice(1)];
    return typeof link === 'string' && link !== '' ? link : undefined;
  }
}

function restError(service: RestService, response: HttpResponse, path: string): WardenError {
  const serviceCode = errorCodeOf(response.json);
  const { name, codePrefix } = service;
  const detail = { path, status: response.status, serviceCode };
  const code = serviceCode ? ` (${serviceCode})` : '';
  const message = `${name} ${path} answered ${response.status}${code}.`;
  if (response.status === 401) {
    return new ForbiddenError(`${codePrefix}_unauthorized`, message, {
      detail,
      userMessage:
        `${name} did not accept Warden's token (401). An administrator should check ` +
        'AZURE_TENANT_ID, AZURE_CLIENT_ID and the credential, and that AZURE_AUTHORITY_HOST ' +
        'and the base URL name the same cloud.',
    });
  }
  if (response.status === 403) {
    return new ForbiddenError(`${codePrefix}_forbidden`, message, {
      detail,
      userMessage: `${name} refused the request (403). ${service.forbiddenAdvice}`,
    });
  }
  if (response.status === 404 && service.notFoundAdvice) {
    return new UnavailableError(`${codePrefix}_not_found`, message, {
      detail,
      userMessage: `${name} found nothing at ${path} (HTTP 404). ${service.notFoundAdvice}`,
    });
  }
  return new UnavailableError(`${codePrefix}_request_failed`, message, {
    detail,
    userMessage: `${name} could not answer (HTTP ${response.status}). Try again later.`,
  });
}

/** Graph and ARM both answer `{ error: { code, message } }`. */
function errorCodeOf(json: unknown): string | undefined {
  const error = isObject(json) ? json.error : undefined;
  return isObject(error) && typeof error.code === 'string' ? error.code : undefined;
}

/** Graph and ARM put a collection in `value`; some samples spell it `Value`. */
function valuesOf(body: Record<string, unknown>): Record<string, unknown>[] {
  const value = body.value ?? body.Value;
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
