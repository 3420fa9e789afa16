/**
 * The bot commands Warden answers in Teams. The app manifest's command lists are built from this
 * list, so it holds only commands that work; `run` and `briefing` join it when they do.
 */
export interface TeamsCommand {
  /** The word a user types (after the mention in a channel); at most 32 characters. */
  title: string;
  /** Shown in the Teams compose box menu; at most 128 characters. */
  description: string;
}

export const TEAMS_COMMANDS = [
  { title: 'help', description: 'What Warden can do, with example questions' },
  { title: 'pins', description: "Show this conversation's Pin Board" },
] as const satisfies readonly TeamsCommand[];

export type TeamsCommandName = (typeof TEAMS_COMMANDS)[number]['title'];

/**
 * The command a message is, if it is one: the command word alone, in any casing, optionally
 * with a leading slash or trailing punctuation. "help me with incident 2041" is a question.
 */
export function parseCommand(text: string): TeamsCommandName | undefined {
  const word = text
    .trim()
    .replace(/^\//, '')
    .replace(/[.!?]+$/, '')
    .toLowerCase();
  return TEAMS_COMMANDS.find((command) => command.title === word)?.title;
}
