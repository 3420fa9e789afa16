import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { ValidationError } from '../../core/errors';
import { readRawBody } from '../../server';

/**
 * Slack sends events as JSON, slash commands as a plain form, and interactions (buttons,
 * modals) as a form with one `payload` field holding JSON:
 * https://docs.slack.dev/interactivity/handling-user-interaction
 */
export type SlackBody = Record<string, unknown>;

/** Largest request read before the signature is checked, in bytes. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

/** The body exactly as sent: the signature covers these bytes, not a re-serialised parse. */
export function readSlackBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return readRawBody(req, maxBytes, 'slack_body_too_large');
}

export function parseSlackBody(rawBody: Buffer, contentType: string | undefined): SlackBody {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const text = rawBody.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    const form = parseQuery(text);
    if (typeof form.payload === 'string') return parseJsonObject(form.payload);
    return Object.fromEntries(
      Object.entries(form).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
    );
  }
  return parseJsonObject(text);
}

function parseJsonObject(text: string): SlackBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError('slack_body_malformed', 'The request body is not valid JSON.', {
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('slack_body_malformed', 'The request body is not a JSON object.');
  }
  return value as SlackBody;
}
