import type { Actor } from '../core/conversation';
import { CARD_BUDGET_BYTES, cardBytes } from './budget';
import { aiNote, card, channelName, formatUtc, heading, subtle, text } from './elements';
import { plainExcerpt, truncate } from './markdown';
import type { AdaptiveCard, CardElement, Container } from './types';

/** One pinned answer as the pin board shows it; `collab/`'s `Pin` has this shape. */
export interface PinBoardEntry {
  turnId: string;
  title: string;
  /** The answer's summary (Markdown); the board shows an excerpt. */
  summary: string;
  pinnedBy: Actor;
  /** ISO timestamp. */
  pinnedAt: string;
  demoData?: boolean;
}

const EXCERPT_CHARS = 240;
const MAX_PINS_SHOWN = 20;

/**
 * Draws a conversation's pin board from its pins, newest first, with who pinned each answer
 * and when. The oldest pins give way when the card would outgrow the Teams size limit.
 */
export function renderPinBoardCard(pins: PinBoardEntry[], conversationName?: string): AdaptiveCard {
  const board = { pins, conversationName };
  let shown = Math.min(pins.length, MAX_PINS_SHOWN);
  let drawn = drawBoard(board, shown);
  while (shown > 1 && cardBytes(drawn) > CARD_BUDGET_BYTES) {
    shown = Math.floor(shown / 2);
    drawn = drawBoard(board, shown);
  }
  return drawn;
}

interface Board {
  pins: PinBoardEntry[];
  conversationName?: string;
}

function drawBoard(board: Board, shown: number): AdaptiveCard {
  const title = board.conversationName
    ? `📌 Pin board · ${channelName(board.conversationName)}`
    : '📌 Pin board';
  const body: CardElement[] = [heading(title)];
  if (board.pins.length === 0) {
    body.push(text('Nothing is pinned here yet. Use **📌 Pin** on an answer to keep it here.'));
    return card(body, [], title);
  }
  body.push(...board.pins.slice(0, shown).map(pinBlock));
  const hidden = board.pins.length - shown;
  if (hidden > 0) body.push(subtle(`+${hidden} older ${hidden === 1 ? 'pin' : 'pins'}`));
  body.push(aiNote());
  return card(body, [], title);
}

function pinBlock(pin: PinBoardEntry): Container {
  const who = truncate(pin.pinnedBy.name ?? pin.pinnedBy.id, 100);
  const items: CardElement[] = [text(truncate(pin.title, 200), { weight: 'bolder' })];
  const excerpt = plainExcerpt(pin.summary, EXCERPT_CHARS);
  if (excerpt) items.push(text(excerpt, { spacing: 'small' }));
  const label = pin.demoData ? '**Demo data** · ' : '';
  items.push(subtle(`${label}Pinned by ${who} · ${formatUtc(pin.pinnedAt)}`));
  return { type: 'Container', separator: true, spacing: 'medium', items };
}
