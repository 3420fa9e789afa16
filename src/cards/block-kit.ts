import type { CardActionVerb, CardView } from '../core/actions';
import type { Answer, Source } from '../core/answer';
import { MAX_TABLE_ROWS } from './budget';
import { AI_NOTE } from './elements';
import { mrkdwnLink, splitMrkdwn, toMrkdwn, escapeMrkdwn } from './block-kit-mrkdwn';
import {
  channelLabel,
  context,
  factFields,
  monospaceTable,
  mrkdwn,
  person,
  plain,
  slackDate,
} from './block-kit-text';
import {
  BLOCK_KIT_LIMITS,
  type ActionsBlock,
  type Block,
  type ButtonElement,
  type SlackMessage,
} from './block-kit-types';
import { plainExcerpt, truncate } from './markdown';

/** Buttons carry these action ids and the turn id as their only value. */
export const SLACK_ACTION_IDS = {
  pin: 'warden.pin',
  unpin: 'warden.unpin',
  'feedback.up': 'warden.feedback.up',
  'feedback.down': 'warden.feedback.down',
  'share.open': 'warden.share',
} as const satisfies Partial<Record<CardActionVerb, string>>;

export type SlackButtonVerb = keyof typeof SLACK_ACTION_IDS;

/** The card action verb a button's action id stands for, or undefined for anything else. */
export function verbForActionId(actionId: string): SlackButtonVerb | undefined {
  const entry = Object.entries(SLACK_ACTION_IDS).find(([, id]) => id === actionId);
  return entry?.[0] as SlackButtonVerb | undefined;
}

/** The block a `/warden ask` answer opens with, so a redrawn message can keep it. */
export const ASKED_BLOCK_ID = 'warden.asked';

export interface AnswerBlocksOptions {
  /** Shown above answers to slash commands, whose question nobody else saw. */
  askedBy?: { userId: string; question: string };
}

const SUMMARY_SECTIONS = 3;
const TRIMMED_NOTE = 'Trimmed to fit Slack. Ask a narrower question to see the rest.';

/**
 * Draws an answer as a Slack message within Block Kit's limits: at most 50 blocks, 3,000
 * characters per section, a 150-character header and a plain fallback `text` for notifications.
 */
export function renderAnswerBlocks(
  answer: Answer,
  view: CardView = { mode: 'answer' },
  options: AnswerBlocksOptions = {},
): SlackMessage {
  const blocks: Block[] = [
    ...askedBlocks(options.askedBy),
    ...labelBlocks(answer),
    { type: 'header', text: plain(answer.title, BLOCK_KIT_LIMITS.headerChars) },
    ...summaryBlocks(answer),
    ...dataBlocks(answer),
    ...sourceBlocks(answer.sources),
    ...suggestionBlocks(answer.suggestions ?? []),
    ...stateBlocks(view),
    context(`_${AI_NOTE}_`),
    ...actionBlocks(answer, view),
  ];
  return { text: fallbackText(answer), blocks: blocks.slice(0, BLOCK_KIT_LIMITS.messageBlocks) };
}

function askedBlocks(askedBy: AnswerBlocksOptions['askedBy']): Block[] {
  if (!askedBy) return [];
  const question = escapeMrkdwn(truncate(askedBy.question.replace(/\s+/g, ' '), 2500));
  return [context(`${person(askedBy.userId)} asked: ${question}`, ASKED_BLOCK_ID)];
}

function labelBlocks(answer: Answer): Block[] {
  const blocks: Block[] = [];
  if (answer.demoData) {
    blocks.push(
      context(
        ":warning: *Demo data*: this answer uses Warden's built-in demo tenant, not your " +
          "organisation's systems.",
      ),
    );
  }
  if (answer.sharedFrom) {
    const { by, conversationName, at } = answer.sharedFrom;
    blocks.push(
      context(`Shared by ${person(by)} from ${channelLabel(conversationName)} · ${slackDate(at)}`),
    );
  }
  return blocks;
}

function summaryBlocks(answer: Answer): Block[] {
  const pieces = splitMrkdwn(toMrkdwn(answer.summary), BLOCK_KIT_LIMITS.sectionTextChars);
  const blocks: Block[] = pieces
    .slice(0, SUMMARY_SECTIONS)
    .map((text) => ({ type: 'section', text: mrkdwn(text) }));
  if (pieces.length > SUMMARY_SECTIONS) blocks.push(context(TRIMMED_NOTE));
  if (answer.kind === 'error' && answer.correlationId) {
    blocks.push(context(`Reference id for support: \`${escapeMrkdwn(answer.correlationId)}\``));
  }
  return blocks;
}

