import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../../core/logger';
import { type TeamsPlace, lower, placeOf, renamedChannelOf, textAt } from './activity';
import { cardActivity, renderWelcomeCard } from './cards';
import type { TeamsConversations } from './conversations';

export interface TeamsInstallationsDeps {
  conversations: TeamsConversations;
  demoData: boolean;
  logger: Logger;
}

/**
 * Warden being added to or removed from a team, a group chat or a personal chat. Teams reports
 * an install twice, as `installationUpdate` and as `conversationUpdate` with the bot among the
 * members added; the welcome card goes out for whichever arrives first.
 */
export class TeamsInstallations {
  constructor(private readonly deps: TeamsInstallationsDeps) {}

  async onConversationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    const place = this.placeOf(activity);
    if (!place) return;
    if (includesBot(activity, activity.membersAdded)) await this.added(context, place);
    else if (includesBot(activity, activity.membersRemoved)) await this.removed(activity, place);
    // Other updates (people joining, a channel renamed) only refresh names and the reference.
    else await this.refresh(activity, place);
  }

  /** `add`, `add-upgrade`, `remove` or `remove-upgrade`, in whatever casing Teams sends. */
  async onInstallationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    const place = this.placeOf(activity);
    if (!place) return;
    const action = lower(textAt(activity, 'action'));
    if (action === 'add') await this.added(context, place);
    else if (action === 'remove') await this.removed(activity, place);
    else await this.deps.conversations.register(activity, place);
  }

  private async added(context: TurnContext, place: TeamsPlace): Promise<void> {
    const { activity } = context;
    const { before } = await this.deps.conversations.register(activity, place, {
      uninstalled: false,
    });
    const log = this.deps.logger.child({ tenantId: place.tenantId, kind: place.kind });
    if (before && !before.uninstalled) {
      log.debug({}, 'already installed; no second welcome');
      return;
    }
    log.info({}, 'Warden added to a conversation');
    const welcome = renderWelcomeCard({ kind: place.kind, demoData: this.deps.demoData });
    await context.sendActivity(cardActivity(welcome));
  }

  private async removed(activity: Partial<Activity>, place: TeamsPlace): Promise<void> {
    const count = await this.deps.conversations.uninstall(activity, place);
    this.deps.logger.info(
      { tenantId: place.tenantId, kind: place.kind, conversations: count },
      'Warden removed; its conversations are no longer offered for sharing',
    );
  }

  private async refresh(activity: Partial<Activity>, place: TeamsPlace): Promise<void> {
    await this.deps.conversations.register(activity, place);
    const renamed = renamedChannelOf(activity);
    if (renamed) await this.deps.conversations.rename(place.tenantId, renamed.id, renamed.name);
  }

  private placeOf(activity: Partial<Activity>): TeamsPlace | undefined {
    const place = placeOf(activity);
    if (!place) this.deps.logger.warn({ type: activity.type }, 'event without a tenant id ignored');
    return place;
  }
}

function includesBot(activity: Partial<Activity>, members: unknown): boolean {
  const botId = textAt(activity.recipient, 'id');
  if (!botId || !Array.isArray(members)) return false;
  return members.some((member) => textAt(member, 'id') === botId);
}
