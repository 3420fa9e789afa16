import { createHmac, timingSafeEqual } from 'node:crypto';
import { WardenError } from '../../core/errors';

/**
 * Slack signs every request with the app's signing secret: `v0=` + HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}`, and a request older than five minutes may be a replay:
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** A request that did not come from Slack, or came too late; answered with 401. */
export class SlackRequestRefused extends WardenError {
  constructor(code: string, message: string) {
    super(code, message, { status: 401, userMessage: 'This request is not signed by Slack.' });
  }
}

export interface SignedRequest {
  signingSecret: string;
  rawBody: Buffer;
  /** `X-Slack-Request-Timestamp`, in seconds since the epoch. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` and 64 hex digits. */
  signature: string | undefined;
  nowMs: number;
}

export function signatureOf(signingSecret: string, timestamp: string, rawBody: Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** Throws SlackRequestRefused unless the request is signed with the secret and is recent. */
export function verifySlackSignature(request: SignedRequest): void {
  const { timestamp, signature } = request;
  if (!timestamp || !signature) {
    throw new SlackRequestRefused(
      'slack_signature_missing',
      'The request has no X-Slack-Signature or X-Slack-Request-Timestamp header.',
    );
  }
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || !Number.isSafeInteger(seconds)) {
    throw new SlackRequestRefused(
      'slack_signature_invalid',
      'X-Slack-Request-Timestamp is not a whole number of seconds.',
    );
  }
  // Both directions: a timestamp far in the future would stay "fresh" for a replay.
  if (Math.abs(request.nowMs / 1000 - seconds) > SIGNATURE_WINDOW_SECONDS) {
    throw new SlackRequestRefused(
      'slack_request_stale',
      'X-Slack-Request-Timestamp is more than five minutes from this server’s clock: the ' +
        'request may be a replay, or the clock is wrong (check NTP).',
    );
  }
  const expected = Buffer.from(signatureOf(request.signingSecret, timestamp, request.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SlackRequestRefused(
      'slack_signature_invalid',
      'X-Slack-Signature does not match: the request was not signed with SLACK_SIGNING_SECRET.',
    );
  }
}