function dataBlocks(answer: Answer): Block[] {
  const blocks: Block[] = [];
  const facts = answer.facts ?? [];
  const fields = factFields(facts.slice(0, 2 * BLOCK_KIT_LIMITS.sectionFields));
  for (let i = 0; i < fields.length; i += BLOCK_KIT_LIMITS.sectionFields) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + BLOCK_KIT_LIMITS.sectionFields) });
  }
  if (facts.length > fields.length) blocks.push(context(TRIMMED_NOTE));

  const table = answer.table;
  if (table && table.columns.length > 0) {
    if (table.caption) {
      blocks.push({
        type: 'section',
        text: mrkdwn(`*${escapeMrkdwn(truncate(table.caption, 200))}*`),
      });
    }
    const rendered = monospaceTable(table, MAX_TABLE_ROWS);
    blocks.push({ type: 'section', text: mrkdwn(rendered.text) });
    const hidden = table.rows.length - rendered.shownRows;
    if (hidden > 0) blocks.push(context(`+${hidden} more ${hidden === 1 ? 'row' : 'rows'}`));
  }
  return blocks;
}

const MAX_SOURCES = 10;

function sourceBlocks(sources: Source[]): Block[] {
  if (sources.length === 0) return [];
  const lines = sources.slice(0, MAX_SOURCES).map((source) => {
    const title = truncate(source.title, 200);
    return `• ${source.url ? mrkdwnLink(title, source.url) : escapeMrkdwn(title)}`;
  });
  const text = truncate(`*Sources*\n${lines.join('\n')}`, BLOCK_KIT_LIMITS.sectionTextChars);
  return [{ type: 'section', text: mrkdwn(cutAtLine(text)) }];
}

function suggestionBlocks(suggestions: string[]): Block[] {
  if (suggestions.length === 0) return [];
  const lines = suggestions.slice(0, 5).map((item) => `• ${escapeMrkdwn(truncate(item, 200))}`);
  return [{ type: 'section', text: mrkdwn(`*You could ask next*\n${lines.join('\n')}`) }];
}

function stateBlocks(view: CardView): Block[] {
  const blocks: Block[] = [];
  if (view.pinned) {
    blocks.push(
      context(`:pushpin: Pinned by ${person(view.pinned.by)} · ${slackDate(view.pinned.at)}`),
    );
  }
  if (view.feedback) {
    const verdict = view.feedback.rating === 'up' ? ':+1: Helpful' : ':-1: Not helpful';
    blocks.push(context(`${verdict}, says ${person(view.feedback.by)}`));
  }
  if (view.notice) blocks.push(context(escapeMrkdwn(view.notice)));
  return blocks;
}

/** Error answers offer no buttons; refusals and questions back only feedback. */
function actionBlocks(answer: Answer, view: CardView): ActionsBlock[] {
  if (answer.kind === 'error') return [];
  const feedback = [
    button('feedback.up', '👍', answer.turnId, 'Helpful'),
    button('feedback.down', '👎', answer.turnId, 'Not helpful'),
  ];
  if (answer.kind !== 'answer')
    return [{ type: 'actions', block_id: 'warden.actions', elements: feedback }];
  const pin = view.pinned
    ? button('unpin', 'Unpin', answer.turnId, 'Remove from the pin board')
    : button('pin', '📌 Pin', answer.turnId, 'Keep on the pin board');
  const share = button('share.open', 'Share', answer.turnId, 'Post to another channel');
  return [{ type: 'actions', block_id: 'warden.actions', elements: [pin, ...feedback, share] }];
}

function button(verb: SlackButtonVerb, text: string, turnId: string, label: string): ButtonElement {
  return {
    type: 'button',
    action_id: SLACK_ACTION_IDS[verb],
    text: plain(text, BLOCK_KIT_LIMITS.buttonTextChars),
    value: turnId,
    accessibility_label: label,
  };
}

/** What notifications and screen readers show: the title and the start of the summary. */
function fallbackText(answer: Answer): string {
  const label = answer.demoData ? '[Demo data] ' : '';
  const excerpt = plainExcerpt(answer.summary, 300);
  return escapeMrkdwn(truncate(`${label}${answer.title}${excerpt ? `: ${excerpt}` : ''}`, 3000));
}

function cutAtLine(text: string): string {
  if (!text.endsWith('…')) return text;
  return text.slice(0, text.lastIndexOf('\n'));
}
