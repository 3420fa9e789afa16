import { renderAnswerCard } from '../../cards';
import type { SharedTurn, ShareTarget } from '../../collab/share';
import type { CardActionVerb } from '../../core/actions';
import type { Actor } from '../../core/conversation';
import { ForbiddenError, toWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { TeamsAdapter } from './adapter';
import { cardActivity } from './cards';
import { type TeamsConversations, mayShareTo, referenceFor } from './conversations';

export interface TeamsShareDeps {
  adapter: TeamsAdapter;
  conversations: TeamsConversations;
  logger: Logger;
}

/**
 * Sharing in Teams: which conversations the share form offers, and posting the shared answer
 * there as a proactive message through the stored conversation reference.
 *
 * Not yet: the form lists every channel and group chat of the organisation where Warden is
 * installed, including ones the person is not a member of (checking membership needs Microsoft
 * Graph); see README "Limitations". Personal chats are offered to their owner only.
 */
export class TeamsShare {
  constructor(private readonly deps: TeamsShareDeps) {}

  /** The targets the collaboration services offer, less those Teams cannot or may not post to. */
  async offered(targets: ShareTarget[], tenantId: string, actor: Actor): Promise<ShareTarget[]> {
    const known = await Promise.all(
      targets.map((target) => this.deps.conversations.get(tenantId, target.id)),
    );
    return targets.filter((_target, index) => {
      const conversation = known[index];
      return conversation && referenceFor(conversation) && mayShareTo(conversation, actor.id);
    });
  }

  /** Refuses a share into another person's personal chat before anything is saved. */
  async checkTarget(
    verb: CardActionVerb,
    targetId: unknown,
    tenantId: string,
    actor: Actor,
  ): Promise<void> {
    if (verb !== 'share.submit' || typeof targetId !== 'string') return;
    const target = await this.deps.conversations.get(tenantId, targetId.trim());
    if (target && !mayShareTo(target, actor.id)) {
      throw new ForbiddenError(
        'share_target_personal',
        'That is someone else’s personal chat with Warden, so nothing was shared. Pick a ' +
          'channel or group chat.',
        { detail: { tenantId, targetId } },
      );
    }
  }

  /**
   * Posts the shared answer; the card itself says who shared it and from where. Returns the
   * line the sharer sees: the answer is saved in the target either way, so a failed post says
   * so instead of failing the click.
   */
  async post(shared: SharedTurn): Promise<string> {
    const { target, turn } = shared;
    const reference = referenceFor(target);
    const log = this.deps.logger.child({ turnId: turn.id, targetConversationId: target.id });
    if (!reference) {
      log.warn({}, 'shared answer saved but not posted: the target has no conversation reference');
      return `Saved to ${target.name}, but Warden cannot post there until it is added again.`;
    }
    const { teamId: _team, ownerId: _owner, ...address } = reference;
    try {
      await this.deps.adapter.postProactive(address, async (context) => {
        // botbuilder makes every send a reply to the made-up id of the continuation activity;
        // a share is a new post (a new thread in a channel), so the reply target is dropped.
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        await context.sendActivity(cardActivity(renderAnswerCard(turn.answer)));
      });
      log.info({}, 'answer shared');
      return `Shared to ${target.name}.`;
    } catch (error) {
      const failure = toWardenError(error, 'teams_share_post_failed');
      log.warn({ code: failure.code, err: failure.message }, 'shared answer saved but not posted');
      return `Saved to ${target.name}, but Teams did not accept the message. Try sharing again.`;
    }
  }
}
