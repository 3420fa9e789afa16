import { renderNoticeCard } from '../../cards';
import type { AdaptiveCard } from '../../cards/types';
import { isWardenError, toWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { renderApologyCard } from './cards';

export interface FailureContext {
  log: Logger;
  newId: () => string;
  /** Title of the card when Warden refused on purpose ("Nothing was changed"). */
  refusedTitle: string;
  /** What failed, for the log line ("message", "card action"). */
  what: string;
}

/**
 * The card a user sees when something went wrong. A refusal Warden meant (bad input, another
 * tenant's answer, a stale button) says why in the error's user text; anything else is an
 * apology with a correlation id, and the detail goes to the log only.
 */
export function failureCard(error: unknown, context: FailureContext): AdaptiveCard {
  if (isWardenError(error) && error.status < 500) {
    context.log.info({ code: error.code, detail: error.detail }, `${context.what} refused`);
    return renderNoticeCard(context.refusedTitle, error.userMessage);
  }
  const correlationId = context.newId();
  const failure = toWardenError(error);
  context.log.error(
    { code: failure.code, err: failure, correlationId },
    `${context.what} failed (correlation id ${correlationId})`,
  );
  return renderApologyCard(correlationId);
}
