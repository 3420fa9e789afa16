/** The Block Kit (Slack) side of `cards/`, exported through `cards/index.ts`. */
export {
  ASKED_BLOCK_ID,
  SLACK_ACTION_IDS,
  renderAnswerBlocks,
  verbForActionId,
  type AnswerBlocksOptions,
  type SlackButtonVerb,
} from './block-kit';
export {
  FEEDBACK_MODAL_ID,
  MODAL_INPUTS,
  SHARE_MODAL_ID,
  feedbackModal,
  readModalOrigin,
  shareModal,
  type ModalOrigin,
} from './block-kit-modals';
export { escapeMrkdwn, mrkdwnLink, toMrkdwn } from './block-kit-mrkdwn';
export { renderNoteBlocks, renderNoticeBlocks, renderPinBoardBlocks } from './block-kit-notices';
export { BLOCK_KIT_LIMITS, type Block, type ModalView, type SlackMessage } from './block-kit-types';
export { validateBlockKitMessage, validateModalView } from './block-kit-validate';
