import { App, webApi, type Authorize } from '@slack/bolt';
import type { Request, Response, Server } from 'restify';
import type { SlackAuthConfig } from '../../config-slack';
import type { CardActionHandler } from '../../collab/actions';
import type { ConversationDirectory } from '../../collab/directory';
import type { PinService } from '../../collab/pins';
import type { Logger } from '../../core/logger';
import type { Engine } from '../../engine/engine';
import type { DocumentStore } from '../../store/types';
import { SlackAnswers } from './answers';
import { wardenAssistant } from './assistant';
import { tokenAuthorize, installationAuthorize } from './authorize';
import { boltLogger } from './bolt-logger';
import { registerCardButtons } from './card-buttons';
import { registerConversationEvents } from './conversation-events';
import { ConversationNames } from './conversation-names';
import { DocumentInstallationStore } from './installations';
import { registerModalSubmissions } from './modal-submissions';
import { SlackOAuth } from './oauth';
import { SlackReceiver } from './receiver';
import { SLACK_BOT_SCOPES } from './scopes';
import { SlashCommandRouter } from './slash-commands';
import { askCommand, pinsCommand } from './warden-commands';
import type { WebClient } from './web-api';

/** The one request URL for events, slash commands and interactivity (buttons, modals). */
export const SLACK_EVENTS_PATH = '/api/slack/events';

export interface SlackChannelDeps {
  signingSecret: string;
  auth: SlackAuthConfig;
  /** Web API base URL (SLACK_API_URL). */
  apiUrl: string;
  engine: Pick<Engine, 'handle'>;
  directory: ConversationDirectory;
  pins: PinService;
  actions: CardActionHandler;
  store: DocumentStore;
  logger: Logger;
  now?: () => Date;
}

/** A failed Web API call is retried twice, briefly: people are waiting for the reply. */
const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true };
const WEB_API_TIMEOUT_MS = 10_000;

/**
 * Warden in Slack: a Bolt app fed by Warden's own receiver on the restify server, answering
 * mentions, direct messages and the assistant surface, the answer buttons and modals, and
 * `/warden`. Later features add subcommands through `commands`.
 */
export class SlackChannel {
  readonly app: App;
  readonly commands: SlashCommandRouter;
  private readonly receiver: SlackReceiver;
  private readonly oauth?: SlackOAuth;
  private readonly authorize: Authorize<boolean>;
  private readonly log: Logger;
  private readonly mode: SlackAuthConfig['mode'];
  private started: Promise<void> = Promise.resolve();

  constructor(deps: SlackChannelDeps) {
    this.log = deps.logger.child({ component: 'slack' });
    this.mode = deps.auth.mode;
    const clientOptions = {
      slackApiUrl: deps.apiUrl,
      logger: boltLogger(this.log),
      retryConfig: RETRY_CONFIG,
      timeout: WEB_API_TIMEOUT_MS,
    };
    // A client without a token, for the calls that carry their own: auth.test, oauth.v2.access.
    const client: WebClient = new webApi.WebClient(undefined, clientOptions);
    const installations = new DocumentInstallationStore(deps.store);
    this.authorize =
      deps.auth.mode === 'token'
        ? tokenAuthorize(client, deps.auth.botToken)
        : installationAuthorize(installations);
    if (deps.auth.mode === 'oauth') {
      const { clientId, clientSecret, stateSecret } = deps.auth;
      const scopes = SLACK_BOT_SCOPES;
      const oauth = { clientId, clientSecret, stateSecret, scopes, installations, client };
      this.oauth = new SlackOAuth({ ...oauth, logger: this.log });
    }

    this.receiver = new SlackReceiver({ signingSecret: deps.signingSecret, logger: this.log });
    this.app = new App({
      receiver: this.receiver,
      authorize: this.authorize,
      logger: boltLogger(this.log),
      clientOptions,
      // Warden keeps conversation state in its own store; Bolt's in-memory one goes unused.
      convoStore: false,
    });
    this.app.error(async (error) => {
      this.log.error({ err: error, code: error.code }, 'Slack listener failed');
    });
    this.commands = this.listen(deps);
  }

  /** Wires mentions, direct messages, the assistant, buttons, modals and `/warden`. */
  private listen(deps: SlackChannelDeps): SlashCommandRouter {
    const names = new ConversationNames({ logger: this.log });
    const answers = new SlackAnswers({ ...deps, names, logger: this.log });
    this.app.assistant(wardenAssistant(answers, this.log));
    registerConversationEvents(this.app, answers);
    registerCardButtons(this.app, deps.actions, this.log);
    registerModalSubmissions(this.app, { ...deps, logger: this.log });
    const commands = new SlashCommandRouter(this.log)
      .register('ask', askCommand(answers))
      .register('pins', pinsCommand(deps.pins));
    commands.attach(this.app);
    return commands;
  }

  register(server: Server): void {
    server.post(SLACK_EVENTS_PATH, async (req: Request, res: Response) =>
      this.receiver.handle(req, res),
    );
    this.oauth?.register(server);
  }

  /**
   * Asks Slack once, in the background, who the bot token belongs to, so a wrong token shows in
   * the log at start-up rather than at the first mention. Slack routes stay on either way.
   */
  start(): void {
    this.started = this.checkToken();
  }

  /** Finishes the start-up check and the work already acknowledged to Slack. */
  async stop(): Promise<void> {
    await this.started;
    await this.receiver.stop();
  }

  private async checkToken(): Promise<void> {
    if (this.mode !== 'token') return;
    try {
      await this.authorize({ teamId: '', enterpriseId: undefined, isEnterpriseInstall: false });
    } catch (error) {
      this.log.error(
        { err: error },
        'Slack bot token check failed; mentions will fail until fixed',
      );
    }
  }

  /** Resolves when no acknowledged request is still being worked on (tests, shutdown). */
  idle(): Promise<void> {
    return this.receiver.idle();
  }
}
