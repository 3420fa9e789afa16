import { FEEDBACK_REASONS, type FeedbackReason } from '../core/actions';
import { execute, text } from './elements';
import type { ChoiceSetInput, Container, ExecuteAction } from './types';

/** Longest comment the feedback form accepts; the feedback service enforces the same limit. */
export const FEEDBACK_COMMENT_MAX_CHARS = 1000;

const REASON_TITLES: Record<FeedbackReason, string> = {
  incorrect: 'Incorrect',
  unclear: 'Unclear',
  incomplete: 'Incomplete',
};

export function feedbackForm(): Container {
  const reasons: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: 'reasons',
    label: 'What was wrong with this answer?',
    isMultiSelect: true,
    style: 'expanded',
    isRequired: true,
    errorMessage: 'Pick at least one reason.',
    choices: FEEDBACK_REASONS.map((value) => ({ title: REASON_TITLES[value], value })),
  };
  return {
    type: 'Container',
    separator: true,
    spacing: 'medium',
    items: [
      reasons,
      {
        type: 'Input.Text',
        id: 'comment',
        label: 'Anything else? (optional)',
        placeholder: 'What should the answer have said?',
        isMultiline: true,
        maxLength: FEEDBACK_COMMENT_MAX_CHARS,
      },
    ],
  };
}

export function feedbackFormActions(turnId: string): ExecuteAction[] {
  return [
    execute('feedback.submit', 'Submit', turnId, { style: 'positive' }),
    execute('feedback.cancel', 'Cancel', turnId, { associatedInputs: 'none' }),
  ];
}

export function shareForm(targets: { id: string; name: string }[]): Container {
  const frame = { type: 'Container' as const, separator: true, spacing: 'medium' as const };
  if (targets.length === 0) {
    const none = text(
      'No other conversation of your organisation has Warden yet. Add Warden to a channel ' +
        'or chat first, then share from here.',
    );
    return { ...frame, items: [none] };
  }
  const picker: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: 'target',
    label: 'Share this answer to',
    style: 'compact',
    isRequired: true,
    errorMessage: 'Pick a conversation to share to.',
    choices: targets.map((target) => ({ title: target.name, value: target.id })),
  };
  return { ...frame, items: [picker] };
}

export function shareFormActions(
  turnId: string,
  targets: { id: string; name: string }[],
): ExecuteAction[] {
  const cancel = execute('share.cancel', 'Cancel', turnId, { associatedInputs: 'none' });
  if (targets.length === 0) return [cancel];
  return [execute('share.submit', 'Share', turnId, { style: 'positive' }), cancel];
}
