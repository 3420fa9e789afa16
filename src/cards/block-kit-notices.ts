import { AI_NOTE } from './elements';
import { escapeMrkdwn } from './block-kit-mrkdwn';
import { channelLabel, context, mrkdwn, person, plain, slackDate } from './block-kit-text';
import { BLOCK_KIT_LIMITS, type Block, type SlackMessage } from './block-kit-types';
import { plainExcerpt, truncate } from './markdown';
import type { PinBoardEntry } from './pin-board-card';

/** Two blocks per pin plus a header and notes stay well under Slack's 50 blocks. */
const MAX_PINS_SHOWN = 20;
const EXCERPT_CHARS = 240;

/** A conversation's pin board, newest pin first, with who pinned each answer and when. */
export function renderPinBoardBlocks(
  pins: PinBoardEntry[],
  conversationName?: string,
): SlackMessage {
  const title = conversationName
    ? `📌 Pin board · ${conversationName.startsWith('#') ? '' : '#'}${conversationName}`
    : '📌 Pin board';
  const blocks: Block[] = [{ type: 'header', text: plain(title, BLOCK_KIT_LIMITS.headerChars) }];
  if (pins.length === 0) {
    const empty = 'Nothing is pinned here yet. Use *📌 Pin* on an answer to keep it here.';
    blocks.push({ type: 'section', text: mrkdwn(empty) });
    return { text: `${title}: nothing pinned yet`, blocks };
  }
  for (const pin of pins.slice(0, MAX_PINS_SHOWN)) blocks.push(...pinBlocks(pin));
  const hidden = pins.length - Math.min(pins.length, MAX_PINS_SHOWN);
  if (hidden > 0) blocks.push(context(`+${hidden} older ${hidden === 1 ? 'pin' : 'pins'}`));
  blocks.push(context(`_${AI_NOTE}_`));
  const where = conversationName ? ` in ${channelLabel(conversationName)}` : '';
  return {
    text: `${pins.length} pinned ${pins.length === 1 ? 'answer' : 'answers'}${where}`,
    blocks,
  };
}

function pinBlocks(pin: PinBoardEntry): Block[] {
  const title = escapeMrkdwn(truncate(pin.title, 200));
  const excerpt = escapeMrkdwn(plainExcerpt(pin.summary, EXCERPT_CHARS));
  const label = pin.demoData ? '*Demo data* · ' : '';
  const who = person(pin.pinnedBy.name ?? pin.pinnedBy.id);
  return [
    { type: 'section', text: mrkdwn(excerpt ? `*${title}*\n${excerpt}` : `*${title}*`) },
    context(`${label}Pinned by ${who} · ${slackDate(pin.pinnedAt)}`),
  ];
}

/**
 * One line of explanation in place of an answer: a refused button, usage help, a failure.
 * `body` is mrkdwn: escape anything a person or a model wrote with `escapeMrkdwn` first.
 */
export function renderNoticeBlocks(title: string, body: string): SlackMessage {
  const text = truncate(body, BLOCK_KIT_LIMITS.sectionTextChars);
  return {
    text: truncate(`${escapeMrkdwn(title)}: ${body.replace(/[*_`]/g, '')}`, 3000),
    blocks: [
      { type: 'section', text: mrkdwn(`*${escapeMrkdwn(title)}*`) },
      { type: 'section', text: mrkdwn(text) },
    ],
  };
}

/** A single line such as "Pinned to this conversation’s pin board.", from plain text. */
export function renderNoteBlocks(note: string): SlackMessage {
  const text = escapeMrkdwn(truncate(note, BLOCK_KIT_LIMITS.sectionTextChars));
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}
