import type { Server } from 'restify';
import type { CardActionHandler } from '../../collab/actions';
import type { ConversationDirectory } from '../../collab/directory';
import type { PinService } from '../../collab/pins';
import { type TeamsConfig, isLoopbackHost } from '../../config';
import type { Logger } from '../../core/logger';
import type { Engine } from '../../engine/engine';
import { newId as defaultNewId } from '../../logging';
import { type TeamsAdapter, createTeamsAdapter } from './adapter';
import { TeamsBot } from './bot';
import { TeamsCardActions } from './card-actions';
import { TeamsConversations } from './conversations';
import { TeamsInstallations } from './installations';
import { TeamsMessages } from './messages';
import { refusalReason, registerTeamsRoute } from './route';
import { TeamsShare } from './share';

export interface TeamsChannelDeps {
  teams: TeamsConfig;
  /** The address the server listens on; unauthenticated requests need a loopback one. */
  host: string;
  /** DEMO_DATA: the welcome and help cards say answers use the demo tenant. */
  demoData: boolean;
  engine: Pick<Engine, 'handle'>;
  directory: ConversationDirectory;
  pins: PinService;
  actions: CardActionHandler;
  logger: Logger;
  /** Defaults to botbuilder's CloudAdapter signed in as `teams` says. */
  adapter?: TeamsAdapter;
  now?: () => Date;
  newId?: () => string;
}

/**
 * Microsoft Teams: `POST /api/messages` through botbuilder's CloudAdapter. Mentions and personal
 * messages become engine turns answered with Adaptive Cards; Universal Actions clicks go to the
 * collaboration services; installs are remembered so Share can post there later.
 */
export class TeamsChannel {
  private readonly adapter: TeamsAdapter;
  private readonly bot: TeamsBot;
  private readonly logger: Logger;

  constructor(private readonly deps: TeamsChannelDeps) {
    const logger = deps.logger.child({ component: 'teams' });
    const newId = deps.newId ?? defaultNewId;
    const now = deps.now ?? (() => new Date());
    const adapter = deps.adapter ?? createTeamsAdapter(deps.teams);
    const conversations = new TeamsConversations(deps.directory);
    const share = new TeamsShare({ adapter, conversations, logger });
    this.bot = new TeamsBot({
      logger,
      newId,
      messages: new TeamsMessages({
        engine: deps.engine,
        pins: deps.pins,
        conversations,
        demoData: deps.demoData,
        progressAfterMs: deps.teams.progressAfterMs,
        logger,
        newId,
        now,
      }),
      cardActions: new TeamsCardActions({ actions: deps.actions, share, logger, newId }),
      installations: new TeamsInstallations({ conversations, demoData: deps.demoData, logger }),
    });
    adapter.onTurnError = this.bot.onTurnError;
    this.adapter = adapter;
    this.logger = logger;
  }

  register(server: Server): void {
    const { teams, host } = this.deps;
    registerTeamsRoute(server, {
      adapter: this.adapter,
      logic: this.bot.onTurn,
      logger: this.logger,
      refusal: refusalReason(teams.appId, host, isLoopbackHost(host)),
      homeTenantId: teams.appType === 'MultiTenant' ? undefined : teams.appTenantId,
    });
  }
}
