/**
 * One error hierarchy for Warden. Every error carries a stable string `code` that callers,
 * logs and tests branch on, an HTTP-ish `status` for the edges, and the original `cause`.
 * `message` is for operators; `userMessage` is the only text a user may ever see.
 */
export interface WardenErrorOptions {
  cause?: unknown;
  /** HTTP status an edge should answer with; defaults to 500. */
  status?: number;
  /** Short, safe text for the user. Defaults to a generic apology. */
  userMessage?: string;
  /** Extra structured detail for logs (never shown to users). */
  detail?: Record<string, unknown>;
}

export class WardenError extends Error {
  readonly code: string;
  readonly status: number;
  readonly userMessage: string;
  readonly detail?: Record<string, unknown>;

  constructor(code: string, message: string, options: WardenErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 500;
    this.userMessage = options.userMessage ?? 'Something went wrong on our side. Please try again.';
    this.detail = options.detail;
  }
}

/** Input from a user or a client that cannot be used as sent. */
export class ValidationError extends WardenError {
  constructor(code: string, message: string, options: WardenErrorOptions = {}) {
    super(code, message, { status: 400, userMessage: message, ...options });
  }
}

/** The thing asked for does not exist for this tenant (also used for other tenants' ids). */
export class NotFoundError extends WardenError {
  constructor(code: string, message: string, options: WardenErrorOptions = {}) {
    super(code, message, { status: 404, userMessage: message, ...options });
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends WardenError {
  constructor(code: string, message: string, options: WardenErrorOptions = {}) {
    super(code, message, { status: 403, userMessage: message, ...options });
  }
}

/** An optimistic-concurrency check failed or a document already exists. */
export class ConflictError extends WardenError {
  constructor(code: string, message: string, options: WardenErrorOptions = {}) {
    super(code, message, { status: 409, ...options });
  }
}

/** A dependency (store, model, feed) is down or unreachable. */
export class UnavailableError extends WardenError {
  constructor(code: string, message: string, options: WardenErrorOptions = {}) {
    super(code, message, { status: 503, ...options });
  }
}

/** Configuration is missing or contradictory; start-up stops with one line per problem. */
export class ConfigError extends WardenError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      'config_invalid',
      `Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

export function isWardenError(error: unknown): error is WardenError {
  return error instanceof WardenError;
}

/** Wraps anything thrown into a WardenError, keeping it as the cause. */
export function toWardenError(error: unknown, code = 'internal_error'): WardenError {
  if (error instanceof WardenError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WardenError(code, message, { cause: error });
}
