import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { ValidationError, toWardenError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { readJsonBody, sendError } from '../../server';
import { tenantOf } from './activity';
import type { TeamsAdapter, TurnLogic } from './adapter';

export const TEAMS_MESSAGES_PATH = '/api/messages';

/** Teams caps a message at about 100 KB of HTML; activities around it stay well under this. */
const MAX_ACTIVITY_BYTES = 1024 * 1024;

/** What a turn needs before anything runs; the rest of the activity is read defensively. */
const activityShape = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

export interface TeamsRouteOptions {
  adapter: TeamsAdapter;
  logic: TurnLogic;
  logger: Logger;
  /**
   * Set when requests may not be served at all: no app id while listening beyond loopback.
   * The text says why and what to set.
   */
  refusal?: string;
  /**
   * The bot's own tenant (MicrosoftAppTenantId). A single-tenant bot serves only that tenant,
   * so an activity that names none (some documentation samples) is taken as from it.
   */
  homeTenantId?: string;
}

/**
 * `POST /api/messages`: the Bot Framework endpoint. The body is read here (restify's body
 * parser stays off so other routes keep their raw bodies), the token is checked before
 * anything runs, and the invoke response, when a turn sets one, is the HTTP answer.
 */
export function registerTeamsRoute(server: Server, options: TeamsRouteOptions): void {
  const { adapter, logic, logger, refusal } = options;
  if (refusal) logger.error({}, refusal);

  server.post(TEAMS_MESSAGES_PATH, async (req: Request, res: Response) => {
    if (refusal) {
      res.send(401, { error: { code: 'teams_auth_not_configured', message: refusal } });
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = asObject(await readJsonBody(req, MAX_ACTIVITY_BYTES));
    } catch (error) {
      sendError(res, logger, error);
      return;
    }
    const activity = body as unknown as Activity;

    let auth: Awaited<ReturnType<TeamsAdapter['authenticate']>>;
    try {
      auth = await adapter.authenticate(activity, authorizationOf(req));
    } catch (error) {
      const failure = toWardenError(error, 'teams_unauthorized');
      logger.warn({ err: failure.message }, 'Teams request refused: no valid Bot Framework token');
      res.send(401, {
        error: {
          code: 'teams_unauthorized',
          message: 'The request has no valid Bot Framework token for this bot.',
        },
      });
      return;
    }

    try {
      checkShape(body);
      const prepared = withHomeTenant(withDates(activity), options.homeTenantId);
      const invokeResponse = await adapter.run(auth, prepared, logic);
      if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
      else res.send(invokeResponse.status, invokeResponse.body);
    } catch (error) {
      sendError(res, logger, error);
    }
  });
}

/** Why the endpoint refuses everything, or undefined when it may serve. */
export function refusalReason(appId: string | undefined, host: string, loopback: boolean) {
  if (appId || loopback) return undefined;
  return (
    `Teams requests are refused: MicrosoftAppId is not set and HOST=${host} is not a loopback ` +
    'address, so no request could be authenticated. Set MicrosoftAppId and ' +
    'MicrosoftAppPassword (or MicrosoftAppType=UserAssignedMSI) from the Azure Bot ' +
    'registration, or set HOST=127.0.0.1 to try Warden locally without authentication.'
  );
}

function authorizationOf(req: Request): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
}

function asObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError(
      'activity_invalid',
      'The request body must be one Bot Framework activity, a JSON object.',
    );
  }
  return body as Record<string, unknown>;
}

function checkShape(body: Record<string, unknown>): void {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
  throw new ValidationError(
    'activity_invalid',
    `The activity is missing or has invalid ${fields.join(', ')}. Send activities the way the ` +
      'Bot Connector does, with type, serviceUrl and conversation.id.',
  );
}

/** botbuilder's own endpoint turns these ISO strings into dates; Warden does the same. */
/** A single-tenant bot's activity that names no tenant is from the bot's own tenant. */
export function withHomeTenant(activity: Activity, homeTenantId: string | undefined): Activity {
  if (!homeTenantId || tenantOf(activity)) return activity;
  activity.conversation = { ...activity.conversation, tenantId: homeTenantId };
  return activity;
}

function withDates(activity: Activity): Activity {
  const dated = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = dated[field];
    if (typeof value === 'string') {
      dated[raw] = value;
      dated[field] = new Date(value) as never;
    }
  }
  return dated;
}
