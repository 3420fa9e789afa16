import type { Activity } from 'botbuilder';
import type { ConversationDirectory, KnownConversation } from '../../collab/directory';
import type { ConversationInfo } from '../../core/conversation';
import {
  type StoredReference,
  type TeamsPlace,
  actorOf,
  fallbackName,
  isStoredReference,
  referenceOf,
} from './activity';

/** A Teams conversation as the directory stores it; `ownerId` marks a personal chat's user. */
export type TeamsReference = StoredReference & { ownerId?: string };

export interface RegisterOptions {
  /** Sets or clears the uninstalled mark; left as it was when absent. */
  uninstalled?: boolean;
  /** Asks Teams for the name when neither this activity nor an earlier one gave one. */
  lookupName?: () => Promise<string | undefined>;
}

/**
 * Keeps the directory up to date with every Teams conversation Warden sees, with the reference
 * Share needs to post there later.
 */
export class TeamsConversations {
  constructor(private readonly directory: ConversationDirectory) {}

  /**
   * Records the conversation of this activity and returns it as the engine sees it. A name the
   * activity carries wins; otherwise an earlier name is kept, or a plain one given.
   */
  async register(
    activity: Partial<Activity>,
    place: TeamsPlace,
    options: RegisterOptions = {},
  ): Promise<{ info: ConversationInfo; before?: KnownConversation }> {
    const before = await this.directory.get(place.tenantId, place.conversationId);
    const reference: TeamsReference = referenceOf(activity, place);
    if (place.kind === 'personal') reference.ownerId = actorOf(activity).id;
    let name = place.name;
    if (!name && options.lookupName && lacksName(before, activity, place)) {
      name = await options.lookupName();
    }
    const known = await this.directory.register({
      id: place.conversationId,
      tenantId: place.tenantId,
      channel: 'teams',
      name: name ?? (before ? undefined : fallbackName(activity, place)),
      reference,
      ...(options.uninstalled !== undefined && { uninstalled: options.uninstalled }),
    });
    const info: ConversationInfo = {
      id: known.id,
      tenantId: known.tenantId,
      channel: 'teams',
      name: known.name,
    };
    if (place.threadId) info.threadId = place.threadId;
    return { info, before };
  }

  /**
   * Marks the conversation uninstalled; when Warden leaves a team, every channel of that team
   * it knows goes with it. References are kept so the history still names where answers were.
   */
  async uninstall(activity: Partial<Activity>, place: TeamsPlace): Promise<number> {
    await this.register(activity, place, { uninstalled: true });
    if (!place.teamId || place.kind !== 'channel') return 1;
    const channels = (await this.directory.list(place.tenantId, 'teams')).filter(
      (conversation) =>
        conversation.id !== place.conversationId &&
        !conversation.uninstalled &&
        teamOf(conversation) === place.teamId,
    );
    for (const channel of channels) {
      await this.directory.register({
        id: channel.id,
        tenantId: channel.tenantId,
        channel: 'teams',
        uninstalled: true,
      });
    }
    return channels.length + 1;
  }

  /** A new name for a channel Warden already knows; unknown channels are left alone. */
  async rename(tenantId: string, conversationId: string, name: string): Promise<void> {
    const known = await this.directory.get(tenantId, conversationId);
    if (known) await this.directory.register({ ...known, name });
  }

  async get(tenantId: string, conversationId: string): Promise<KnownConversation | undefined> {
    return this.directory.get(tenantId, conversationId);
  }
}

/** The stored reference of a conversation, when it has one Share can post to. */
export function referenceFor(conversation: KnownConversation): TeamsReference | undefined {
  return isStoredReference(conversation.reference)
    ? (conversation.reference as TeamsReference)
    : undefined;
}

/**
 * Whether this person may share into the conversation. A personal chat is one person's; an
 * answer is shared there only by that person.
 */
export function mayShareTo(conversation: KnownConversation, actorId: string): boolean {
  const owner = referenceFor(conversation)?.ownerId;
  return owner === undefined || owner === actorId;
}

function lacksName(
  before: KnownConversation | undefined,
  activity: Partial<Activity>,
  place: TeamsPlace,
): boolean {
  return !before || before.name === before.id || before.name === fallbackName(activity, place);
}

function teamOf(conversation: KnownConversation): string | undefined {
  return referenceFor(conversation)?.teamId;
}
