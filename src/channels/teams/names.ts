import { type TurnContext, TeamsInfo } from 'botbuilder';
import { toWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { TeamsPlace } from './activity';

/** Teams leaves the General channel unnamed in its channel list. */
const GENERAL_CHANNEL = 'General';

/**
 * Channel messages carry the channel id but not its name, and the name is what tells the
 * engine which incident a channel such as `inc-2041-phishing` is about. The Bot Connector lists
 * a team's channels with their names to any bot installed in the team.
 */
export function channelNameLookup(
  context: TurnContext,
  place: TeamsPlace,
  log: Logger,
): (() => Promise<string | undefined>) | undefined {
  const { teamId } = place;
  if (place.kind !== 'channel' || !teamId) return undefined;
  return async () => {
    try {
      const channels = await TeamsInfo.getTeamChannels(context, teamId);
      const channel = channels.find((candidate) => candidate.id === place.conversationId);
      if (!channel) return undefined;
      return channel.name?.trim() || GENERAL_CHANNEL;
    } catch (error) {
      // The answer does not need the name; the turn goes on without it.
      const failure = toWardenError(error, 'teams_channel_name_unavailable');
      log.debug({ code: failure.code, err: failure.message }, 'channel name not read');
      return undefined;
    }
  };
}
