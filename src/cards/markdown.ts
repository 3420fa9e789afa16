/**
 * Adaptive Card TextBlocks understand only a small Markdown subset: bold, italic, bulleted and
 * numbered lists, and links:
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
 * Anything else would show as raw symbols, so it is rewritten into that subset here.
 */

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const STAR_BULLET = /^(\s*)[*+]\s+/;
const QUOTE = /^\s{0,3}>\s?/;
/** A link target may hold one level of parentheses, as Wikipedia-style URLs do. */
const TARGET = String.raw`\(((?:[^()\s]|\([^()\s]*\))+)\)`;
const IMAGE = new RegExp(String.raw`!\[([^\]]*)\]` + TARGET, 'g');
const LINK = new RegExp(String.raw`\[([^\]]+)\]` + TARGET, 'g');
const INLINE_CODE = /`([^`]+)`/g;

/** Rewrites Markdown into the subset Adaptive Cards render. */
export function toCardMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .filter((line) => !FENCE.test(line))
    .map(rewriteLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function rewriteLine(line: string): string {
  const headingMatch = HEADING.exec(line);
  const withoutBlock = headingMatch
    ? `**${headingMatch[1]}**`
    : line.replace(QUOTE, '').replace(STAR_BULLET, '$1- ');
  return withoutBlock
    .replace(IMAGE, '$1')
    .replace(INLINE_CODE, '$1')
    .replace(LINK, (_whole, label: string, url: string) =>
      isWebUrl(url) ? `[${label}](${url})` : label,
    );
}

/** Only http(s) links are clickable on a card; other schemes are shown as plain text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/** A Markdown link that survives brackets in the title and parentheses in the URL. */
export function markdownLink(title: string, url: string): string {
  const safeTitle = title.replace(/\[/g, '(').replace(/\]/g, ')');
  const safeUrl = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${safeTitle}](${safeUrl})`;
}

/** The first words of a Markdown text as one plain line, for excerpts. */
export function plainExcerpt(markdown: string, maxChars: number): string {
  const plain = toCardMarkdown(markdown)
    .replace(LINK, '$1')
    .replace(/^\s*(-|\d+\.)\s+/gm, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(plain, maxChars);
}

/** Cuts text to at most `maxChars`, at a word boundary when one is near, and adds an ellipsis. */
export function truncate(value: string, maxChars: number): string {
  if (value.length <= maxChars) return value;
  let cut = value.slice(0, Math.max(0, maxChars - 1));
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > cut.length * 0.8) cut = cut.slice(0, lastSpace);
  // A cut between the two halves of a surrogate pair would leave an unprintable character.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
