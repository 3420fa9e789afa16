import type { SlashCommand } from '@slack/bolt';
import { renderNoteBlocks, renderPinBoardBlocks } from '../../cards';
import type { PinService } from '../../collab/pins';
import type { SlackAnswers } from './answers';
import { refusalMessage } from './refusal';
import { ephemeral, type Subcommand } from './slash-commands';
import { NOT_IN_CONVERSATION, slackErrorCode } from './web-api';

/** `/warden ask <question>`: acknowledged at once, answered in the channel when ready. */
export function askCommand(answers: SlackAnswers): Subcommand {
  return {
    usage: 'ask <question>',
    description: 'Ask a security question; the answer is posted in this channel.',
    run: async ({ args, command, tenantId, client, ack, respond, logger }) => {
      if (!args) {
        return ack(
          ephemeral(renderNoteBlocks(`Add your question: ${command.command} ask <question>`)),
        );
      }
      await ack();
      try {
        await answers.answer({
          client,
          tenantId,
          teamId: command.team_id,
          channelId: command.channel_id,
          userId: command.user_id,
          text: args,
          channelName: channelNameOf(command),
          showQuestion: true,
        });
      } catch (error) {
        const notInChannel = NOT_IN_CONVERSATION.has(slackErrorCode(error) ?? '');
        const message = notInChannel
          ? renderNoteBlocks(
              'Warden is not in this channel, so it cannot post the answer here. Add it with ' +
                '/invite @Warden, or message Warden directly.',
            )
          : refusalMessage(error, logger, 'ask');
        await respond(ephemeral(message));
      }
    },
  };
}

/** `/warden pins`: this channel's pin board, shown only to the person who asked. */
export function pinsCommand(pins: PinService): Subcommand {
  return {
    usage: 'pins',
    description: 'Show the pin board of this channel.',
    run: async ({ command, tenantId, ack }) => {
      const board = await pins.board(tenantId, command.channel_id);
      await ack(ephemeral(renderPinBoardBlocks(board, channelNameOf(command))));
    },
  };
}

/**
 * Slash commands carry the channel's name, except in direct and group messages, where Slack
 * sends a placeholder instead.
 */
export function channelNameOf(command: SlashCommand): string | undefined {
  const name = command.channel_name;
  if (!name || name === 'directmessage' || name === 'privategroup' || name.startsWith('mpdm-')) {
    return undefined;
  }
  return `#${name}`;
}
