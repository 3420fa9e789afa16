import type { Logger } from '../../core/logger';
import { isDirectMessage } from './inbound';
import { slackErrorCode, type WebClient } from './web-api';

export interface ConversationNamesOptions {
  logger: Logger;
  /** How long a name is kept before asking Slack again. Default 10 minutes. */
  ttlMs?: number;
  /** Most names kept; the oldest go first. Default 5,000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  name?: string;
  at: number;
}

/**
 * Channel names from `conversations.info`, cached, so `#inc-2041-phishing` reaches the engine
 * (which reads incident numbers from it) without a Web API call per message. Direct messages
 * have no name and are never looked up.
 */
export class ConversationNames {
  private readonly cache = new Map<string, Entry>();
  private readonly log: Logger;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ConversationNamesOptions) {
    this.log = options.logger;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxEntries = options.maxEntries ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** `#name` of a channel, or undefined when Slack does not say (a DM, a missing scope). */
  async nameOf(
    client: WebClient,
    tenantId: string,
    channelId: string,
  ): Promise<string | undefined> {
    if (isDirectMessage(channelId)) return undefined;
    const key = `${tenantId}/${channelId}`;
    const cached = this.cache.get(key);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.name;

    const name = await this.lookUp(client, channelId);
    this.remember(key, name);
    return name;
  }

  /** A name learnt elsewhere (a slash command carries its channel's name). */
  remember(key: string, name: string | undefined): void {
    this.cache.delete(key);
    this.cache.set(key, { name, at: this.now() });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  /** A name is a nicety: when Slack will not give it, the turn goes on without one. */
  private async lookUp(client: WebClient, channelId: string): Promise<string | undefined> {
    try {
      const result = await client.conversations.info({ channel: channelId });
      const channel = result.channel;
      if (!channel?.name || channel.is_im || channel.is_mpim) return undefined;
      return `#${channel.name}`;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === undefined) throw error;
      this.log.warn({ channelId, code }, 'conversation name not available from Slack');
      return undefined;
    }
  }
}
