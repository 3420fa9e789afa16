export { TeamsChannel, type TeamsChannelDeps } from './channel';
export { TEAMS_COMMANDS, parseCommand, type TeamsCommand, type TeamsCommandName } from './commands';
export { TEAMS_MESSAGES_PATH } from './route';
