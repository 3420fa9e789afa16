import { type Activity, TurnContext } from 'botbuilder';
import type { Attachment } from '../../core/conversation';
import { lower, textAt } from './activity';

/** Formatting tags Teams puts around plain text; anything else is left for the engine to see. */
const FORMATTING_TAGS = /<\/?(?:p|div|span|b|strong|i|em|u|s|br)\b[^>]*>/gi;
const BREAKING_TAGS = /<(?:br\s*\/?|\/p|\/div)>/gi;
const MENTION_TAG = /<at\b[^>]*>(.*?)<\/at>/gi;
const HTML_MENTION = /<span\b[^>]*schema\.skype\.com\/Mention[^>]*>(.*?)<\/span>/gi;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * The question as the user meant it: the bot's mention removed (through the mention entity, the
 * way botbuilder does it, and then any `<at>` tag naming the bot), other people's mentions kept
 * as plain names, entities decoded. When Teams sends no text, the `text/html` attachment that
 * carries the same message is read instead.
 */
export function questionText(activity: Partial<Activity>): string {
  const raw = typeof activity.text === 'string' ? activity.text : '';
  const text = plainText(withoutBotMention(activity, raw), botNames(activity));
  return text !== '' ? text : plainText(htmlAttachmentText(activity), botNames(activity));
}

/** Attachments other than the HTML copy of the message, by name only: Warden downloads nothing. */
export function fileAttachments(activity: Partial<Activity>): Attachment[] {
  return (activity.attachments ?? [])
    .filter((attachment) => lower(textAt(attachment, 'contentType')) !== 'text/html')
    .filter((attachment) => !lower(textAt(attachment, 'contentType'))?.includes('card'))
    .map((attachment) => ({
      name: textAt(attachment, 'name') ?? 'attachment',
      contentType: textAt(attachment, 'contentType') ?? 'application/octet-stream',
    }));
}

function withoutBotMention(activity: Partial<Activity>, text: string): string {
  if (!text || !textAt(activity.recipient, 'id')) return text;
  // botbuilder's helper reads every entity's `type` and `mentioned.id`; pass only well-formed ones.
  const entities = (activity.entities ?? []).filter(
    (entity) => textAt(entity, 'type') !== undefined && textAt(entity, 'mentioned', 'id'),
  );
  return TurnContext.removeRecipientMention({ ...activity, text, entities }) ?? text;
}

/** Names the bot is mentioned by: its account name and the text of its mention entities. */
function botNames(activity: Partial<Activity>): Set<string> {
  const names = new Set<string>();
  const botId = textAt(activity.recipient, 'id');
  const own = textAt(activity.recipient, 'name');
  if (own) names.add(normaliseName(own));
  for (const entity of activity.entities ?? []) {
    if (
      lower(textAt(entity, 'type')) !== 'mention' ||
      textAt(entity, 'mentioned', 'id') !== botId
    ) {
      continue;
    }
    const name = textAt(entity, 'mentioned', 'name');
    if (name) names.add(normaliseName(name));
  }
  return names;
}

function plainText(value: string, botNames: Set<string>): string {
  const withoutMentions = value.replace(MENTION_TAG, (_tag, inner: string) =>
    botNames.has(normaliseName(inner)) ? ' ' : inner,
  );
  return decodeEntities(withoutMentions.replace(BREAKING_TAGS, '\n').replace(FORMATTING_TAGS, ''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Teams sends the rich copy of a message as a `text/html` attachment whose content is a string. */
function htmlAttachmentText(activity: Partial<Activity>): string {
  const html = (activity.attachments ?? []).find(
    (attachment) => lower(textAt(attachment, 'contentType')) === 'text/html',
  );
  const content = textAt(html, 'content');
  if (!content) return '';
  // The HTML marks mentions with a schema.skype.com Mention span instead of `<at>`; as `<at>`
  // they go through the same mention handling as `text`. Every other tag becomes a space.
  return content.replace(HTML_MENTION, '<at>$1</at>').replace(/<(?!\/?at\b)[^>]*>/gi, ' ');
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== '#') return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
    const point =
      code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
    return Number.isInteger(point) && point > 0 && point <= 0x10ffff
      ? String.fromCodePoint(point)
      : whole;
  });
}

function normaliseName(name: string): string {
  return name.replace(/^@/, '').trim().toLowerCase();
}
