import { randomUUID } from 'node:crypto';
import {
  escapeMrkdwn,
  renderAnswerBlocks,
  renderNoticeBlocks,
  type SlackMessage,
} from '../../cards';
import type { ConversationDirectory } from '../../collab/directory';
import type { ConversationInfo } from '../../core/conversation';
import { isWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Engine } from '../../engine/engine';
import type { ConversationNames } from './conversation-names';
import { isDirectMessage, slackActor } from './inbound';
import { postMessage, type WebClient } from './web-api';

/** One question put to Warden in Slack, however it arrived. */
export interface SlackQuestion {
  client: WebClient;
  tenantId: string;
  /** Team id of the workspace, kept in the conversation's reference for later posts. */
  teamId?: string;
  channelId: string;
  /** Reply in this thread, and keep the turn's memory to it. */
  threadTs?: string;
  userId: string;
  text: string;
  /** The channel's name when the request already carried it (slash commands do). */
  channelName?: string;
  /** Show who asked what above the answer: nobody else saw a slash command's question. */
  showQuestion?: boolean;
  onProgress?: (text: string) => void;
}

export interface SlackAnswersDeps {
  engine: Pick<Engine, 'handle'>;
  directory: ConversationDirectory;
  names: ConversationNames;
  logger: Logger;
  now?: () => Date;
}

/** Most conversations remembered as registered, so a busy channel is written once. */
const MAX_REGISTERED = 5000;

/**
 * Runs a question through the engine and posts the answer where it was asked. Conversations
 * Warden posted in are registered in the directory, so Share can offer them later.
 */
export class SlackAnswers {
  private readonly log: Logger;
  private readonly registered = new Set<string>();

  constructor(private readonly deps: SlackAnswersDeps) {
    this.log = deps.logger;
  }

  async answer(question: SlackQuestion): Promise<void> {
    const { client, tenantId, channelId } = question;
    const name =
      question.channelName ?? (await this.deps.names.nameOf(client, tenantId, channelId));
    const conversation: ConversationInfo = {
      id: channelId,
      tenantId,
      channel: 'slack',
      ...(name && { name }),
      ...(question.threadTs && { threadId: question.threadTs }),
    };
    const message = await this.turn(question, conversation);
    await postMessage(client, { channel: channelId, threadTs: question.threadTs }, message);
    await this.register(question, name);
  }

  private async turn(
    question: SlackQuestion,
    conversation: ConversationInfo,
  ): Promise<SlackMessage> {
    try {
      const { answer } = await this.deps.engine.handle(
        {
          tenantId: question.tenantId,
          conversation,
          user: slackActor(question.userId),
          text: question.text,
          receivedAt: (this.deps.now?.() ?? new Date()).toISOString(),
        },
        { onProgress: question.onProgress },
      );
      const askedBy = question.showQuestion
        ? { userId: question.userId, question: question.text }
        : undefined;
      return renderAnswerBlocks(answer, { mode: 'answer' }, { askedBy });
    } catch (error) {
      if (isWardenError(error) && error.status < 500) {
        return renderNoticeBlocks(
          'Warden could not take that question',
          escapeMrkdwn(error.userMessage),
        );
      }
      const correlationId = randomUUID();
      this.log.error({ err: error, correlationId }, 'Slack turn failed');
      return renderNoticeBlocks(
        'Warden could not answer that',
        `Something went wrong on our side. Please try again. Reference id: \`${correlationId}\``,
      );
    }
  }

  /** Direct messages stay private: they are never offered as a place to share to. */
  private async register(question: SlackQuestion, name: string | undefined): Promise<void> {
    if (isDirectMessage(question.channelId)) return;
    const key = `${question.tenantId}/${question.channelId}/${name ?? ''}`;
    if (this.registered.has(key)) return;
    await this.deps.directory.register({
      id: question.channelId,
      tenantId: question.tenantId,
      channel: 'slack',
      ...(name && { name }),
      reference: { channelId: question.channelId, teamId: question.teamId },
    });
    if (this.registered.size >= MAX_REGISTERED) this.registered.clear();
    this.registered.add(key);
  }
}
