import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { UnavailableError, WardenError } from '../core/errors';

/** What an error message should tell an operator to change, per provider. */
export interface CredentialHints {
  /** Provider name for messages ("OpenAI", "Azure OpenAI"). */
  provider: string;
  /** Setting holding the key, or the advice when Entra ID is used instead. */
  credential: string;
  /** Setting naming the model or deployment. */
  modelSetting: string;
}

const USER_MESSAGE = 'The language model is not available right now.';

/** Turns anything the openai SDK or a token provider throws into a coded WardenError. */
export function toModelError(error: unknown, hints: CredentialHints): WardenError {
  if (error instanceof WardenError) return error;
  if (error instanceof APIUserAbortError) {
    return new WardenError('model_aborted', 'The model request was cancelled.', {
      cause: error,
      status: 499,
    });
  }
  if (error instanceof APIConnectionError) {
    return unavailable(`${hints.provider} could not be reached: ${error.message}`, error);
  }
  if (error instanceof APIError) return fromStatus(error, hints);
  if (isIdentityError(error)) {
    return new UnavailableError(
      'model_auth_failed',
      `${hints.provider} needs a credential and none was usable: ${describe(error)}. ` +
        `${hints.credential}`,
      { cause: error, userMessage: USER_MESSAGE },
    );
  }
  return unavailable(`${hints.provider} request failed: ${describe(error)}`, error);
}

function fromStatus(error: APIError, hints: CredentialHints): WardenError {
  const status = error.status ?? 0;
  const detail = { status, requestId: error.requestID };
  if (status === 401 || status === 403) {
    return new UnavailableError(
      'model_auth_failed',
      `${hints.provider} refused the credential (HTTP ${status}). ${hints.credential}`,
      { cause: error, userMessage: USER_MESSAGE, detail },
    );
  }
  if (status === 404) {
    return new UnavailableError(
      'model_not_found',
      `${hints.provider} does not know the model (HTTP 404). Check ${hints.modelSetting}.`,
      { cause: error, userMessage: USER_MESSAGE, detail },
    );
  }
  if (status === 429 || status >= 500) {
    const what = status === 429 ? 'kept rate-limiting' : `kept failing with HTTP ${status}`;
    return unavailable(`${hints.provider} ${what} after retries.`, error, detail);
  }
  return new WardenError(
    'model_request_rejected',
    `${hints.provider} rejected the request (HTTP ${status}): ${error.message}`,
    { cause: error, status: 502, userMessage: USER_MESSAGE, detail },
  );
}

function unavailable(
  message: string,
  cause: unknown,
  detail?: Record<string, unknown>,
): UnavailableError {
  return new UnavailableError('model_unavailable', message, {
    cause,
    userMessage: USER_MESSAGE,
    detail,
  });
}

/**
 * @azure/identity errors are recognised by name so this file need not import that package. The
 * SDK wraps token-provider failures in an OpenAIError, so the cause is checked too.
 */
function isIdentityError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.cause !== undefined && isIdentityError(error.cause)) return true;
  return [
    'CredentialUnavailableError',
    'AuthenticationRequiredError',
    'AuthenticationError',
  ].includes(error.name);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
