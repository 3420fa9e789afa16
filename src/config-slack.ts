/**
 * Slack's settings, cross-checked at start-up. `config.ts` parses the variables; this file says
 * which combinations make sense and what each one means.
 */

/** The Slack variables as `config.ts` parsed them (blank means unset). */
export interface SlackEnv {
  SLACK_SIGNING_SECRET?: string;
  SLACK_BOT_TOKEN?: string;
  SLACK_CLIENT_ID?: string;
  SLACK_CLIENT_SECRET?: string;
  SLACK_STATE_SECRET?: string;
  SLACK_API_URL: string;
}

/** How Warden gets a bot token for a request: one fixed token, or per-workspace installs. */
export type SlackAuthConfig =
  | { mode: 'token'; botToken: string }
  | { mode: 'oauth'; clientId: string; clientSecret: string; stateSecret: string };

export interface SlackConfig {
  /** Absent keeps every Slack route off (SLACK_SIGNING_SECRET). */
  signingSecret?: string;
  /** Absent only while the signing secret is absent too. */
  auth?: SlackAuthConfig;
  /** Web API base URL, ending in `/` (SLACK_API_URL, default https://slack.com/api/). */
  apiUrl: string;
}

/** Shortest state secret accepted: it signs the OAuth `state` parameter. */
const MIN_STATE_SECRET_CHARS = 16;

export function slackProblems(e: SlackEnv): string[] {
  const problems: string[] = [];
  const oauth = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const someOauth = oauth.some((value) => value !== undefined);
  if (e.SLACK_BOT_TOKEN && someOauth) {
    problems.push(
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET/SLACK_STATE_SECRET are both set: ' +
        'use the bot token for one workspace, or the OAuth variables to install Warden in many, ' +
        'and unset the other.',
    );
  }
  if (someOauth && !oauth.every((value) => value !== undefined)) {
    problems.push(
      'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together: set all three ' +
        '(client id and secret from Basic Information in the Slack app settings, and a random ' +
        'state secret of your own), or none.',
    );
  }
  if (e.SLACK_STATE_SECRET && e.SLACK_STATE_SECRET.length < MIN_STATE_SECRET_CHARS) {
    problems.push(
      `SLACK_STATE_SECRET is shorter than ${MIN_STATE_SECRET_CHARS} characters: use a long ` +
        'random value, for example the output of `openssl rand -hex 32`.',
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_BOT_TOKEN.startsWith('xoxb-')) {
    problems.push(
      'SLACK_BOT_TOKEN is not a bot token (it must start with xoxb-): copy the Bot User OAuth ' +
        'Token from OAuth & Permissions in the Slack app settings.',
    );
  }
  if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN && !someOauth) {
    problems.push(
      'SLACK_SIGNING_SECRET is set but Warden has no way to post: set SLACK_BOT_TOKEN for one ' +
        'workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth ' +
        'installs.',
    );
  }
  return problems;
}

/** Call after `slackProblems` found nothing. */
export function slackConfig(e: SlackEnv): SlackConfig {
  const apiUrl = e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  const config: SlackConfig = { apiUrl };
  if (e.SLACK_SIGNING_SECRET) config.signingSecret = e.SLACK_SIGNING_SECRET;
  if (e.SLACK_BOT_TOKEN) config.auth = { mode: 'token', botToken: e.SLACK_BOT_TOKEN };
  if (e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET) {
    config.auth = {
      mode: 'oauth',
      clientId: e.SLACK_CLIENT_ID,
      clientSecret: e.SLACK_CLIENT_SECRET,
      stateSecret: e.SLACK_STATE_SECRET,
    };
  }
  return config;
}
