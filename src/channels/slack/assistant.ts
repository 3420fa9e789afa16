import { Assistant, type AssistantConfig } from '@slack/bolt';
import { renderNoticeBlocks } from '../../cards';
import type { Logger } from '../../core/logger';
import { EXAMPLE_QUESTIONS } from '../../engine/scope';
import type { SlackAnswers } from './answers';
import { questionFromSlackText, tenantOf } from './inbound';
import { postMessage } from './web-api';

type ThreadContextStore = NonNullable<AssistantConfig['threadContextStore']>;
type ThreadContext = Awaited<ReturnType<ThreadContextStore['get']>>;

const GREETING = renderNoticeBlocks(
  "Hi, I'm Warden",
  'Ask me about incidents and alerts, sign-ins and risky users, device compliance, ' +
    'vulnerabilities and CVEs, indicators such as IPs, domains and hashes, or MITRE ATT&amp;CK ' +
    'techniques.',
);

/** Most assistant threads whose context (the channel the person is looking at) is kept. */
const MAX_THREAD_CONTEXTS = 2000;

/**
 * Slack's AI-assistant surface, where a workspace enables it (the manifest's `assistant_view`):
 * a new thread gets a greeting and suggested prompts, and each message shows "is thinking…"
 * while the engine works, then the answer in the thread:
 * https://docs.slack.dev/ai/developing-ai-apps
 */
export function wardenAssistant(answers: SlackAnswers, logger: Logger): Assistant {
  return new Assistant({
    threadContextStore: new MemoryThreadContexts(),
    threadStarted: async ({ event, client, setSuggestedPrompts }) => {
      const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
      await postMessage(client, { channel, threadTs }, GREETING);
      await setSuggestedPrompts({
        title: 'Try asking',
        prompts: EXAMPLE_QUESTIONS.map((question) => ({ title: question, message: question })),
      });
    },
    threadContextChanged: async ({ saveThreadContext }) => {
      await saveThreadContext();
    },
    userMessage: async ({ message, client, context, setStatus }) => {
      if (message.subtype !== undefined || message.bot_id || !message.user || !message.text) return;
      if (!message.thread_ts) return;
      // The status is a courtesy: a thread Slack no longer treats as an assistant thread
      // refuses it, and the question is answered all the same.
      const showStatus = (status: string) =>
        setStatus(status).catch((error: unknown) =>
          logger.warn({ err: error }, 'assistant status not updated'),
        );
      await showStatus('is thinking…');
      const showProgress = (text: string) => {
        void showStatus(`is ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
      };
      await answers.answer({
        client,
        tenantId: tenantOf(context),
        teamId: context.teamId,
        channelId: message.channel,
        threadTs: message.thread_ts,
        userId: message.user,
        text: questionFromSlackText(message.text, context.botUserId),
        onProgress: showProgress,
      });
    },
  });
}

/**
 * Keeps each assistant thread's context in memory. Bolt's default store reads and rewrites the
 * thread's first message on every change, which costs two Web API calls and an extra scope for
 * something Warden does not yet use.
 */
class MemoryThreadContexts implements ThreadContextStore {
  private readonly contexts = new Map<string, ThreadContext>();

  async get(args: Parameters<ThreadContextStore['get']>[0]): Promise<ThreadContext> {
    return this.contexts.get(threadKey(args.payload)) ?? {};
  }

  async save(args: Parameters<ThreadContextStore['save']>[0]): Promise<void> {
    const payload = args.payload as { assistant_thread?: { context?: ThreadContext } };
    const key = threadKey(args.payload);
    this.contexts.delete(key);
    this.contexts.set(key, payload.assistant_thread?.context ?? {});
    if (this.contexts.size > MAX_THREAD_CONTEXTS) {
      const oldest = this.contexts.keys().next().value;
      if (oldest !== undefined) this.contexts.delete(oldest);
    }
  }
}

function threadKey(payload: unknown): string {
  const event = payload as {
    channel?: string;
    thread_ts?: string;
    assistant_thread?: { channel_id?: string; thread_ts?: string };
  };
  const channel = event.assistant_thread?.channel_id ?? event.channel ?? '';
  const thread = event.assistant_thread?.thread_ts ?? event.thread_ts ?? '';
  return `${channel}/${thread}`;
}
