import { UnavailableError, WardenError } from '../core/errors';

/** HTTP statuses Cosmos DB answers with when it is up but cannot serve the call right now. */
const UNAVAILABLE_STATUSES = new Set([408, 429, 449, 500, 502, 503, 504]);

/** Statuses that mean the account refused who we are. */
const AUTH_STATUSES = new Set([401, 403]);

/** The HTTP status of a Cosmos DB error, or undefined for network failures. */
export function cosmosStatus(error: unknown): number | undefined {
  const code = (error as { code?: unknown; statusCode?: unknown } | undefined)?.code;
  if (typeof code === 'number') return code;
  const statusCode = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

/** Turns what the Cosmos SDK threw into a WardenError that says what to check. */
export function toCosmosStoreError(error: unknown, endpoint: string): WardenError {
  if (error instanceof WardenError) return error;
  const status = cosmosStatus(error);
  const detail = { endpoint, status, code: networkCode(error) };

  if (status !== undefined && AUTH_STATUSES.has(status)) {
    return new UnavailableError(
      'store_unavailable',
      `Azure Cosmos DB at ${endpoint} refused the credentials (HTTP ${status}): check ` +
        'COSMOS_KEY, or grant the managed identity a Cosmos DB data-plane role.',
      { cause: error, detail },
    );
  }
  if (status === undefined ? isNetworkFailure(error) : UNAVAILABLE_STATUSES.has(status)) {
    const reason = status === undefined ? (detail.code ?? firstLine(error)) : `HTTP ${status}`;
    return new UnavailableError(
      'store_unavailable',
      `Azure Cosmos DB at ${endpoint} is unreachable or busy (${reason}): check ` +
        'COSMOS_ENDPOINT and the network path to it, then retry.',
      { cause: error, detail },
    );
  }
  return new WardenError('store_failed', `Azure Cosmos DB call failed: ${firstLine(error)}`, {
    cause: error,
    detail,
  });
}

/** Socket errors (ECONNREFUSED, ENOTFOUND, ETIMEDOUT...), send failures and timeouts. */
function isNetworkFailure(error: unknown): boolean {
  const code = networkCode(error);
  const name = error instanceof Error ? error.name : '';
  return (
    (code !== undefined && /^(E[A-Z_]+|REQUEST_SEND_ERROR)$/.test(code)) ||
    name === 'AbortError' ||
    name === 'TimeoutError'
  );
}

function networkCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
