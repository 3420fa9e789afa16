import { randomUUID } from 'node:crypto';
import { renderNoteBlocks, type SlackMessage } from '../../cards';
import { isWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';

/**
 * What the person sees when a button or modal could not do its work: the error's own safe
 * message for a refusal (a forged or stale button, another tenant's answer), and a reference id
 * for anything else, whose detail goes to the log only.
 */
export function refusalMessage(error: unknown, logger: Logger, what: string): SlackMessage {
  if (isWardenError(error) && error.status < 500) {
    logger.info({ code: error.code, what }, 'Slack action refused');
    return renderNoteBlocks(error.userMessage);
  }
  const correlationId = randomUUID();
  logger.error({ err: error, correlationId, what }, 'Slack action failed');
  return renderNoteBlocks(
    `Warden could not do that. Please try again. Reference id: ${correlationId}`,
  );
}
