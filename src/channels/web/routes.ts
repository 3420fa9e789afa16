import type { Request, Server } from 'restify';
import { z } from 'zod';
import { CARD_ACTION_VERBS } from '../../core/actions';
import type { Actor, ConversationInfo } from '../../core/conversation';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { TurnRecord } from '../../core/turns';
import { plainExcerpt, renderAnswerCard } from '../../cards';
import { renderPinBoardMarkdown } from '../../cards/markdown-export';
import type { CardActionHandler } from '../../collab/actions';
import type { ConversationDirectory } from '../../collab/directory';
import type { PinService } from '../../collab/pins';
import type { TurnRepository } from '../../collab/turns';
import type { Engine } from '../../engine/engine';
import { jsonRoute, readJsonBody, sendError } from '../../server';
import { registerPlaygroundAssets } from './static';
import { PLAYGROUND_CONVERSATIONS, PLAYGROUND_SUGGESTIONS, PLAYGROUND_USERS } from './session';

export interface WebChannelDeps {
  tenantId: string;
  engine: Pick<Engine, 'handle'>;
  turns: TurnRepository;
  directory: ConversationDirectory;
  pins: PinService;
  actions: CardActionHandler;
  logger: Logger;
  now?: () => Date;
}

const messageBody = z.object({
  text: z.string({ error: 'Send the question as "text".' }),
  userId: z.string().optional(),
});

const actionBody = z.object({
  turnId: z.string({ error: 'Send the "turnId" of the card.' }).min(1),
  verb: z.enum(CARD_ACTION_VERBS, {
    error: `Unknown action. Use one of: ${CARD_ACTION_VERBS.join(', ')}.`,
  }),
  inputs: z.record(z.string(), z.string()).default({}),
  userId: z.string().optional(),
});

/**
 * The web playground: a chat page and the JSON API behind it. Every message and card action
 * goes through the same engine and collaboration services the Teams and Slack adapters use.
 */
export class WebChannel {
  private readonly log: Logger;

  constructor(private readonly deps: WebChannelDeps) {
    this.log = deps.logger.child({ component: 'web' });
  }

  /** Registers the playground's conversations so Share can offer them. */
  async seed(): Promise<void> {
    for (const conversation of PLAYGROUND_CONVERSATIONS) {
      await this.deps.directory.register({
        id: conversation.id,
        tenantId: this.deps.tenantId,
        channel: 'web',
        name: conversation.name,
      });
    }
  }

  register(server: Server): void {
    registerPlaygroundAssets(server);
    const route = (handler: Parameters<typeof jsonRoute>[1]) => jsonRoute(this.log, handler);
    const base = '/api/web/conversations/:conversationId';

    server.get(
      '/api/web/session',
      route(async () => ({ body: await this.session() })),
    );
    server.get(
      `${base}/turns`,
      route(async (req) => ({ body: await this.turns(req) })),
    );
    server.post(
      `${base}/messages`,
      route(async (req) => ({ body: await this.message(req) })),
    );
    server.post(
      `${base}/actions`,
      route(async (req) => ({ body: await this.action(req) })),
    );
    server.get(
      `${base}/pins`,
      route(async (req) => ({ body: await this.pinBoard(req) })),
    );
    server.get(`${base}/pins/export`, async (req, res) => {
      try {
        const markdown = await this.exportPins(req);
        res.writeHead(200, {
          'Content-Type': 'text/markdown; charset=utf-8',
          'Content-Disposition': 'attachment; filename="pin-board.md"',
        });
        res.end(markdown);
      } catch (error) {
        sendError(res, this.log, error);
      }
    });
  }

  private async session() {
    const conversations = await this.deps.directory.list(this.deps.tenantId, 'web');
    return {
      tenantId: this.deps.tenantId,
      users: PLAYGROUND_USERS,
      conversations: conversations.map((c) => ({ id: c.id, name: c.name })),
      suggestions: PLAYGROUND_SUGGESTIONS,
    };
  }

  private async turns(req: Request) {
    const conversation = await this.conversation(req);
    const turns = await this.deps.turns.recent(this.deps.tenantId, conversation.id, 50);
    return { turns: await Promise.all(turns.map((turn) => this.present(turn))) };
  }

  private async message(req: Request) {
    const conversation = await this.conversation(req);
    const body = parse(messageBody, await readJsonBody(req));
    const { turn } = await this.deps.engine.handle({
      tenantId: this.deps.tenantId,
      conversation,
      user: this.user(body.userId),
      text: body.text,
      receivedAt: this.now().toISOString(),
    });
    return { turn: await this.present(turn) };
  }

  private async action(req: Request) {
    const conversation = await this.conversation(req);
    const body = parse(actionBody, await readJsonBody(req));
    const result = await this.deps.actions.handle({
      verb: body.verb,
      turnId: body.turnId,
      tenantId: this.deps.tenantId,
      conversation,
      actor: this.user(body.userId),
      inputs: body.inputs,
    });
    return {
      card: renderAnswerCard(result.answer, result.view),
      notice: result.view.notice,
      sharedTo: result.shared
        ? { id: result.shared.target.id, name: result.shared.target.name }
        : undefined,
    };
  }

  private async pinBoard(req: Request) {
    const conversation = await this.conversation(req);
    return { pins: await this.pinEntries(conversation) };
  }

  private async exportPins(req: Request): Promise<string> {
    const conversation = await this.conversation(req);
    const pins = await this.pinEntries(conversation);
    return renderPinBoardMarkdown(conversation.name ?? conversation.id, pins);
  }

  private async pinEntries(conversation: ConversationInfo) {
    const board = await this.deps.pins.board(this.deps.tenantId, conversation.id);
    return board.map((pin) => ({
      turnId: pin.turnId,
      title: pin.title,
      excerpt: plainExcerpt(pin.summary, 240),
      pinnedBy: pin.pinnedBy.name ?? pin.pinnedBy.id,
      pinnedAt: pin.pinnedAt,
    }));
  }

  private async present(turn: TurnRecord) {
    const pinned = await this.deps.pins.pinState(this.deps.tenantId, turn.id);
    return {
      turnId: turn.id,
      question: turn.question,
      user: turn.user,
      createdAt: turn.createdAt,
      sharedFrom: turn.answer.sharedFrom,
      suggestions: turn.answer.suggestions ?? [],
      card: renderAnswerCard(turn.answer, { mode: 'answer', pinned }),
    };
  }

  private async conversation(req: Request): Promise<ConversationInfo> {
    const id = String(req.params.conversationId ?? '');
    const known = await this.deps.directory.get(this.deps.tenantId, id);
    if (!known) {
      throw new NotFoundError(
        'conversation_not_found',
        `There is no conversation "${id}" in the playground. Pick one from the list on the left.`,
      );
    }
    return { id: known.id, tenantId: this.deps.tenantId, channel: 'web', name: known.name };
  }

  private user(userId?: string): Actor {
    const user = PLAYGROUND_USERS.find((u) => u.id === userId);
    if (userId !== undefined && !user) {
      throw new ValidationError('user_unknown', `Unknown playground user "${userId}".`);
    }
    return user ?? PLAYGROUND_USERS[0];
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new ValidationError('request_invalid', `${where}${issue.message}`);
}
