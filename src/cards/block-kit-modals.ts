import { FEEDBACK_REASONS, type FeedbackReason } from '../core/actions';
import { FEEDBACK_COMMENT_MAX_CHARS } from './forms';
import { context, mrkdwn, plain } from './block-kit-text';
import { BLOCK_KIT_LIMITS, type ModalView } from './block-kit-types';

/** Callback ids of Warden's modals; the Slack adapter routes submissions by them. */
export const FEEDBACK_MODAL_ID = 'warden.feedback';
export const SHARE_MODAL_ID = 'warden.share';

/** Block and action ids of the modal inputs, as `view.state.values[block][action]`. */
export const MODAL_INPUTS = {
  reasons: { block: 'warden.reasons', action: 'reasons' },
  comment: { block: 'warden.comment', action: 'comment' },
  target: { block: 'warden.target', action: 'target' },
} as const;

/**
 * Where a modal was opened from, carried in `private_metadata` (set by Warden when it opens the
 * modal, returned by Slack untouched) so the submission can answer in the same place.
 */
export interface ModalOrigin {
  turnId: string;
  /** Channel of the message whose button opened the modal. */
  channel: string;
  messageTs?: string;
  threadTs?: string;
}

const REASON_TITLES: Record<FeedbackReason, string> = {
  incorrect: 'Incorrect',
  unclear: 'Unclear',
  incomplete: 'Incomplete',
};

const TITLE = (text: string) => plain(text, BLOCK_KIT_LIMITS.modalTitleChars);

/** The thumbs-down modal: why the answer fell short (at least one reason) and a comment. */
export function feedbackModal(origin: ModalOrigin): ModalView {
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL_ID,
    title: TITLE('Improve this answer'),
    submit: TITLE('Send'),
    close: TITLE('Cancel'),
    private_metadata: JSON.stringify(origin),
    blocks: [
      {
        type: 'input',
        block_id: MODAL_INPUTS.reasons.block,
        label: plain('What was wrong with this answer?', BLOCK_KIT_LIMITS.inputLabelChars),
        element: {
          type: 'checkboxes',
          action_id: MODAL_INPUTS.reasons.action,
          options: FEEDBACK_REASONS.map((value) => ({
            text: plain(REASON_TITLES[value], BLOCK_KIT_LIMITS.optionTextChars),
            value,
          })),
        },
      },
      {
        type: 'input',
        block_id: MODAL_INPUTS.comment.block,
        optional: true,
        label: plain('Anything else?', BLOCK_KIT_LIMITS.inputLabelChars),
        element: {
          type: 'plain_text_input',
          action_id: MODAL_INPUTS.comment.action,
          multiline: true,
          max_length: FEEDBACK_COMMENT_MAX_CHARS,
          placeholder: plain('What should the answer have said?', 150),
        },
      },
      context(
        'Feedback is kept for your organisation to improve later answers. It never trains a model.',
      ),
    ],
  };
}

/**
 * The Share modal. Slack's own conversation picker lists only conversations the person can see,
 * so it never reveals a private channel to someone outside it; Warden then checks that it is in
 * the chosen one. With nowhere to share yet, the modal says so and offers no Share button.
 */
export function shareModal(origin: ModalOrigin, hasTargets: boolean): ModalView {
  const base = {
    type: 'modal' as const,
    callback_id: SHARE_MODAL_ID,
    title: TITLE('Share this answer'),
    close: TITLE(hasTargets ? 'Cancel' : 'Close'),
    private_metadata: JSON.stringify(origin),
  };
  if (!hasTargets) {
    const none =
      'Warden is not in any other channel of your workspace yet. Add it to a channel ' +
      '(`/invite @Warden`), then share from here.';
    return { ...base, blocks: [{ type: 'section', text: mrkdwn(none) }] };
  }
  return {
    ...base,
    submit: TITLE('Share'),
    blocks: [
      {
        type: 'input',
        block_id: MODAL_INPUTS.target.block,
        label: plain('Share to', BLOCK_KIT_LIMITS.inputLabelChars),
        element: {
          type: 'conversations_select',
          action_id: MODAL_INPUTS.target.action,
          placeholder: plain('Pick a channel', 150),
          filter: {
            include: ['public', 'private'],
            exclude_external_shared_channels: true,
            exclude_bot_users: true,
          },
        },
        hint: plain('Warden can post only in channels it has been added to.', 2000),
      },
    ],
  };
}

/** Reads a modal's `private_metadata` back; undefined when it is not one Warden wrote. */
export function readModalOrigin(metadata: unknown): ModalOrigin | undefined {
  if (typeof metadata !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(metadata);
    if (typeof value !== 'object' || value === null) return undefined;
    const { turnId, channel, messageTs, threadTs } = value as Record<string, unknown>;
    if (typeof turnId !== 'string' || typeof channel !== 'string') return undefined;
    return {
      turnId,
      channel,
      ...(typeof messageTs === 'string' && { messageTs }),
      ...(typeof threadTs === 'string' && { threadTs }),
    };
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
