export { renderAnswerCard } from './answer-card';
export { renderPinBoardCard, type PinBoardEntry } from './pin-board-card';
export { renderNoticeCard } from './notice-card';
export { validateAdaptiveCard } from './validate';
export { plainExcerpt, toCardMarkdown } from './markdown';
export { CARD_BUDGET_BYTES, TEAMS_MESSAGE_LIMIT_BYTES, MAX_TABLE_ROWS, cardBytes } from './budget';
export { FEEDBACK_COMMENT_MAX_CHARS } from './forms';
export { AI_NOTE } from './elements';
export type * from './types';
