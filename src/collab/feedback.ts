import { FEEDBACK_REASONS, type FeedbackReason } from '../core/actions';
import type { Actor } from '../core/conversation';
import { ValidationError } from '../core/errors';
import type { DocumentStore, FieldValue, StoredDocument } from '../store/types';
import type { AuditLog } from './audit';
import { derivedId, resolveClock, type CollabClock } from './documents';
import { assertTurnInConversation } from './guards';
import type { TurnRepository } from './turns';

const CONTAINER = 'feedback';
const FEEDBACK_TYPE = 'feedback';

/** Longest comment kept; the feedback form's text box has the same limit. */
export const FEEDBACK_COMMENT_MAX_CHARS = 1000;

export type FeedbackRating = 'up' | 'down';

export interface FeedbackInput {
  tenantId: string;
  turnId: string;
  actor: Actor;
  rating: FeedbackRating;
  /** Why a thumbs-down: at least one of incorrect, unclear, incomplete. None for a thumbs-up. */
  reasons?: readonly string[];
  comment?: string;
  /** When given, the answer must belong to this conversation. */
  conversationId?: string;
}

/**
 * One person's latest rating of one answer, stored with the question, the answer's title and
 * summary and the skills that ran, so later answers for the tenant can learn from it without
 * reading the turn again.
 */
export interface FeedbackRecord {
  id: string;
  tenantId: string;
  turnId: string;
  conversationId: string;
  actor: Actor;
  rating: FeedbackRating;
  reasons: FeedbackReason[];
  comment?: string;
  question: string;
  answerTitle: string;
  answerSummary: string;
  skills: string[];
  /** ISO timestamp. */
  at: string;
}

type FeedbackDocument = FeedbackRecord & { type: typeof FEEDBACK_TYPE };

export interface FeedbackServiceDeps extends CollabClock {
  store: DocumentStore;
  turns: TurnRepository;
  audit: AuditLog;
}

/** Thumbs up and down on answers, in the `feedback` container. Never used to train models. */
export class FeedbackService {
  private readonly clock: Required<CollabClock>;

  constructor(private readonly deps: FeedbackServiceDeps) {
    this.clock = resolveClock(deps);
  }

  /** Records a rating; a person's new rating of the same answer replaces their earlier one. */
  async record(input: FeedbackInput): Promise<FeedbackRecord> {
    const rating = checkRating(input.rating);
    const reasons = checkReasons(rating, input.reasons ?? []);
    const comment = checkComment(input.comment);
    const turn = await this.deps.turns.require(input.tenantId, input.turnId);
    if (input.conversationId !== undefined) {
      assertTurnInConversation(turn, input.conversationId, 'rate');
    }

    const record: FeedbackRecord = {
      id: derivedId(FEEDBACK_TYPE, turn.id, input.actor.id),
      tenantId: input.tenantId,
      turnId: turn.id,
      conversationId: turn.conversationId,
      actor: input.actor,
      rating,
      reasons,
      ...(comment !== undefined && { comment }),
      question: turn.question,
      answerTitle: turn.answer.title,
      answerSummary: turn.answer.summary,
      skills: turn.answer.skills,
      at: this.clock.now().toISOString(),
    };
    await this.deps.store.upsert<FeedbackDocument>(CONTAINER, { ...record, type: FEEDBACK_TYPE });
    await this.deps.audit.record(input.tenantId, {
      action: 'feedback',
      actor: input.actor,
      target: turn.id,
      detail: { rating, reasons },
    });
    return record;
  }

  /** The tenant's newest feedback first, optionally only one rating; at most `limit`. */
  async recent(
    tenantId: string,
    options: { rating?: FeedbackRating; limit?: number } = {},
  ): Promise<FeedbackRecord[]> {
    const where: Record<string, FieldValue> = { type: FEEDBACK_TYPE };
    if (options.rating) where.rating = options.rating;
    const docs = await this.deps.store.query<FeedbackDocument>(CONTAINER, tenantId, {
      where,
      orderBy: { field: 'at', direction: 'desc' },
      limit: options.limit ?? 50,
    });
    return docs.map(toRecord);
  }
}

function checkRating(rating: unknown): FeedbackRating {
  if (rating === 'up' || rating === 'down') return rating;
  throw new ValidationError(
    'feedback_rating_invalid',
    `Feedback rating must be "up" or "down"; got ${JSON.stringify(rating)}.`,
  );
}

function checkReasons(rating: FeedbackRating, given: readonly string[]): FeedbackReason[] {
  const reasons = [...new Set(given.map((reason) => reason.trim().toLowerCase()))];
  const unknown = reasons.filter((reason) => !FEEDBACK_REASONS.includes(reason as FeedbackReason));
  if (unknown.length > 0) {
    throw new ValidationError(
      'feedback_reason_invalid',
      `"${unknown[0]?.slice(0, 40)}" is not a feedback reason: choose from incorrect, unclear ` +
        'and incomplete.',
    );
  }
  if (rating === 'up' && reasons.length > 0) {
    throw new ValidationError(
      'feedback_reason_invalid',
      'Reasons go with a thumbs-down only; send a thumbs-up without reasons.',
    );
  }
  if (rating === 'down' && reasons.length === 0) {
    throw new ValidationError(
      'feedback_reason_required',
      'Pick at least one reason (incorrect, unclear or incomplete) so Warden can do better.',
    );
  }
  return reasons as FeedbackReason[];
}

function checkComment(comment: string | undefined): string | undefined {
  const trimmed = comment?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > FEEDBACK_COMMENT_MAX_CHARS) {
    throw new ValidationError(
      'feedback_comment_too_long',
      `Your comment is ${trimmed.length} characters long; shorten it to ` +
        `${FEEDBACK_COMMENT_MAX_CHARS} or fewer and send it again.`,
    );
  }
  return trimmed;
}

function toRecord(doc: StoredDocument<FeedbackDocument>): FeedbackRecord {
  const { type: _type, etag: _etag, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = doc;
  return record;
}
