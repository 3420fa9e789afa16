/**
 * The HTTP surface skills and connectors use. The implementation (src/http/client.ts) adds
 * timeouts, retries on 429/5xx that honour Retry-After, and size limits.
 */
export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON-serialisable body for POST. */
  body?: unknown;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest response body accepted, in bytes. */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text. */
  text: string;
  /** Parsed JSON when the body is JSON, otherwise undefined. */
  json?: unknown;
}

export interface HttpClient {
  /** Resolves for every HTTP status (callers branch on it); rejects on network failure. */
  request(request: HttpRequest): Promise<HttpResponse>;
}
