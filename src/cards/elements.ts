import type { CardActionVerb } from '../core/actions';
import {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveCard,
  type CardElement,
  type ExecuteAction,
  type TableElement,
  type TextBlock,
} from './types';

export const AI_NOTE = 'AI-generated content may be incorrect. Check important facts.';

export function card(
  body: CardElement[],
  actions: ExecuteAction[] = [],
  fallbackText?: string,
): AdaptiveCard {
  const result: AdaptiveCard = {
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: '1.5',
    body,
  };
  if (fallbackText) result.fallbackText = fallbackText;
  if (actions.length > 0) result.actions = actions;
  return result;
}

export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): TextBlock {
  return text(value, { style: 'heading', size: 'large', weight: 'bolder' });
}

export function subtle(value: string): TextBlock {
  return text(value, { size: 'small', isSubtle: true, spacing: 'small' });
}

export function aiNote(): TextBlock {
  return text(AI_NOTE, { size: 'small', isSubtle: true, spacing: 'medium' });
}

export function execute(
  verb: CardActionVerb,
  title: string,
  turnId: string,
  extra: Partial<Pick<ExecuteAction, 'tooltip' | 'style' | 'associatedInputs'>> = {},
): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: { turnId }, ...extra };
}

/** A Table whose first row is the header (the 1.5 default for `firstRowAsHeader`). */
export function table(columns: string[], rows: string[][]): TableElement {
  const cell = (value: string, bold: boolean) => ({
    type: 'TableCell' as const,
    items: [text(value, bold ? { weight: 'bolder' } : {})],
  });
  const header = { type: 'TableRow' as const, cells: columns.map((name) => cell(name, true)) };
  const body = rows.map((row) => ({
    type: 'TableRow' as const,
    cells: columns.map((_, index) => cell(row[index] ?? '', false)),
  }));
  return {
    type: 'Table',
    spacing: 'medium',
    columns: columns.map(() => ({ width: 1 })),
    rows: [header, ...body],
  };
}

/** `2025-01-05T14:03:22.120Z` → `2025-01-05 14:03 UTC`; anything unparsable is shown as given. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Conversation names are shown the way people say them in Slack and Teams: `#inc-2041`. */
export function channelName(name: string): string {
  return name.startsWith('#') ? name : `#${name}`;
}
