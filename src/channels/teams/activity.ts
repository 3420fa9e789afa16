import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { Actor } from '../../core/conversation';

/**
 * Reading real Teams activities. Teams leaves out fields depending on the event (no `from.name`
 * on install events, no channel name on channel messages, no `conversationType` in some older
 * payloads) and varies the casing of enum-like values, so every read here is defensive and
 * nothing assumes a field is present.
 */

export type TeamsConversationKind = 'channel' | 'groupChat' | 'personal';

/** Where an activity happened, normalised. */
export interface TeamsPlace {
  tenantId: string;
  /** The channel or chat id without the `;messageid=` suffix Teams adds for channel threads. */
  conversationId: string;
  kind: TeamsConversationKind;
  /** The root message of a channel thread; absent in chats, which have no threads. */
  threadId?: string;
  /** A human name, when this activity carries one. */
  name?: string;
  teamId?: string;
}

/** A conversation reference as Warden stores it: the channel, not one message or one user. */
export type StoredReference = Partial<ConversationReference> & { teamId?: string };

const THREAD_SUFFIX = /;messageid=([^;]*)/i;

/** Teams puts the tenant on the conversation; older payloads only in channel data. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return textAt(activity.conversation, 'tenantId') ?? textAt(activity.channelData, 'tenant', 'id');
}

export function placeOf(activity: Partial<Activity>): TeamsPlace | undefined {
  const tenantId = tenantOf(activity);
  const rawId = textAt(activity.conversation, 'id');
  if (!tenantId || !rawId) return undefined;
  const kind = kindOf(activity);
  const place: TeamsPlace = { tenantId, conversationId: baseConversationId(rawId), kind };
  const threadId = kind === 'channel' ? threadOf(activity, rawId) : undefined;
  if (threadId) place.threadId = threadId;
  const name = nameOf(activity, kind, place.conversationId);
  if (name) place.name = name;
  const teamId = textAt(activity.channelData, 'team', 'id');
  if (teamId) place.teamId = teamId;
  return place;
}

export function baseConversationId(id: string): string {
  return id.replace(THREAD_SUFFIX, '');
}

/** The person who acted: their Entra object id when Teams sends it, else their Teams id. */
export function actorOf(activity: Partial<Activity>): Actor {
  const id =
    textAt(activity.from, 'aadObjectId') ?? textAt(activity.from, 'id') ?? 'unknown-teams-user';
  const name = textAt(activity.from, 'name');
  return name ? { id, name } : { id };
}

/** True when the message mentions the bot (the mention entity, not just `<at>` text). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = textAt(activity.recipient, 'id');
  if (!botId) return false;
  return (activity.entities ?? []).some(
    (entity) =>
      lower(textAt(entity, 'type')) === 'mention' && textAt(entity, 'mentioned', 'id') === botId,
  );
}

/**
 * The reference Share uses to post here later: botbuilder's own reference for this activity,
 * pointed at the channel or chat itself rather than at the message that carried it.
 */
export function referenceOf(activity: Partial<Activity>, place: TeamsPlace): StoredReference {
  const {
    activityId: _message,
    user: _user,
    ...reference
  } = TurnContext.getConversationReference(activity);
  const stored: StoredReference = {
    ...reference,
    conversation: {
      ...activity.conversation,
      id: place.conversationId,
    } as StoredReference['conversation'],
  };
  if (place.teamId) stored.teamId = place.teamId;
  // A plain JSON copy: botbuilder leaves undefined fields that neither store backend wants.
  return JSON.parse(JSON.stringify(stored)) as StoredReference;
}

export function isStoredReference(value: unknown): value is StoredReference {
  return (
    textAt(value, 'serviceUrl') !== undefined && textAt(value, 'conversation', 'id') !== undefined
  );
}

/** Lower-cased string field, for enum-like values Teams sends in mixed casing. */
export function lower(value: string | undefined): string | undefined {
  return value?.toLowerCase();
}

/** A non-empty string at a path through untyped JSON, or undefined. */
export function textAt(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' && current.trim() !== '' ? current : undefined;
}

function kindOf(activity: Partial<Activity>): TeamsConversationKind {
  const type = lower(textAt(activity.conversation, 'conversationType'));
  if (type === 'channel') return 'channel';
  if (type === 'groupchat') return 'groupChat';
  if (type === 'personal') return 'personal';
  const id = textAt(activity.conversation, 'id') ?? '';
  if (THREAD_SUFFIX.test(id) || textAt(activity.channelData, 'channel', 'id')) return 'channel';
  return activity.conversation?.isGroup === true ? 'groupChat' : 'personal';
}

/** The root post of the thread: named in the conversation id, or this message when it is one. */
function threadOf(activity: Partial<Activity>, rawId: string): string | undefined {
  const fromId = THREAD_SUFFIX.exec(rawId)?.[1];
  if (fromId) return fromId;
  return lower(activity.type) === 'message' ? textAt(activity, 'id') : undefined;
}

/**
 * Channel data names the channel an event is about, which is not always the conversation it
 * arrives in: `channelRenamed` comes through the team's General channel. Its name counts only
 * when it is this conversation's.
 */
function nameOf(
  activity: Partial<Activity>,
  kind: TeamsConversationKind,
  conversationId: string,
): string | undefined {
  const explicit =
    (channelDataIsAbout(activity, conversationId) &&
      textAt(activity.channelData, 'channel', 'name')) ||
    textAt(activity.conversation, 'name');
  if (explicit) return explicit.trim();
  return kind === 'channel' ? textAt(activity.channelData, 'team', 'name')?.trim() : undefined;
}

function channelDataIsAbout(activity: Partial<Activity>, conversationId: string): boolean {
  const channelId = textAt(activity.channelData, 'channel', 'id');
  return channelId === undefined || channelId === conversationId;
}

/** The channel a `channelRenamed` event renamed, with its new name. */
export function renamedChannelOf(
  activity: Partial<Activity>,
): { id: string; name: string } | undefined {
  if (lower(textAt(activity.channelData, 'eventType')) !== 'channelrenamed') return undefined;
  const id = textAt(activity.channelData, 'channel', 'id');
  const name = textAt(activity.channelData, 'channel', 'name');
  return id && name ? { id, name: name.trim() } : undefined;
}

/** A name for a conversation no event has named yet, so Share lists words, not ids. */
export function fallbackName(activity: Partial<Activity>, place: TeamsPlace): string {
  if (place.kind === 'channel') return 'Teams channel';
  if (place.kind === 'groupChat') return 'Group chat';
  const person = textAt(activity.from, 'name');
  return person ? `Personal chat with ${person}` : 'Personal chat';
}
