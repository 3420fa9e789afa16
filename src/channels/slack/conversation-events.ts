import type { App } from '@slack/bolt';
import type { SlackAnswers } from './answers';
import { isDirectMessage, questionFromSlackText, tenantOf } from './inbound';

/**
 * Mentions in channels are answered in the mention's thread (a new thread under the message,
 * or the thread it was written in); direct messages are answered in the conversation, or in
 * the thread they were written in.
 */
export function registerConversationEvents(app: App, answers: SlackAnswers): void {
  app.event('app_mention', async ({ event, context, client }) => {
    // A mention in a direct message also arrives as `message.im`, which answers it.
    if (isDirectMessage(event.channel) || event.bot_id || !event.user) return;
    await answers.answer({
      client,
      tenantId: tenantOf(context),
      teamId: context.teamId,
      channelId: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      userId: event.user,
      text: questionFromSlackText(event.text, context.botUserId),
    });
  });

  app.event('message', async ({ event, context, client }) => {
    // Edits, joins, bot posts and Warden's own replies all arrive here too; only people's new
    // messages in a direct conversation with Warden are questions.
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || !event.user || !event.text) return;
    await answers.answer({
      client,
      tenantId: tenantOf(context),
      teamId: context.teamId,
      channelId: event.channel,
      threadTs: event.thread_ts,
      userId: event.user,
      text: questionFromSlackText(event.text, context.botUserId),
    });
  });
}
