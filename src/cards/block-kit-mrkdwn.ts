import { isWebUrl, truncate } from './markdown';

/**
 * Slack text objects speak mrkdwn, not Markdown: `*bold*`, `_italic_`, `~strike~`, `<url|text>`
 * links, and `&`, `<`, `>` escaped as HTML entities:
 * https://docs.slack.dev/messaging/formatting-message-text
 * Escaping every `<` also means text from a model or a tool can never smuggle in a `<!channel>`
 * ping or a disguised link.
 */

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const BULLET = /^(\s*)[-*+]\s+/;
const QUOTE = /^\s{0,3}>\s?/;
/** A link target may hold one level of parentheses, as Wikipedia-style URLs do. */
const TARGET = String.raw`\(((?:[^()\s]|\([^()\s]*\))+)\)`;
const LINK = new RegExp(String.raw`!?\[([^\]]+)\]` + TARGET, 'g');
const INLINE_CODE = /`([^`\n]+)`/g;
/** Placeholders keep links and code away from escaping and emphasis rewriting. */
const TOKEN = /\u0000(\d+)\u0000/g;
const BOLD_MARK = '\u0001';

/** Escapes the three characters Slack treats as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack link, or the escaped title alone when the URL is not a plain http(s) URL. */
export function mrkdwnLink(title: string, url: string): string {
  const label = escapeMrkdwn(title.replace(/\s+/g, ' ').trim());
  if (!isWebUrl(url)) return label;
  const target = url
    .replace(/&/g, '&amp;')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\|/g, '%7C');
  return `<${target}|${label || target}>`;
}

/** Rewrites Markdown into Slack mrkdwn, line by line, leaving fenced code as code. */
export function toMrkdwn(markdown: string): string {
  let inFence = false;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out = lines.map((line) => {
    if (FENCE.test(line)) {
      inFence = !inFence;
      return '```';
    }
    return inFence ? escapeMrkdwn(line) : rewriteLine(line);
  });
  if (inFence) {
    while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
    out.push('```');
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function rewriteLine(line: string): string {
  const heading = HEADING.exec(line);
  if (heading) return `*${rewriteInline(heading[1].replace(/\*\*|__/g, ''))}*`;
  const quote = QUOTE.exec(line);
  if (quote) return `> ${rewriteInline(line.slice(quote[0].length))}`;
  const bullet = BULLET.exec(line);
  if (bullet) return `${bullet[1]}• ${rewriteInline(line.slice(bullet[0].length))}`;
  return rewriteInline(line);
}

function rewriteInline(text: string): string {
  const tokens: string[] = [];
  const keep = (value: string) => `\u0000${tokens.push(value) - 1}\u0000`;
  const protectedText = text
    .replace(INLINE_CODE, (_whole, code: string) => keep(`\`${escapeMrkdwn(code)}\``))
    .replace(LINK, (_whole, label: string, url: string) => keep(mrkdwnLink(label, url)));
  const styled = escapeMrkdwn(protectedText)
    .replace(/\*\*(?=\S)(.+?)\*\*/g, `${BOLD_MARK}$1${BOLD_MARK}`)
    .replace(/__(?=\S)(.+?)__/g, `${BOLD_MARK}$1${BOLD_MARK}`)
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/~~(?=\S)(.+?)~~/g, '~$1~')
    .split(BOLD_MARK)
    .join('*');
  return styled.replace(TOKEN, (_whole, index: string) => tokens[Number(index)] ?? '');
}

/**
 * Cuts mrkdwn into pieces of at most `maxChars` at line breaks, closing and reopening a code
 * fence that spans a cut, so each piece can be its own section block.
 */
export function splitMrkdwn(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let inFence = false;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.length > maxChars - 8 ? cutLine(rawLine, maxChars - 8) : rawLine;
    const closing = inFence ? '\n```' : '';
    if (current !== '' && current.length + 1 + line.length + closing.length > maxChars) {
      pieces.push(current + closing);
      current = inFence ? '```' : '';
    }
    current = current === '' ? line : `${current}\n${line}`;
    if (line.trim() === '```') inFence = !inFence;
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces;
}

/** Cuts one over-long line without leaving half a `<url|title>` link or an entity behind. */
function cutLine(line: string, maxChars: number): string {
  let cut = truncate(line, maxChars);
  const openLink = cut.lastIndexOf('<');
  if (openLink > cut.lastIndexOf('>')) cut = `${cut.slice(0, openLink).trimEnd()}…`;
  return cut.replace(/&[a-z]*…$/, '…');
}
