import type { Context } from '@slack/bolt';
import type { Actor } from '../../core/conversation';
import { installationTenant } from './installations';

/**
 * Slack marks up what people type: mentions as `<@U123>`, channels as `<#C123|name>`, links as
 * `<https://x.example|x.example>`, and `&`, `<`, `>` as entities:
 * https://docs.slack.dev/messaging/formatting-message-text
 * The engine wants the words the person typed, without Warden's own mention.
 */
export function questionFromSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_whole, id: string, label?: string) =>
      id === botUserId ? '' : `@${label || id}`,
    )
    .replace(
      /<#([A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_whole, id: string, name?: string) => `#${name || id}`,
    )
    .replace(
      /<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g,
      (_whole, word: string, label?: string) => label || `@${word}`,
    )
    .replace(/<(mailto:)?([^|>]+)(?:\|[^>]*)?>/g, (_whole, _mailto, target: string) => target)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The tenant of a verified request: the org for an org-wide install, else the workspace. */
export function tenantOf(context: Context): string {
  return installationTenant({
    isEnterpriseInstall: context.isEnterpriseInstall,
    enterpriseId: context.enterpriseId,
    teamId: context.teamId,
  });
}

/**
 * People are known by their Slack user id; renderers show `<@id>`, which Slack draws as the
 * person's current display name, so Warden needs no `users:read` scope.
 */
export function slackActor(userId: string): Actor {
  return { id: userId };
}

/** Direct messages (ids starting with D) are private to one person and Warden. */
export function isDirectMessage(channelId: string): boolean {
  return channelId.startsWith('D');
}
