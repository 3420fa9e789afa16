import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Signed requests as Slack sends them. The signing is written here from Slack's description
 * (https://docs.slack.dev/authentication/verifying-requests-from-slack), independently of
 * Warden's verifier, so a shared mistake cannot make both sides agree.
 */
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'slack');

export function fixture<T = any>(name: string): T {
  // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are free-form
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  return name.endsWith('.json') ? JSON.parse(text) : (text as T);
}

export interface SlackRequest {
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  text: string;
  json?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- Slack response bodies
}

export function sign(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return `v0=${digest}`;
}

export async function sendSlack(baseUrl: string, request: SlackRequest): Promise<SlackResponse> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(`${baseUrl}/api/slack/events`, {
    method: 'POST',
    headers: {
      'Content-Type': request.contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': sign(request.secret ?? SIGNING_SECRET, timestamp, request.body),
      ...request.headers,
    },
    body: request.body,
  });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return { status: response.status, text, json: isJson && text ? JSON.parse(text) : undefined };
}

export function eventRequest(envelope: object, extra: Partial<SlackRequest> = {}): SlackRequest {
  return { body: JSON.stringify(envelope), contentType: 'application/json', ...extra };
}

/** Interactions arrive as a form with one `payload` field holding the JSON. */
export function interactionRequest(payload: object): SlackRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { body, contentType: 'application/x-www-form-urlencoded' };
}

/** `/warden <text>` as the raw form body, with the response URL pointed at the stand-in. */
export function commandRequest(
  text: string,
  responseUrl: string,
  overrides: Record<string, string> = {},
): SlackRequest {
  const form = new URLSearchParams(fixture<string>('slash_command.warden.form-urlencoded.txt'));
  form.set('text', text);
  form.set('response_url', responseUrl);
  for (const [key, value] of Object.entries(overrides)) form.set(key, value);
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An app_mention in `#inc-2041-phishing` with its own event id and text. */
export function mention(
  text: string,
  overrides: { eventId?: string; ts?: string; channel?: string; team?: string } = {},
) {
  const envelope = fixture('app_mention.event_callback.json');
  envelope.event.text = `<@UWARDEN> ${text}`;
  envelope.event_id = overrides.eventId ?? `Ev${Math.random().toString(36).slice(2, 12)}`;
  if (overrides.ts) envelope.event.ts = envelope.event.event_ts = overrides.ts;
  if (overrides.channel) envelope.event.channel = overrides.channel;
  if (overrides.team) envelope.team_id = envelope.event.team = overrides.team;
  return envelope;
}

/** A click on one of Warden's buttons on the message `messageTs` in `channel`. */
export function buttonClick(
  actionId: string,
  turnId: string,
  where: {
    channel: string;
    messageTs: string;
    threadTs?: string;
    team?: string;
    blocks?: unknown[];
  },
) {
  const payload = fixture('block_actions.payload.json');
  payload.actions[0].action_id = actionId;
  payload.actions[0].value = turnId;
  payload.container = {
    type: 'message',
    message_ts: where.messageTs,
    channel_id: where.channel,
    is_ephemeral: false,
    ...(where.threadTs && { thread_ts: where.threadTs }),
  };
  payload.channel.id = where.channel;
  payload.message.ts = where.messageTs;
  payload.message.thread_ts = where.threadTs;
  payload.message.blocks = where.blocks ?? [];
  if (where.team) payload.team.id = payload.user.team_id = where.team;
  return payload;
}

/** A modal submission with the given callback id, inputs and private metadata. */
export function modalSubmission(
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata: string,
) {
  const payload = fixture('view_submission.payload.json');
  payload.view.callback_id = callbackId;
  payload.view.state.values = values;
  payload.view.private_metadata = privateMetadata;
  return payload;
}
