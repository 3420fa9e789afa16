import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request Warden made to the Bot Connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST) or replaced (PUT). */
  activityId?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- activities are read as JSON
  activity: any;
  /** The id the stand-in gave the posted activity. */
  id: string;
}

/**
 * A local HTTP server in place of the Bot Connector service (the activity's `serviceUrl`). It
 * answers the calls Warden makes the way the real service does (`{ id }` for posted and updated
 * activities, the channel list of a team) and records them.
 */
export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  /** Channel lists per team id, for `GET /v3/teams/{teamId}/conversations`. */
  readonly teams = new Map<string, { id: string; name?: string }[]>();
  /** When set, `PUT` answers 404 as the real service does for an unknown message. */
  refuseUpdates = false;
  /** When set, every post answers 403 as for a bot removed from the conversation. */
  refusePosts = false;
  private count = 0;
  private waiters: {
    test: (call: ConnectorCall) => boolean;
    resolve: (c: ConnectorCall) => void;
  }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<ConnectorStandIn> {
    let standIn: ConnectorStandIn | undefined;
    const server = createServer((req, res) => void standIn?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    standIn = new ConnectorStandIn(server, `http://127.0.0.1:${port}/`);
    return standIn;
  }

  /** Messages and updates (typing left out) posted to a conversation, in order. */
  messages(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (call) =>
        call.activity?.type !== 'typing' &&
        (conversationId === undefined || call.conversationId.startsWith(conversationId)),
    );
  }

  /** Resolves with the first call, past or future, that passes the test. */
  waitFor(test: (call: ConnectorCall) => boolean): Promise<ConnectorCall> {
    const seen = this.calls.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  reset(): void {
    this.calls.length = 0;
    this.refuseUpdates = false;
    this.refusePosts = false;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', this.url).pathname;
    const teams = /^\/v3\/teams\/([^/]+)\/conversations$/.exec(path);
    if (req.method === 'GET' && teams) {
      const channels = this.teams.get(decodeURIComponent(teams[1]));
      if (!channels) return send(res, 404, { error: { code: 'NotFound', message: 'no team' } });
      return send(res, 200, { conversations: channels });
    }
    const activities = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!activities || (req.method !== 'POST' && req.method !== 'PUT')) {
      return send(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
    }
    const activityId = activities[2] ? decodeURIComponent(activities[2]) : undefined;
    if (req.method === 'PUT' && this.refuseUpdates) {
      return send(res, 404, { error: { code: 'ActivityNotFoundInConversation', message: 'gone' } });
    }
    if (req.method === 'POST' && this.refusePosts) {
      return send(res, 403, {
        error: {
          code: 'BotNotInConversationRoster',
          message: 'The bot is not part of the conversation roster.',
        },
      });
    }
    const id = req.method === 'PUT' ? (activityId as string) : `stand-in-${++this.count}`;
    this.record({
      method: req.method,
      conversationId: decodeURIComponent(activities[1]),
      activityId,
      activity: JSON.parse(body),
      id,
    });
    send(res, req.method === 'PUT' ? 200 : 201, { id });
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (!waiter.test(call)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
