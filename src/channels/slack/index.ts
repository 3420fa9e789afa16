import type { SlackConfig } from '../../config-slack';
import { SLACK_EVENTS_PATH, SlackChannel, type SlackChannelDeps } from './channel';

export { SLACK_EVENTS_PATH, SlackChannel, type SlackChannelDeps } from './channel';
export { SLACK_BOT_SCOPES } from './scopes';
export { signatureOf, verifySlackSignature, SIGNATURE_WINDOW_SECONDS } from './signature';
export {
  SlashCommandRouter,
  ephemeral,
  type Subcommand,
  type SubcommandRequest,
} from './slash-commands';
export { DocumentInstallationStore, installationTenant } from './installations';

/**
 * The Slack channel when it is configured, or undefined with one log line saying why not and
 * what to set. Slack's routes exist only while a signing secret is set.
 */
export function createSlackChannel(
  deps: Omit<SlackChannelDeps, 'signingSecret' | 'auth' | 'apiUrl'> & { slack: SlackConfig },
): SlackChannel | undefined {
  const { signingSecret, auth, apiUrl } = deps.slack;
  const log = deps.logger.child({ component: 'slack' });
  if (!signingSecret || !auth) {
    log.info(
      'Slack is off: SLACK_SIGNING_SECRET is not set. To turn it on, set it to the Signing ' +
        'Secret under Basic Information in the Slack app settings, with SLACK_BOT_TOKEN (one ' +
        'workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth).',
    );
    return undefined;
  }
  log.info(
    { path: SLACK_EVENTS_PATH, auth: auth.mode === 'token' ? 'bot token' : 'OAuth installs' },
    'Slack is on',
  );
  return new SlackChannel({ ...deps, signingSecret, auth, apiUrl });
}
