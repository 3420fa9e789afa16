import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Installation, InstallationStore } from '@slack/bolt';
import type { Request, Response, Server } from 'restify';
import { ValidationError, isWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { WebClient } from './web-api';

export const INSTALL_PATH = '/api/slack/install';
export const OAUTH_REDIRECT_PATH = '/api/slack/oauth_redirect';

/** Where Slack asks a workspace admin to approve the install (OAuth v2). */
const AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize';
const STATE_COOKIE = 'warden_slack_oauth';
/** An install link older than this is refused; the admin starts again. */
const STATE_TTL_SECONDS = 10 * 60;

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` parameter, so a callback can only finish an install Warden started. */
  stateSecret: string;
  scopes: readonly string[];
  installations: InstallationStore;
  /** A client without a token: `oauth.v2.access` authenticates with the client secret. */
  client: WebClient;
  logger: Logger;
  nowMs?: () => number;
}

/**
 * "Add to Slack" for many workspaces, per Slack's OAuth v2 flow:
 * https://docs.slack.dev/authentication/installing-with-oauth
 * The install link sets a cookie holding a nonce and sends the admin to Slack with a signed
 * `state`; the redirect back must carry that state and that cookie, which stops both forged
 * callbacks and an install link sent to someone else's browser.
 */
export class SlackOAuth {
  private readonly nowMs: () => number;

  constructor(private readonly options: SlackOAuthOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  register(server: Server): void {
    server.get(INSTALL_PATH, async (_req: Request, res: Response) => this.install(res));
    server.get(OAUTH_REDIRECT_PATH, async (req: Request, res: Response) => this.redirect(req, res));
  }

  private install(res: Response): void {
    const nonce = randomBytes(16).toString('hex');
    const state = this.signState(Math.floor(this.nowMs() / 1000), nonce);
    const url = new URL(AUTHORIZE_URL);
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('scope', this.options.scopes.join(','));
    url.searchParams.set('state', state);
    res.writeHead(302, {
      Location: url.toString(),
      'Set-Cookie':
        `${STATE_COOKIE}=${nonce}; Path=/api/slack; Max-Age=${STATE_TTL_SECONDS}; ` +
        'HttpOnly; Secure; SameSite=Lax',
    });
    res.end();
  }

  private async redirect(req: Request, res: Response): Promise<void> {
    try {
      const installation = await this.complete(req);
      const where = installation.enterprise?.name ?? installation.team?.name ?? 'your workspace';
      page(
        res,
        200,
        'Warden is installed',
        `Warden is now in ${where}. Mention @Warden in a ` + 'channel, or run /warden help.',
      );
    } catch (error) {
      if (isWardenError(error) && error.status < 500) {
        return page(res, error.status, 'Warden was not installed', error.userMessage);
      }
      this.options.logger.error({ err: error }, 'Slack install failed');
      page(
        res,
        502,
        'Warden was not installed',
        'Slack did not complete the install. Start ' + `again from ${INSTALL_PATH}.`,
      );
    }
  }

  /** Checks the callback, exchanges the code for a bot token and stores the install. */
  async complete(req: Request): Promise<Installation> {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (query.get('error')) {
      throw refused(
        `Slack said "${query.get('error')?.slice(0, 60)}". Start again from ${INSTALL_PATH}.`,
      );
    }
    this.checkState(query.get('state') ?? '', cookie(req, STATE_COOKIE));
    const code = query.get('code');
    if (!code) throw refused(`The link from Slack has no code. Start again from ${INSTALL_PATH}.`);

    const { client, clientId, clientSecret } = this.options;
    const access = await client.oauth.v2.access({
      client_id: clientId,
      client_secret: clientSecret,
      code,
    });
    if (!access.access_token || !access.bot_user_id) {
      throw refused('Slack granted no bot token. Check the bot scopes, then install again.');
    }
    const identity = await client.auth.test({ token: access.access_token });
    const installation = toInstallation(access, identity.bot_id);
    await this.options.installations.storeInstallation(installation);
    this.options.logger.info(
      { team: installation.team?.id, enterprise: installation.enterprise?.id },
      'Slack workspace installed',
    );
    return installation;
  }

  private signState(issuedAtSeconds: number, nonce: string): string {
    const payload = `${issuedAtSeconds}.${nonce}`;
    const mac = createHmac('sha256', this.options.stateSecret).update(payload).digest('base64url');
    return `${payload}.${mac}`;
  }

  private checkState(state: string, cookieNonce: string | undefined): void {
    const [issued, nonce, mac] = state.split('.');
    const expected = this.signState(Number(issued), nonce ?? '');
    const given = Buffer.from(state);
    const valid =
      mac !== undefined &&
      given.length === expected.length &&
      timingSafeEqual(given, Buffer.from(expected));
    if (!valid)
      throw refused(`The install link is not one Warden issued. Start from ${INSTALL_PATH}.`);
    if (this.nowMs() / 1000 - Number(issued) > STATE_TTL_SECONDS) {
      throw refused(
        `The install link expired after ten minutes. Start again from ${INSTALL_PATH}.`,
      );
    }
    if (cookieNonce !== nonce) {
      throw refused(
        'The install must finish in the browser that started it. Open ' +
          `${INSTALL_PATH} in this browser and try again.`,
      );
    }
  }
}

type AccessResponse = Awaited<ReturnType<WebClient['oauth']['v2']['access']>>;

/** Warden asks for no user scopes, so no user token is kept. */
function toInstallation(access: AccessResponse, botId: string | undefined): Installation {
  const isEnterpriseInstall = access.is_enterprise_install === true;
  const enterprise = access.enterprise?.id
    ? { id: access.enterprise.id, name: access.enterprise.name }
    : undefined;
  return {
    team:
      isEnterpriseInstall || !access.team?.id
        ? undefined
        : { id: access.team.id, name: access.team.name },
    enterprise,
    user: { id: access.authed_user?.id ?? '', token: undefined, scopes: undefined },
    bot: {
      token: access.access_token ?? '',
      scopes: (access.scope ?? '').split(',').filter(Boolean),
      id: botId ?? '',
      userId: access.bot_user_id ?? '',
    },
    appId: access.app_id,
    tokenType: 'bot',
    isEnterpriseInstall,
    authVersion: 'v2',
  } as Installation;
}

function refused(message: string): ValidationError {
  return new ValidationError('slack_install_refused', message);
}

function cookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function page(res: Response, status: number, title: string, body: string): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}` +
    `</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
  });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
