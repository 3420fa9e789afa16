import restify from 'restify';
import type { Request, Response, Server } from 'restify';
import type { Logger } from './core/logger';
import { ValidationError, WardenError, isWardenError } from './core/errors';
import { newId } from './logging';

/** Largest JSON body the server reads for its own APIs, in bytes. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

export interface ServerOptions {
  logger: Logger;
  /** Extra health detail (store backend, model provider). */
  health?: () => Record<string, unknown>;
}

/**
 * The restify server every channel mounts on. Each channel registers its own routes; this file
 * only owns what they share: health, JSON body reading and one error shape for clients.
 */
export function createServer(options: ServerOptions): Server {
  const server = restify.createServer({ name: 'warden', handleUncaughtExceptions: false });
  const log = options.logger.child({ component: 'server' });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...(options.health?.() ?? {}) });
  });

  server.on(
    'restifyError',
    (req: Request, res: Response, err: Error & { statusCode?: number }, cb) => {
      // Route-not-found and method errors from restify itself: answer in our error shape.
      const status = err.statusCode ?? 500;
      const code =
        status === 404 ? 'route_not_found' : status === 405 ? 'method_not_allowed' : 'http_error';
      if (status >= 500) log.error({ err, url: req.url }, 'unhandled server error');
      res.send(status, {
        error: { code, message: status >= 500 ? 'Internal error.' : err.message },
      });
      return cb();
    },
  );
  return server;
}

/** Reads and parses a JSON request body, with a size limit and errors a client can act on. */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ValidationError(
      'body_not_json',
      'Send the request body as JSON with the header Content-Type: application/json.',
    );
  }
  const text = (await readRawBody(req, maxBytes, 'body_too_large')).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      'body_malformed_json',
      'The request body is not valid JSON. Check quoting and commas, then send it again.',
      { cause: error },
    );
  }
}

/**
 * Reads a request body as sent, refusing it with a 413 (`code`) once it passes `maxBytes`, so an
 * oversized request never sits whole in memory.
 */
export async function readRawBody(
  req: NodeJS.ReadableStream,
  maxBytes: number,
  code: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      throw new ValidationError(
        code,
        `The request body is larger than ${Math.round(maxBytes / 1024)} KB. Send less text.`,
        { status: 413 },
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type JsonHandler = (req: Request) => Promise<{ status?: number; body: unknown }>;

/**
 * Wraps a JSON API handler: known errors become `{ error: { code, message } }` with their
 * status, anything else a 500 with a correlation id while the detail goes to the log only.
 */
export function jsonRoute(logger: Logger, handler: JsonHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const { status = 200, body } = await handler(req);
      res.send(status, body);
    } catch (error) {
      sendError(res, logger, error);
    }
  };
}

export function sendError(res: Response, logger: Logger, error: unknown): void {
  if (isWardenError(error) && error.status < 500) {
    res.send(error.status, { error: { code: error.code, message: error.userMessage } });
    return;
  }
  const correlationId = newId();
  const code = error instanceof WardenError ? error.code : 'internal_error';
  logger.error({ err: error, correlationId, code }, 'request failed');
  const status = error instanceof WardenError ? error.status : 500;
  res.send(status, {
    error: {
      code,
      message:
        'Warden could not complete this request. ' +
        `Quote correlation id ${correlationId} when reporting it.`,
      correlationId,
    },
  });
}
