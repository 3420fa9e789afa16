import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Slack Web API (and for response URLs): records every call and
 * answers in Slack's shapes, `{ ok: true, ... }` or `{ ok: false, error }` with HTTP 200, as
 * https://docs.slack.dev/apis/web-api describes.
 */
export interface RecordedCall {
  method: string;
  /** Form fields, with JSON fields (`blocks`, `view`, `prompts`) parsed. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Slack payloads are free-form
  args: Record<string, any>;
  /** The bearer token the call carried. */
  token?: string;
}

type Waiter = { match: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void };

const JSON_FIELDS = ['blocks', 'view', 'prompts', 'attachments', 'metadata'];
const WAIT_LIMIT_MS = 10_000;

export class SlackApiStandIn {
  readonly calls: RecordedCall[] = [];
  /** Channel names `conversations.info` knows; others are `channel_not_found`. */
  readonly channelNames = new Map<string, string>([
    ['C2041', 'inc-2041-phishing'],
    ['C3000', 'soc-triage'],
    ['C123ABC456', 'security-ops'],
  ]);
  private readonly failures = new Map<string, string>();
  private readonly waiters: Waiter[] = [];
  private server?: Server;
  private messageCounter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response URL the stand-in records as method `response_url`. */
  responseUrl(name = 'commands'): string {
    return `${this.url}/response/${name}`;
  }

  /** The next call of `method` fails with Slack's `error` code. */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call, past or future, of `method` that matches. */
  waitFor(method: string, match: (call: RecordedCall) => boolean = () => true) {
    const test = (call: RecordedCall) => call.method === method && match(call);
    const seen = this.calls.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise<RecordedCall>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${method} call arrived at the Slack stand-in`)),
        WAIT_LIMIT_MS,
      );
      this.waiters.push({
        match: test,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const isResponseUrl = path.startsWith('/response/');
    const call: RecordedCall = {
      method: isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '').split('?')[0],
      args: isResponseUrl ? JSON.parse(text || '{}') : parseForm(text),
      token: String(req.headers.authorization ?? '').replace(/^Bearer /, '') || undefined,
    };
    this.calls.push(call);
    const body = this.answer(call);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
    for (const waiter of [...this.waiters]) {
      if (!waiter.match(call)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  }

  private answer(call: RecordedCall): Record<string, unknown> {
    const failure = this.failures.get(call.method);
    if (failure) {
      this.failures.delete(call.method);
      return { ok: false, error: failure };
    }
    const { args } = call;
    switch (call.method) {
      case 'auth.test':
        return authTest(args.token ?? call.token);
      case 'chat.postMessage': {
        const ts = `1736600000.${String((this.messageCounter += 1)).padStart(6, '0')}`;
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: { type: 'message', text: args.text, ts },
        };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1736600000.999999' };
      case 'views.open':
        return { ok: true, view: { id: 'V0001', ...args.view } };
      case 'conversations.info':
        return this.conversation(args.channel);
      case 'oauth.v2.access':
        return oauthAccess(args.code);
      default:
        return { ok: true };
    }
  }

  private conversation(channel: string): Record<string, unknown> {
    const name = this.channelNames.get(channel);
    if (!name) return { ok: false, error: 'channel_not_found' };
    return {
      ok: true,
      channel: {
        id: channel,
        name,
        is_channel: true,
        is_private: false,
        is_im: false,
        is_mpim: false,
      },
    };
  }
}

/** The bot user Warden is in the stand-in's workspaces. */
export const BOT_USER_ID = 'UWARDEN';

function authTest(token: string | undefined): Record<string, unknown> {
  const installed = token === INSTALLED_TOKEN;
  return {
    ok: true,
    url: 'https://contoso-soc.slack.com/',
    team: installed ? 'Fabrikam' : 'Contoso SOC',
    user: 'warden',
    team_id: installed ? 'T999' : 'T111',
    user_id: installed ? 'UFABWARDEN' : BOT_USER_ID,
    bot_id: installed ? 'BFABWARDEN' : 'BWARDEN',
    is_enterprise_install: false,
  };
}

export const INSTALLED_TOKEN = 'xoxb-fabrikam-installed';

function oauthAccess(code: string): Record<string, unknown> {
  if (code !== 'good-code') return { ok: false, error: 'invalid_code' };
  return {
    ok: true,
    access_token: INSTALLED_TOKEN,
    token_type: 'bot',
    scope: 'app_mentions:read,chat:write,commands',
    bot_user_id: 'UFABWARDEN',
    app_id: 'A111',
    team: { name: 'Fabrikam', id: 'T999' },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: 'U999ADMIN' },
  };
}

function parseForm(text: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = JSON_FIELDS.includes(key) ? JSON.parse(value) : value;
  }
  return args;
}
