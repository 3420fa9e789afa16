import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../../config';

type Authentication = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * The slice of botbuilder's CloudAdapter Warden uses. Authentication is a separate step so the
 * route can answer every authentication failure with 401: botbuilder lets some token errors
 * (a bad signature) escape as plain errors, which its own `process()` would turn into a 500.
 */
export interface TeamsAdapter {
  /** Validates the Bot Framework JWT; throws when the request must be refused. */
  authenticate(activity: Activity, authHeader: string): Promise<Authentication>;
  /** Runs one turn; returns the invoke response the route sends back, when there is one. */
  run(
    auth: Authentication,
    activity: Activity,
    logic: TurnLogic,
  ): Promise<InvokeResponse | undefined>;
  /** Posts into a conversation from outside a turn (Share), with the bot's own credentials. */
  postProactive(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void>;
  /** Called with any error a turn did not handle itself. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

class WardenCloudAdapter extends CloudAdapter implements TeamsAdapter {
  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    private readonly appId: string,
  ) {
    super(auth);
  }

  authenticate(activity: Activity, authHeader: string): Promise<Authentication> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  run(auth: Authentication, activity: Activity, logic: TurnLogic) {
    return this.processActivity(auth, activity, logic);
  }

  postProactive(reference: Partial<ConversationReference>, logic: TurnLogic) {
    return this.continueConversationAsync(this.appId, reference, logic);
  }
}

/**
 * A CloudAdapter signed in the way the Azure Bot registration says. With no app id, botbuilder
 * disables authentication entirely; the route only lets that through on a loopback address.
 */
export function createTeamsAdapter(config: TeamsConfig): TeamsAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppType: config.appType,
  };
  if (config.appId) options.MicrosoftAppId = config.appId;
  if (config.appPassword) options.MicrosoftAppPassword = config.appPassword;
  if (config.appTenantId) options.MicrosoftAppTenantId = config.appTenantId;
  const auth = new ConfigurationBotFrameworkAuthentication(options);
  return new WardenCloudAdapter(auth, config.appId ?? '');
}
