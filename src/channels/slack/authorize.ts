import type { Authorize, AuthorizeResult, InstallationStore } from '@slack/bolt';
import type { WebClient } from './web-api';
import { UnavailableError } from '../../core/errors';

/**
 * One workspace, one bot token. `auth.test` tells which bot user the token belongs to (Bolt
 * needs it to ignore Warden's own messages); its answer is kept, and a failed call is tried
 * again on the next request instead of being cached.
 */
export function tokenAuthorize(client: WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const lookUp = async () => {
    try {
      const result = await client.auth.test({ token: botToken });
      return { botId: result.bot_id, botUserId: result.user_id };
    } catch (error) {
      identity = undefined;
      throw new UnavailableError(
        'slack_auth_failed',
        'Slack did not accept SLACK_BOT_TOKEN (auth.test failed): check the token under OAuth ' +
          '& Permissions in the Slack app settings, and that the app is installed.',
        { cause: error },
      );
    }
  };
  return async (): Promise<AuthorizeResult> => {
    identity ??= lookUp();
    return { botToken, ...(await identity) };
  };
}

/** Many workspaces: the token of the install for the request's workspace or org. */
export function installationAuthorize(installations: InstallationStore): Authorize<boolean> {
  return async (source): Promise<AuthorizeResult> => {
    const installation = await installations.fetchInstallation({
      teamId: source.teamId,
      enterpriseId: source.enterpriseId,
      isEnterpriseInstall: source.isEnterpriseInstall,
    } as Parameters<InstallationStore['fetchInstallation']>[0]);
    return {
      botToken: installation.bot?.token,
      botId: installation.bot?.id,
      botUserId: installation.bot?.userId,
      teamId: installation.team?.id ?? source.teamId,
      enterpriseId: installation.enterprise?.id ?? source.enterpriseId,
    };
  };
}
