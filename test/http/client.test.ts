import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../src/core/logger';
import { createHttpClient, type HttpClientOptions } from '../../src/http/client';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A real HTTP server on an ephemeral port that answers with the next scripted handler. */
class ScriptedServer {
  readonly requests: {
    method?: string;
    url?: string;
    headers: IncomingMessage['headers'];
    body: string;
  }[] = [];
  private readonly handlers: Handler[] = [];
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      const handler = this.handlers.shift() ?? ((_q, r) => r.writeHead(599).end());
      handler(req, res, body);
    });
  });

  then(...handlers: Handler[]): this {
    this.handlers.push(...handlers);
    return this;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const json =
  (status: number, value: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(value));
  };

const plain =
  (status: number, text = '', headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(text);
  };

function clientWith(overrides: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createHttpClient({
    logger: silentLogger,
    sleep: async (delayMs) => {
      sleeps.push(delayMs);
    },
    random: () => 1,
    ...overrides,
  });
  return { client, sleeps };
}

describe('createHttpClient', () => {
  let server: ScriptedServer;
  let baseUrl: string;

  beforeEach(async () => {
    server = new ScriptedServer();
    baseUrl = await server.start();
  });

  afterEach(async () => {
    await server.stop();
  });

  it('parses a JSON body and lower-cases header names', async () => {
    server.then(json(200, { ok: true }, { 'X-Request-Id': 'abc' }));
    const { client } = clientWith();

    const response = await client.request({ url: `${baseUrl}/thing` });

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
    expect(response.headers['x-request-id']).toBe('abc');
  });

  it('leaves json undefined for a text body', async () => {
    server.then(plain(200, 'hello'));
    const { client } = clientWith();

    const response = await client.request({ url: baseUrl });

    expect(response.text).toBe('hello');
    expect(response.json).toBeUndefined();
  });

  it('leaves json undefined when a JSON-labelled body is malformed', async () => {
    server.then(plain(200, '{not json', { 'content-type': 'application/json' }));
    const { client } = clientWith();

    const response = await client.request({ url: baseUrl });

    expect(response.text).toBe('{not json');
    expect(response.json).toBeUndefined();
  });

  it('sends a JSON body, the user agent and caller headers', async () => {
    server.then(json(200, {}));
    const { client } = clientWith({ userAgent: 'Warden-test/1' });

    await client.request({
      url: `${baseUrl}/query`,
      method: 'POST',
      body: { package: { name: 'x' } },
      headers: { apiKey: 'secret' },
    });

    const [sent] = server.requests;
    expect(sent.method).toBe('POST');
    expect(JSON.parse(sent.body)).toEqual({ package: { name: 'x' } });
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers['user-agent']).toBe('Warden-test/1');
    expect(sent.headers['apikey']).toBe('secret');
  });

  it('resolves with a 404 without retrying', async () => {
    server.then(json(404, { message: 'nope' }));
    const { client, sleeps } = clientWith();

    const response = await client.request({ url: baseUrl });

    expect(response.status).toBe(404);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a 429 after the Retry-After seconds, then succeeds', async () => {
    server.then(plain(429, 'slow down', { 'retry-after': '2' }), json(200, { ok: 1 }));
    const { client, sleeps } = clientWith();

    const response = await client.request({ url: baseUrl });

    expect(response.status).toBe(200);
    expect(sleeps).toEqual([2000]);
  });

  it('retries a 503 with exponential backoff and returns the last answer', async () => {
    server.then(plain(503), plain(503), plain(503));
    const { client, sleeps } = clientWith({
      maxRetries: 2,
      retry: { serverErrorBaseDelayMs: 100 },
    });

    const response = await client.request({ url: baseUrl });

    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('returns a 429 at once when the server asks for a longer wait than the cap', async () => {
    server.then(plain(429, '', { 'retry-after': '600' }));
    const { client, sleeps } = clientWith({ retry: { maxRetryAfterMs: 5000 } });

    const response = await client.request({ url: baseUrl });

    expect(response.status).toBe(429);
    expect(sleeps).toEqual([]);
  });

  it('retries a connection that is dropped, then succeeds', async () => {
    server.then((req) => req.socket.destroy(), json(200, { ok: true }));
    const { client, sleeps } = clientWith();

    const response = await client.request({ url: baseUrl });

    expect(response.json).toEqual({ ok: true });
    expect(sleeps).toHaveLength(1);
  });

  it('rejects with http_network_error when the server stays unreachable', async () => {
    await server.stop();
    const { client, sleeps } = clientWith({ maxRetries: 1 });

    await expect(client.request({ url: baseUrl })).rejects.toMatchObject({
      code: 'http_network_error',
      status: 503,
    });
    expect(sleeps).toHaveLength(1);
    server = new ScriptedServer();
    await server.start();
  });

  it('times out an attempt that never answers', async () => {
    server.then(
      () => undefined,
      () => undefined,
    );
    const { client } = clientWith({ maxRetries: 1 });

    await expect(client.request({ url: baseUrl, timeoutMs: 50 })).rejects.toMatchObject({
      code: 'http_timeout',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    server.then(() => undefined);
    const { client, sleeps } = clientWith();
    const controller = new AbortController();

    const pending = client.request({ url: baseUrl, signal: controller.signal });
    setImmediate(() => controller.abort());

    await expect(pending).rejects.toMatchObject({ code: 'http_aborted' });
    expect(sleeps).toEqual([]);
  });

  it('refuses a body larger than maxBytes, declared or streamed', async () => {
    server.then(plain(200, 'x'.repeat(2000)), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('y'.repeat(1500));
      res.end('y'.repeat(1500));
    });
    const { client } = clientWith();

    await expect(client.request({ url: baseUrl, maxBytes: 1000 })).rejects.toMatchObject({
      code: 'http_body_too_large',
    });
    await expect(client.request({ url: baseUrl, maxBytes: 1000 })).rejects.toMatchObject({
      code: 'http_body_too_large',
    });
  });

  it('refuses a URL that is not absolute http(s) before sending anything', async () => {
    const { client } = clientWith();

    await expect(client.request({ url: 'ftp://example.com/x' })).rejects.toMatchObject({
      code: 'http_url_invalid',
    });
    await expect(client.request({ url: '/relative' })).rejects.toMatchObject({
      code: 'http_url_invalid',
    });
    expect(server.requests).toHaveLength(0);
  });
});
