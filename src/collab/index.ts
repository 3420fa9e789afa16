export {
  CardActionHandler,
  FEEDBACK_SAVED_NOTICE,
  type CardActionHandlerDeps,
  type CardActionResult,
} from './actions';
export { AuditLog, type AuditEntry, type AuditRecord } from './audit';
export {
  ConversationDirectory,
  type ConversationRegistration,
  type KnownConversation,
} from './directory';
export type { CollabClock } from './documents';
export {
  FEEDBACK_COMMENT_MAX_CHARS,
  FeedbackService,
  type FeedbackInput,
  type FeedbackRating,
  type FeedbackRecord,
  type FeedbackServiceDeps,
} from './feedback';
export { PinService, type Pin, type PinServiceDeps, type PinState } from './pins';
export { ShareService, type SharedTurn, type ShareServiceDeps, type ShareTarget } from './share';
export { createCollabServices, type CollabServices } from './services';
export { TurnRepository } from './turns';
