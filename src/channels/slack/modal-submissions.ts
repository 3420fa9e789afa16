import type { App, ViewOutput } from '@slack/bolt';
import {
  FEEDBACK_MODAL_ID,
  MODAL_INPUTS,
  SHARE_MODAL_ID,
  readModalOrigin,
  renderAnswerBlocks,
  renderNoteBlocks,
  type ModalOrigin,
  type SlackMessage,
} from '../../cards';
import { FEEDBACK_SAVED_NOTICE, type CardActionHandler } from '../../collab/actions';
import type { ConversationDirectory } from '../../collab/directory';
import type { CardAction } from '../../core/actions';
import type { Logger } from '../../core/logger';
import { slackActor, tenantOf } from './inbound';
import { refusalMessage } from './refusal';
import {
  NOT_IN_CONVERSATION,
  postEphemeral,
  postMessage,
  slackErrorCode,
  type WebClient,
} from './web-api';

export interface ModalDeps {
  actions: CardActionHandler;
  directory: ConversationDirectory;
  logger: Logger;
}

/** A submitted modal: who, which tenant, and where the modal was opened from. */
interface Submission {
  client: WebClient;
  tenantId: string;
  userId: string;
  origin: ModalOrigin;
}

type ModalErrors = { response_action: 'errors'; errors: Record<string, string> };

/**
 * The thumbs-down and Share modals. Inputs Slack cannot check itself are checked before the
 * acknowledgement, so mistakes show next to the field; the rest runs after it.
 */
export function registerModalSubmissions(app: App, deps: ModalDeps): void {
  app.view(FEEDBACK_MODAL_ID, async ({ ack, body, view, client, context }) => {
    const submission = readSubmission(view, body.user.id, client, tenantOf(context));
    const reasons = selectedReasons(view);
    if (submission && reasons.length === 0) {
      return ack(fieldError(MODAL_INPUTS.reasons.block, 'Pick at least one reason.'));
    }
    await ack();
    if (!submission) return deps.logger.warn('feedback modal without Warden metadata; ignored');
    const comment = inputValue(view, MODAL_INPUTS.comment)?.value ?? '';
    await settle(submission, deps.logger, 'feedback', async () => {
      const result = await deps.actions.handle(
        action(submission, 'feedback.submit', { reasons: reasons.join(','), comment }),
      );
      return renderNoteBlocks(result.view.notice ?? FEEDBACK_SAVED_NOTICE);
    });
  });

  app.view(SHARE_MODAL_ID, async ({ ack, body, view, client, context }) => {
    const submission = readSubmission(view, body.user.id, client, tenantOf(context));
    const target = inputValue(view, MODAL_INPUTS.target)?.selected_conversation ?? undefined;
    if (submission) {
      const problem = await shareTargetProblem(deps.directory, submission, target);
      if (problem) return ack(fieldError(MODAL_INPUTS.target.block, problem));
    }
    await ack();
    if (!submission || !target) return deps.logger.warn('share modal without a target; ignored');
    await settle(submission, deps.logger, 'share', () => share(deps, submission, target));
  });
}

async function share(
  deps: ModalDeps,
  submission: Submission,
  target: string,
): Promise<SlackMessage> {
  const result = await deps.actions.handle(action(submission, 'share.submit', { target }));
  const shared = result.shared;
  if (!shared) throw new Error('share.submit returned no shared turn');
  try {
    await postMessage(
      submission.client,
      { channel: shared.target.id },
      renderAnswerBlocks(shared.turn.answer),
    );
  } catch (error) {
    if (!NOT_IN_CONVERSATION.has(slackErrorCode(error) ?? '')) throw error;
    return renderNoteBlocks(
      `Warden could not post in ${shared.target.name}: it is no longer in that channel. Add it ` +
        'again with /invite @Warden, then share once more.',
    );
  }
  return renderNoteBlocks(result.view.notice ?? `Shared to ${shared.target.name}.`);
}

/** Problems shown next to the picker; ShareService checks everything again after the ack. */
async function shareTargetProblem(
  directory: ConversationDirectory,
  submission: Submission,
  target: string | undefined,
): Promise<string | undefined> {
  if (!target) return 'Pick a channel to share to.';
  if (target === submission.origin.channel) {
    return 'The answer is already in this channel: pick another one.';
  }
  const known = await directory.get(submission.tenantId, target);
  if (!known) {
    return 'Warden is not in that channel yet. Add it with /invite @Warden, then share again.';
  }
  return undefined;
}

/** Runs the work and tells the person how it went, in the channel the modal came from. */
async function settle(
  submission: Submission,
  logger: Logger,
  what: string,
  work: () => Promise<SlackMessage>,
): Promise<void> {
  let message: SlackMessage;
  try {
    message = await work();
  } catch (error) {
    message = refusalMessage(error, logger, what);
  }
  const { channel, threadTs } = submission.origin;
  await postEphemeral(submission.client, { channel, threadTs, user: submission.userId }, message);
}

function action(
  submission: Submission,
  verb: CardAction['verb'],
  inputs: Record<string, string>,
): CardAction {
  const { tenantId, origin } = submission;
  return {
    verb,
    turnId: origin.turnId,
    tenantId,
    conversation: { id: origin.channel, tenantId, channel: 'slack' },
    actor: slackActor(submission.userId),
    inputs,
  };
}

function readSubmission(
  view: ViewOutput,
  userId: string,
  client: WebClient,
  tenantId: string,
): Submission | undefined {
  const origin = readModalOrigin(view.private_metadata);
  return origin && { client, tenantId, userId, origin };
}

type InputState = ViewOutput['state']['values'][string][string];

function inputValue(
  view: ViewOutput,
  input: { block: string; action: string },
): InputState | undefined {
  return view.state.values[input.block]?.[input.action];
}

function selectedReasons(view: ViewOutput): string[] {
  const options = inputValue(view, MODAL_INPUTS.reasons)?.selected_options ?? [];
  return options.map((option) => option.value).filter((value): value is string => !!value);
}

function fieldError(blockId: string, message: string): ModalErrors {
  return { response_action: 'errors', errors: { [blockId]: message } };
}
