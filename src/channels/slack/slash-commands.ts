import type { App, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import { escapeMrkdwn, renderNoticeBlocks, type SlackMessage } from '../../cards';
import type { Logger } from '../../core/logger';
import { tenantOf } from './inbound';
import type { WebClient } from './web-api';

/** What a subcommand handler gets: the words after its name, and ways to answer. */
export interface SubcommandRequest {
  /** Text after the subcommand's name, trimmed (`ask which users…` → `which users…`). */
  args: string;
  command: SlashCommand;
  tenantId: string;
  client: WebClient;
  /** Must be called within three seconds; an ephemeral reply can go with it. */
  ack: (response?: string | RespondArguments) => Promise<void>;
  /** Answers later through the command's response URL (up to 30 minutes). */
  respond: RespondFn;
  logger: Logger;
}

export interface Subcommand {
  /** How to call it, after the command: `ask <question>`. */
  usage: string;
  description: string;
  run(request: SubcommandRequest): Promise<void>;
}

/**
 * `/warden <subcommand> …`: a map of subcommand name to handler, so later features (`run`,
 * `briefing`, `report`) register theirs without touching the others. `help`, no text at all,
 * and any unknown name answer with usage, visible only to the person who typed it.
 */
export class SlashCommandRouter {
  private readonly subcommands = new Map<string, Subcommand>();

  constructor(private readonly logger: Logger) {
    this.register('help', {
      usage: 'help',
      description: 'Show what Warden can do here.',
      run: async ({ ack, command }) => ack(ephemeral(this.usage(command.command))),
    });
  }

  register(name: string, subcommand: Subcommand): this {
    this.subcommands.set(name.toLowerCase(), subcommand);
    return this;
  }

  names(): string[] {
    return [...this.subcommands.keys()];
  }

  /** Registers the router as the app's handler for every slash command it is sent. */
  attach(app: App): void {
    app.command(/.*/, async ({ command, ack, respond, client, context }) => {
      const [first = '', ...rest] = command.text.trim().split(/\s+/);
      const name = first.toLowerCase() || 'help';
      const subcommand = this.subcommands.get(name);
      if (!subcommand) {
        const unknown = `Warden has no "${escapeMrkdwn(first.slice(0, 40))}" command.`;
        return ack(ephemeral(this.usage(command.command, unknown)));
      }
      const args = command.text.trim().slice(first.length).trim();
      const log = this.logger.child({ subcommand: name });
      await subcommand.run({
        args,
        command,
        tenantId: tenantOf(context),
        client,
        ack,
        respond,
        logger: log,
      });
    });
  }

  usage(commandName: string, lead?: string): SlackMessage {
    const lines = [...this.subcommands.values()].map(
      (sub) =>
        `\`${escapeMrkdwn(`${commandName} ${sub.usage}`)}\` — ${escapeMrkdwn(sub.description)}`,
    );
    const mention = 'You can also mention @Warden in a channel, or message it directly.';
    const body = [lead, ...lines, mention].filter(Boolean).join('\n');
    return renderNoticeBlocks(`How to use ${commandName}`, body);
  }
}

/** A reply only the person who typed the command sees. */
export function ephemeral(message: SlackMessage): RespondArguments {
  return { response_type: 'ephemeral', text: message.text, blocks: message.blocks };
}
