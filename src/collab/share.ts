import type { Actor } from '../core/conversation';
import { NotFoundError, ValidationError } from '../core/errors';
import type { TurnRecord } from '../core/turns';
import type { AuditLog } from './audit';
import type { ConversationDirectory, KnownConversation } from './directory';
import { resolveClock, type CollabClock } from './documents';
import type { TurnRepository } from './turns';

/** A conversation an answer can be shared to, as the share form lists it. */
export interface ShareTarget {
  id: string;
  name: string;
}

export interface SharedTurn {
  /** The new turn in the target conversation, with `answer.sharedFrom` set. */
  turn: TurnRecord;
  /** Where to post it; `reference` lets the channel send there proactively. */
  target: KnownConversation;
}

export interface ShareServiceDeps extends CollabClock {
  turns: TurnRepository;
  directory: ConversationDirectory;
  audit: AuditLog;
}

/** Copies an answer into another conversation of the same tenant, with attribution. */
export class ShareService {
  private readonly clock: Required<CollabClock>;

  constructor(private readonly deps: ShareServiceDeps) {
    this.clock = resolveClock(deps);
  }

  /**
   * The tenant's other conversations on the same channel as the source: an answer asked in
   * Teams can only be posted to Teams. When the source conversation was never registered,
   * every other conversation of the tenant is offered.
   */
  async targets(tenantId: string, fromConversationId: string): Promise<ShareTarget[]> {
    const source = await this.deps.directory.get(tenantId, fromConversationId);
    const known = await this.deps.directory.list(tenantId, source?.channel);
    return known
      .filter((conversation) => conversation.id !== fromConversationId && !conversation.uninstalled)
      .map(({ id, name }) => ({ id, name }));
  }

  /** Posts a copy of the answer as a new turn in the target conversation. */
  async share(
    tenantId: string,
    turnId: string,
    targetConversationId: string,
    actor: Actor,
  ): Promise<SharedTurn> {
    const source = await this.deps.turns.require(tenantId, turnId);
    if (source.answer.kind !== 'answer') {
      throw new ValidationError(
        'share_not_answer',
        'Only answers can be shared; refusals, questions back and errors cannot.',
      );
    }
    const target = await this.requireTarget(tenantId, source, targetConversationId);

    const turn = await this.copyTurn(source, target, actor);
    await this.deps.audit.record(tenantId, {
      action: 'share',
      actor,
      target: turnId,
      detail: { targetConversationId: target.id, sharedTurnId: turn.id },
    });
    return { turn, target };
  }

  private async requireTarget(
    tenantId: string,
    source: TurnRecord,
    targetConversationId: string,
  ): Promise<KnownConversation> {
    const target = await this.deps.directory.get(tenantId, targetConversationId);
    if (!target) {
      throw new NotFoundError(
        'share_target_not_found',
        'Warden does not know that conversation in your organisation. Pick one from the list, ' +
          'or add Warden to it first.',
        { detail: { tenantId, targetConversationId } },
      );
    }
    if (target.uninstalled) {
      throw new ValidationError(
        'share_target_uninstalled',
        `Warden was removed from ${target.name}, so it cannot post there. Add Warden to it ` +
          'again, or pick another conversation.',
        { detail: { tenantId, targetConversationId } },
      );
    }
    if (target.id === source.conversationId) {
      throw new ValidationError(
        'share_same_conversation',
        'The answer is already in this conversation: pick another one to share to.',
      );
    }
    if (target.channel !== source.channel) {
      throw new ValidationError(
        'share_other_channel',
        `An answer from ${source.channel} can only be shared to another ${source.channel} ` +
          'conversation.',
      );
    }
    return target;
  }

  private async copyTurn(
    source: TurnRecord,
    target: KnownConversation,
    actor: Actor,
  ): Promise<TurnRecord> {
    const id = this.clock.newId();
    const at = this.clock.now().toISOString();
    const sourceConversation = await this.deps.directory.get(
      source.tenantId,
      source.conversationId,
    );
    const conversationName =
      source.conversationName ?? sourceConversation?.name ?? source.conversationId;
    const turn: TurnRecord = {
      id,
      tenantId: source.tenantId,
      channel: target.channel,
      conversationId: target.id,
      conversationName: target.name,
      user: actor,
      question: source.question,
      answer: {
        ...source.answer,
        turnId: id,
        sharedFrom: { by: actor.name ?? actor.id, conversationName, at },
      },
      toolCalls: source.toolCalls,
      createdAt: at,
    };
    await this.deps.turns.save(turn);
    return turn;
  }
}
