/**
 * The bot scopes Warden asks for, each for something the code calls or receives. The manifest
 * (`manifests/slack-app.json`) lists the same set; a test keeps the two equal.
 */
export const SLACK_BOT_SCOPES = [
  /** `app_mention` events: @Warden in a channel. */
  'app_mentions:read',
  /** The assistant surface: `assistant_thread_*` events, `assistant.threads.setStatus` and
   * `setSuggestedPrompts`. */
  'assistant:write',
  /** `conversations.info` on public channels, for the channel name (incident numbers). */
  'channels:read',
  /** `chat.postMessage`, `chat.update`, `chat.postEphemeral`. */
  'chat:write',
  /** The `/warden` slash command. */
  'commands',
  /** `conversations.info` on private channels, for the channel name. */
  'groups:read',
  /** `message.im` events: direct messages and assistant-thread messages. */
  'im:history',
] as const;
