import type { Answer } from '../core/answer';

/** A pin as a Markdown export shows it. */
export interface ExportedPin {
  title: string;
  excerpt: string;
  pinnedBy: string;
  pinnedAt: string;
}

const AI_NOTICE = '_AI-generated content may be incorrect. Check important facts._';

/** `Answer` → Markdown, for the command line and for exports. */
export function renderAnswerMarkdown(answer: Answer): string {
  const parts: string[] = [`## ${answer.title}`];
  if (answer.demoData) {
    parts.push('> **Demo data**: this answer uses the built-in Contoso demo tenant.');
  }
  if (answer.sharedFrom) {
    parts.push(`> Shared by ${answer.sharedFrom.by} from ${answer.sharedFrom.conversationName}`);
  }
  parts.push(answer.summary);
  if (answer.facts && answer.facts.length > 0) {
    parts.push(answer.facts.map((f) => `- **${f.label}:** ${f.value}`).join('\n'));
  }
  if (answer.table && answer.table.rows.length > 0) parts.push(markdownTable(answer.table));
  if (answer.sources.length > 0) {
    const lines = answer.sources.map((s) => (s.url ? `- [${s.title}](${s.url})` : `- ${s.title}`));
    parts.push(`**Sources**\n${lines.join('\n')}`);
  }
  if (answer.suggestions && answer.suggestions.length > 0) {
    parts.push(`**Try next**\n${answer.suggestions.map((s) => `- ${s}`).join('\n')}`);
  }
  if (answer.correlationId) parts.push(`Correlation id: \`${answer.correlationId}\``);
  if (answer.kind === 'answer') parts.push(AI_NOTICE);
  return `${parts.join('\n\n')}\n`;
}

/** A conversation's Pin Board as a Markdown document, newest pin first. */
export function renderPinBoardMarkdown(conversationName: string, pins: ExportedPin[]): string {
  const lines = [`# Pin Board: ${conversationName}`, ''];
  if (pins.length === 0) lines.push('Nothing is pinned in this conversation yet.');
  for (const pin of pins) {
    lines.push(`## ${pin.title}`, '', `Pinned by ${pin.pinnedBy} on ${pin.pinnedAt}`, '');
    lines.push(pin.excerpt, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function markdownTable(table: NonNullable<Answer['table']>): string {
  const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const header = `| ${table.columns.map(cell).join(' | ')} |`;
  const rule = `| ${table.columns.map(() => '---').join(' | ')} |`;
  const rows = table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`);
  const caption = table.caption ? `${table.caption}\n\n` : '';
  return `${caption}${[header, rule, ...rows].join('\n')}`;
}
