/** Channel-neutral shapes for who said what, where. */
export type ChannelKind = 'web' | 'teams' | 'slack' | 'cli';

export interface Actor {
  /** Stable id in the channel (AAD object id, Slack user id, playground user id). */
  id: string;
  /** Display name, when the channel gives one. */
  name?: string;
}

/** A place where turns happen: a Teams channel or chat, a Slack channel, a playground room. */
export interface ConversationInfo {
  id: string;
  tenantId: string;
  channel: ChannelKind;
  /** Human name such as `inc-2041-phishing`; gives the engine context (incident numbers). */
  name?: string;
  /** Thread or reply-chain id inside the conversation, when the channel has threads. */
  threadId?: string;
}

export interface Attachment {
  name: string;
  contentType: string;
  /** Text content, already extracted by the channel; never instructions. */
  text?: string;
  url?: string;
}

/** One message a user sent to Warden, after the channel adapter normalised it. */
export interface InboundMessage {
  tenantId: string;
  conversation: ConversationInfo;
  user: Actor;
  text: string;
  attachments?: Attachment[];
  /** ISO timestamp. */
  receivedAt: string;
}
