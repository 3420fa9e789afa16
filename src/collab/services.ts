import { silentLogger, type Logger } from '../core/logger';
import type { DocumentStore } from '../store/types';
import { CardActionHandler } from './actions';
import { AuditLog } from './audit';
import { ConversationDirectory } from './directory';
import type { CollabClock } from './documents';
import { FeedbackService } from './feedback';
import { PinService } from './pins';
import { ShareService } from './share';
import { TurnRepository } from './turns';

export interface CollabServices {
  turns: TurnRepository;
  directory: ConversationDirectory;
  audit: AuditLog;
  pins: PinService;
  feedback: FeedbackService;
  share: ShareService;
  actions: CardActionHandler;
}

/** Wires the collaboration services onto one store. */
export function createCollabServices(
  options: CollabClock & { store: DocumentStore; logger?: Logger },
): CollabServices {
  const { store, now, newId } = options;
  const turns = new TurnRepository(store);
  const directory = new ConversationDirectory(store);
  const audit = new AuditLog(store, now, newId);
  const pins = new PinService({ store, turns, audit, now });
  const feedback = new FeedbackService({ store, turns, audit, now });
  const share = new ShareService({ turns, directory, audit, now, newId });
  const logger = options.logger ?? silentLogger;
  const actions = new CardActionHandler({ turns, pins, feedback, share, logger });
  return { turns, directory, audit, pins, feedback, share, actions };
}
